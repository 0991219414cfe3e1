from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "revmod.reports"
    label = "reports"
