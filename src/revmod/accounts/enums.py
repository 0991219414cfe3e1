"""Vocabularies of people and their roles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person is in one review, for one State (P&R 18, 27; Status 2024 para 11-20)."""

    FOCAL_POINT = "focal_point", _("focal point")
    EXPERT = "expert", _("governmental expert")
    OBSERVER = "observer", _("observer")


class NominationStatus(models.TextChoices):
    RECORDED = "recorded", _("recorded, activation sent")
    PROFILE_SUBMITTED = "profile_submitted", _("profile submitted, awaiting approval")
    CLARIFICATION = "clarification", _("clarification requested")
    APPROVED = "approved", _("approved")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    OTHER = "other", _("other or not stated")


class InstitutionType(models.TextChoices):
    """Kinds of institution the status reports count (Status 2024 para 14)."""

    JUSTICE = "justice", _("ministry of justice")
    FOREIGN_AFFAIRS = "foreign_affairs", _("ministry of foreign affairs")
    INTERIOR = "interior", _("ministry of interior")
    PROSECUTION = "prosecution", _("prosecution service")
    POLICE = "police", _("police or law enforcement")
    JUDICIARY = "judiciary", _("judiciary")
    MISSION = "mission", _("permanent mission")
    OTHER = "other", _("other")
