"""Vocabularies of written feedback and lists of observations (P&R 35, 38)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FindingState(models.TextChoices):
    """Where a written feedback or a list of observations stands."""

    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    FINALIZED = "finalized", _("finalized")


class ItemKind(models.TextChoices):
    """The typed items of the blueprint of a list of observations (P&R 38)."""

    CHALLENGE = "challenge", _("challenge or gap")
    GOOD_PRACTICE = "good_practice", _("good practice")
    RECOMMENDATION = "recommendation", _("recommendation")
    TA_NEED = "ta_need", _("technical assistance need")


class Audience(models.TextChoices):
    """Who a rendered version of a list is for: the review itself, or the working groups (P&R 38)."""

    REVIEW = "review", _("the review (complete)")
    WORKING_GROUP = "working_group", _("the working groups (without confidential parts)")
