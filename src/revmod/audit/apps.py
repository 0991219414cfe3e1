from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "revmod.audit"
    label = "audit"
