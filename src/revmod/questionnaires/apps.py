from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "revmod.questionnaires"
    label = "questionnaires"
