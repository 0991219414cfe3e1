from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "revmod.dialogues"
    label = "dialogues"
