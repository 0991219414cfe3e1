"""What a State under review may publish from its country review (P&R 41)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationKind(models.TextChoices):
    SAQ_ANSWERS = "saq_answers", _("answers to the self-assessment questionnaire")
    DIALOGUE = "dialogue", _("constructive dialogue")
    DOCUMENT = "document", _("document of the review")


# The six UN languages as the public site names them (Django language codes).
CONTENT_LANGUAGES: tuple[str, ...] = ("ar", "zh-hans", "en", "fr", "ru", "es")
RTL_LANGUAGES = frozenset({"ar"})
