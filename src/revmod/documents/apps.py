from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "revmod.documents"
    label = "documents"
