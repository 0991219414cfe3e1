from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "revmod.translations"
    label = "translations"
    verbose_name = _("Machine translation")

    def ready(self) -> None:
        from revmod.translations import checks  # noqa: F401 (registers the configuration check)
