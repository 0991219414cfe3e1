from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "revmod.public"
    label = "public"
