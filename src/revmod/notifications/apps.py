from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "revmod.notifications"
    label = "notifications"
