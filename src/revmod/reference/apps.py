from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "revmod.reference"
    label = "reference"
