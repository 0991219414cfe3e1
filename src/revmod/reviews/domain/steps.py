"""Moving a phase through its steps: the consultation, clearances and the one choke point."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.reference.models import Language
from revmod.reviews import deadlines, policy
from revmod.reviews.domain import guards
from revmod.reviews.domain.documents import open_documents
from revmod.reviews.enums import StepKind, StepStatus
from revmod.reviews.models import DeadlineChange, Phase, ReviewStep, StepClearance
from revmod.reviews.workflow import FINALIZED, STEP_RULES, is_allowed_move, next_step


def step_of(phase: Phase, kind: str) -> ReviewStep:
    return phase.steps.get(kind=kind)


@transaction.atomic
def record_consultation(phase: Phase, *, actor, consulted_on: date, languages: list[str],
                        exceptional_reason: str = "", division_of_tasks: str = "",
                        schedule: dict[str, date] | None = None) -> Phase:
    """Record the initial consultation and agree the deadlines, then open the SAQ step.

    One or two working languages, three only with a recorded exceptional reason (P&R 31, 50);
    deadlines within the procedures' limits (P&R 34, 35). Side effects, in order: the phase's
    agreement, each step's deadline with its history, the move to the SAQ step.
    """
    if not (policy.is_secretariat(actor) or policy.can_act_for_side(actor, phase.review, "reviewed")):
        raise Refused(_("Only the secretariat or the focal point of the State under review can record the initial consultation."))
    if consulted_on < phase.opened_on:
        raise Refused(_("The consultation cannot be before the phase opened (%(day)s).") % {"day": phase.opened_on})
    schedule = schedule or deadlines.default_schedule(consulted_on)
    problem = guards.consultation_problem(consulted_on, languages, exceptional_reason, schedule)
    if problem:
        raise Refused(problem)
    phase.consulted_on = consulted_on
    phase.exceptional_language_reason = exceptional_reason if len(languages) > 2 else ""
    phase.division_of_tasks = division_of_tasks
    phase.save(update_fields=["consulted_on", "exceptional_language_reason", "division_of_tasks"])
    phase.working_languages.set(Language.objects.filter(code__in=languages))
    for kind, due in schedule.items():
        set_deadline(step_of(phase, kind), due_on=due, actor=actor, reason="agreed at the initial consultation")
    return move_to_step(phase, from_kind=StepKind.CONSULTATION, to_kind=StepKind.SAQ, actor=actor, on=consulted_on)


def set_deadline(step: ReviewStep, *, due_on: date, actor, reason: str, extension=None) -> None:
    """Change a step's agreed deadline and keep the old one in its history."""
    if step.due_on == due_on:
        return
    DeadlineChange.objects.create(step=step, old_due_on=step.due_on, new_due_on=due_on, reason=reason,
                                  changed_by=actor, changed_at=timezone.now(), extension=extension)
    step.due_on = due_on
    step.save(update_fields=["due_on"])


@transaction.atomic
def clear_output(step: ReviewStep, *, actor) -> ReviewStep:
    """A focal point clears the step's output for their State; the last clearance moves the phase.

    Every step's output is cleared by the State's focal point before it is submitted (DOMAIN §6);
    written feedback is joint: every reviewing State clears it (P&R 35); the list and summary
    are agreed by both sides (P&R 39).
    """
    step = ReviewStep.objects.select_for_update().select_related("phase__review").get(pk=step.pk)
    party_id = policy.clearing_party(actor, step)
    if party_id is None:
        raise Refused(_("Only the focal point of a State that must clear this step can clear it, while it is open."))
    problem = guards.step_problem(step)
    if problem:
        raise Refused(problem)
    StepClearance.objects.get_or_create(step=step, party_id=party_id,
                                        defaults={"person": actor, "at": timezone.now()})
    record("reviews.step.cleared", actor=actor, target=step, review=step.phase.review,
           data={"step": step.kind, "party": party_id})
    if guards.missing_clearances(step):
        return step
    move_to_step(step.phase, from_kind=step.kind, to_kind=next_step(step.kind), actor=actor)
    step.refresh_from_db()
    return step


def move_to_step(phase: Phase, *, from_kind: str, to_kind: str, actor, on: date | None = None) -> Phase:
    """The one place a phase changes step: table check, guards, save, audit, notices (STYLE 3)."""
    if not is_allowed_move(from_kind, to_kind):
        raise Refused(_("A review cannot go from “%(a)s” to “%(b)s”.") % {"a": from_kind, "b": to_kind})
    current = step_of(phase, from_kind)
    if current.status != StepStatus.OPEN:
        raise Refused(_("This step is not open."))
    problem = guards.step_problem(current)
    if problem:
        raise Refused(problem)
    today = on or timezone.localdate()
    current.status, current.done_on = StepStatus.DONE, today
    current.save(update_fields=["status", "done_on"])
    if to_kind == FINALIZED:
        phase.finalized_at = timezone.now()
        phase.save(update_fields=["finalized_at"])
    else:
        following = step_of(phase, to_kind)
        following.status, following.opened_on = StepStatus.OPEN, today
        following.save(update_fields=["status", "opened_on"])
        open_documents(following)
    record(STEP_RULES[from_kind].audit_action, actor=actor, target=phase, review=phase.review,
           data={"from": from_kind, "to": to_kind})
    from revmod.reviews.domain.notices import step_moved

    step_moved(phase, from_kind=from_kind, to_kind=to_kind)
    return phase
