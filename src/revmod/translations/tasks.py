"""Background work of machine translation (never inside a web request)."""

from django_tasks import task

from revmod.translations.domain import run_translation
from revmod.translations.models import Translation


@task()
def translate_version(translation_id: int) -> str:
    """Translate a queued request block by block; its page shows the progress meanwhile."""
    return run_translation(Translation.objects.get(pk=translation_id)).status
