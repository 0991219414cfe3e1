from django.apps import AppConfig


class LotsConfig(AppConfig):
    name = "revmod.lots"
    label = "lots"
