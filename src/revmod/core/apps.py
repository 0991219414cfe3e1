from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "revmod.core"
    label = "core"
