from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "revmod.demo"
    label = "demo"
