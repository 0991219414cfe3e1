from django.apps import AppConfig
from django.db.backends.signals import connection_created


class AuditConfig(AppConfig):
    name = "revmod.audit"
    label = "audit"

    def ready(self) -> None:
        from revmod.audit.append_only import register_unlock_function

        connection_created.connect(register_unlock_function, dispatch_uid="revmod.audit.unlock_function")
