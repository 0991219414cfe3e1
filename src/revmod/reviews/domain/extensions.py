"""Extensions of deadlines: asked by one side, decided by the other side or the secretariat."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.reviews import deadlines, policy
from revmod.reviews.domain.steps import set_deadline
from revmod.reviews.enums import ExtensionStatus, Side, StepStatus
from revmod.reviews.models import ExtensionRequest, ReviewStep
from revmod.reviews.workflow import STEP_RULES


def _responsible_side(step: ReviewStep) -> str:
    drafted = STEP_RULES[step.kind].drafted_by
    return Side.REVIEWED if Side.REVIEWED in drafted and Side.REVIEWERS not in drafted else Side.REVIEWERS


@transaction.atomic
def request_extension(step: ReviewStep, *, actor, new_due_on: date, reason: str) -> ExtensionRequest:
    """A focal point of the side that owes the step asks for a later deadline."""
    review = step.phase.review
    party_id = policy.can_act_for_side(actor, review, _responsible_side(step))
    if party_id is None:
        raise Refused(_("Only a focal point of the side responsible for this step can ask for an extension."))
    if step.status == StepStatus.DONE:
        raise Refused(_("This step is already submitted."))
    if step.due_on is None or new_due_on <= step.due_on:
        raise Refused(_("The new deadline must be after the agreed one."))
    if not reason.strip():
        raise Refused(_("Say why the extension is needed."))
    extension = ExtensionRequest.objects.create(step=step, party_id=party_id, asked_by=actor,
                                                asked_at=timezone.now(), new_due_on=new_due_on, reason=reason)
    record("reviews.extension.requested", actor=actor, target=extension, review=review,
           data={"step": step.kind, "new_due_on": str(new_due_on)})
    return extension


@transaction.atomic
def decide_extension(extension: ExtensionRequest, *, actor, approve: bool) -> ExtensionRequest:
    """The other side's focal point or the secretariat decides; approval moves later steps too."""
    extension = ExtensionRequest.objects.select_for_update().get(pk=extension.pk)
    step = extension.step
    review = step.phase.review
    other = Side.REVIEWERS if _responsible_side(step) == Side.REVIEWED else Side.REVIEWED
    if not (policy.is_secretariat(actor) or policy.can_act_for_side(actor, review, other)):
        raise Refused(_("Only the other side's focal point or the secretariat can decide on this extension."))
    if extension.status != ExtensionStatus.PENDING:
        raise Refused(_("This request has already been decided."))
    extension.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    extension.decided_by, extension.decided_at = actor, timezone.now()
    extension.save(update_fields=["status", "decided_by", "decided_at"])
    if approve:
        steps = {s.kind: s for s in step.phase.steps.filter(due_on__isnull=False)}
        schedule = deadlines.shift_from({k: s.due_on for k, s in steps.items()}, step.kind, extension.new_due_on)
        for kind, due in schedule.items():
            if steps[kind].status != StepStatus.DONE:
                set_deadline(steps[kind], due_on=due, actor=actor, reason="extension approved", extension=extension)
    record("reviews.extension.decided", actor=actor, target=extension, review=review,
           data={"approved": approve})
    return extension


@transaction.atomic
def change_deadline(step: ReviewStep, *, actor, due_on: date, reason: str) -> ReviewStep:
    """The secretariat records a deadline agreed outside the platform; the history is kept."""
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat can change a deadline directly."))
    if due_on < step.phase.review.started_on:
        raise Refused(_("A deadline cannot be before the review started (%(day)s).") % {"day": step.phase.review.started_on})
    if not reason.strip():
        raise Refused(_("Say why the deadline changes."))
    set_deadline(step, due_on=due_on, actor=actor, reason=reason)
    record("reviews.deadline.changed", actor=actor, target=step, review=step.phase.review,
           data={"step": step.kind, "due_on": str(due_on)})
    return step
