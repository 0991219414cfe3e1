from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindingsConfig(AppConfig):
    name = "revmod.findings"
    label = "findings"
    verbose_name = _("written feedback and lists of observations")
