"""Good practices in filling in the questionnaire, shared by a State with all States parties (P&R 42)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.core.i18n import UN_LANGUAGES
from revmod.followup import policy
from revmod.followup.models import QuestionnairePractice
from revmod.reviews.enums import StepKind, StepStatus
from revmod.reviews.models import ReviewStep

MAX_TEXT_CHARS = 20_000


def has_submitted_answers(review) -> bool:
    """The State has submitted its answers to the questionnaire in at least one phase (P&R 42)."""
    return ReviewStep.objects.filter(phase__review=review, kind=StepKind.SAQ, status=StepStatus.DONE).exists()


@transaction.atomic
def share_practice(review, *, actor, title: str, text: str, instrument=None, language: str = "en") -> QuestionnairePractice:
    """Share a good practice in filling in the questionnaire, after submitting the answers (P&R 42).

    Side effects, in order: the practice, an audit entry in the review's trail.
    """
    if not policy.can_share_practice(actor, review):
        raise Refused(_("The focal point of the State under review shares its good practices."))
    if not has_submitted_answers(review):
        raise Refused(_("Good practices in filling in the questionnaire are shared once the answers are submitted (P&R 42)."))
    title, text = " ".join(title.split()), text.strip()
    if not title or not text:
        raise Refused(_("Give the practice a title and describe it."))
    if len(title) > 200 or len(text) > MAX_TEXT_CHARS:
        raise Refused(_("A text is too long (at most %(n)s characters).") % {"n": MAX_TEXT_CHARS})
    if language not in UN_LANGUAGES:
        raise Refused(_("Unknown language: %(code)s.") % {"code": language})
    practice = QuestionnairePractice.objects.create(
        review=review, instrument=instrument, title=title, text=text, language=language, shared_by=actor,
        shared_at=timezone.now())
    record("followup.practice.shared", actor=actor, target=practice, review=review,
           data={"title": title, "instrument": getattr(instrument, "pk", None)})
    return practice


@transaction.atomic
def withdraw_practice(practice: QuestionnairePractice, *, actor) -> QuestionnairePractice:
    """The State stops sharing a practice; the row and the audit trail keep what was shared."""
    if not policy.can_share_practice(actor, practice.review):
        raise Refused(_("The focal point of the State under review shares its good practices."))
    if practice.withdrawn_at:
        raise Refused(_("This practice was already withdrawn."))
    practice.withdrawn_at = timezone.now()
    practice.save(update_fields=["withdrawn_at"])
    record("followup.practice.withdrawn", actor=actor, target=practice, review=practice.review)
    return practice
