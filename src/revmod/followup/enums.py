"""Vocabularies of the follow-up of reviews: what a State reports on each record (P&R 42-46)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Progress(models.TextChoices):
    """Where a State stands on one record; the first three are for technical assistance needs
    (P&R 44), the others for recommendations and challenges (P&R 46). See `rules.STATUSES`."""

    NOT_MET = "not_met", _("need not met")
    PARTLY_MET = "partly_met", _("need partly met")
    MET = "met", _("need met")
    NOT_STARTED = "not_started", _("no measures yet")
    PLANNED = "planned", _("measures planned")
    IN_PROGRESS = "in_progress", _("measures under way")
    DONE = "done", _("implemented")


class Grouping(models.TextChoices):
    """How the technical assistance overview groups the needs (P&R 44); never by State."""

    INSTRUMENT = "instrument", _("instrument")
    CLUSTER = "cluster", _("thematic cluster")
    ARTICLE = "article", _("article")
    REGIONAL_GROUP = "regional_group", _("regional group")


def progress_label(status: str | None) -> str:
    """The label of a reported status, or "not reported yet" for a record nobody reported on."""
    return str(Progress(status).label) if status else str(_("not reported yet"))
