"""Where a machine translation stands, and why one failed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStatus(models.TextChoices):
    QUEUED = "queued", _("waiting to run")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class Failure(models.TextChoices):
    """Why a translation stopped; the page says it in the reader's language, the detail is for the operator."""

    NONE = "", _("no failure")
    UNAVAILABLE = "unavailable", _("The translation service is not available at the moment. Nothing was lost: try again later.")
    ENGINE = "engine", _("The translation service could not translate this text. The problem was recorded for the operator; you can try again.")
    NO_ENGINE = "no_engine", _("Machine translation between these two languages is no longer offered.")


OPEN_STATUSES = frozenset({TranslationStatus.QUEUED, TranslationStatus.RUNNING})
