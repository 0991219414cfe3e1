"""A deployment check: REVMOD_MT_BACKENDS must be readable before the site starts."""

from django.core import checks

from revmod.translations import conf


@checks.register(checks.Tags.compatibility)
def machine_translation_configuration(app_configs, **kwargs):
    try:
        conf.routes()
    except conf.BadConfiguration as error:
        return [checks.Error(str(error), hint="See docs/translation.md.", id="revmod.translations.E001")]
    return []
