"""Vocabularies of the country review: steps, sides, seat bases, report statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StepKind(models.TextChoices):
    """The steps of a phase, in order (P&R 25-39)."""

    CONSULTATION = "consultation", _("initial consultation")
    SAQ = "saq", _("self-assessment questionnaire answers")
    FEEDBACK = "feedback", _("written feedback")
    DIALOGUE = "dialogue", _("constructive dialogue")
    OBSERVATIONS = "observations", _("list of observations")
    SUMMARY = "summary", _("summary")


STEP_ORDER: tuple[str, ...] = tuple(StepKind.values)


class StepStatus(models.TextChoices):
    PENDING = "pending", _("not yet open")
    OPEN = "open", _("open")
    DONE = "done", _("submitted")


class Side(models.TextChoices):
    REVIEWED = "reviewed", _("State under review")
    REVIEWERS = "reviewers", _("reviewing States")
    SECRETARIAT = "secretariat", _("secretariat")


class SeatBasis(models.TextChoices):
    """Why a reviewing State holds its seat (P&R 28, 28(b))."""

    SAME_REGION = "same_region", _("same regional group")
    OTHER_REGION = "other_region", _("other regional group")
    ADDITIONAL = "additional", _("additional, for some instruments")


class ReportStatus(models.TextChoices):
    """The public label of a review's progress (Status 2024 para 23); derived, never stored."""

    NOT_STARTED = "not_started", _("not started")
    SAQ = "saq", _("self-assessment questionnaire")
    FEEDBACK = "feedback", _("written feedback")
    OBSERVATIONS = "observations", _("list of observations")
    COMPLETED = "completed", _("completed")


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("awaiting decision")
    APPROVED = "approved", _("approved")
    REFUSED = "refused", _("refused")
