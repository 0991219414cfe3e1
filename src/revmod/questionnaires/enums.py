"""Vocabularies of the self-assessment questionnaires: kinds of question, statuses, version kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    """The kinds of question the real questionnaires use (DOMAIN §6, step 3)."""

    YES_NO_PARTLY = "yes_no_partly", _("yes / yes, in part / no, with an explanation")
    NARRATIVE = "narrative", _("narrative")
    LEGISLATION = "legislation", _("national legislation, with the text of the provision")
    EXAMPLES = "examples", _("examples of implementation (cases, statistics)")
    ASSISTANCE = "assistance", _("technical assistance needs")
    OTHER_MECHANISM = "other_mechanism", _("answers given under another review mechanism")


class DefinitionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("being answered")
    SUBMITTED = "submitted", _("submitted")


class VersionKind(models.TextChoices):
    """Why a version of the answers was kept."""

    SUBMISSION = "submission", _("submission")
    SAVE_POINT = "save_point", _("save point")
    IMPORT = "import", _("offline import")
