"""What must hold before a step's output can be cleared (the guards of workflow.STEP_RULES)."""

from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from revmod.reviews import deadlines, policy
from revmod.reviews.enums import Side, StepKind
from revmod.reviews.models import ReviewStep
from revmod.reviews.workflow import STEP_RULES

SUMMARY_WORD_LIMIT = 5000  # P&R 38; Status 2024 para 39


def consultation_problem(consulted_on: date, languages: list[str], reason: str,
                         schedule: dict[str, date]) -> str | None:
    """One or two working languages, three with a reason (P&R 31, 50); a schedule within limits."""
    known = {code for code, _name in settings.LANGUAGES}
    if not languages or any(code not in {c.split("-")[0] for c in known} for code in languages):
        return _("Choose one or two of the six working languages.")
    if len(set(languages)) != len(languages) or len(languages) > 3:
        return _("Choose one or two of the six working languages.")
    if len(languages) == 3 and not reason.strip():
        return _("A third working language needs the exceptional reason recorded.")
    for kind, issue in deadlines.schedule_problems(consulted_on, schedule):
        label = StepKind(kind).label
        if issue == "before_previous":
            return _("The deadline for %(step)s is before the step it follows.") % {"step": label}
        if issue == "too_long":
            return _("The deadline for %(step)s is more than six months after the step it follows.") % {"step": label}
        return _("The deadline for %(step)s is missing.") % {"step": label}
    return None


def step_problem(step: ReviewStep) -> str | None:
    """The first guard of the step that does not hold, as a message; None if all hold."""
    for guard in STEP_RULES[step.kind].guards:
        problem = GUARDS[guard](step)
        if problem:
            return problem
    return None


def _every_instrument_written(step: ReviewStep) -> str | None:
    empty = [d for d in step.documents.select_related("instrument") if d.current_version == 0]
    if empty:
        names = ", ".join(d.instrument_id or _("summary") for d in empty)
        return _("Some documents of this step are still empty: %(names)s.") % {"names": names}
    return None


def _summary_within_word_limit(step: ReviewStep) -> str | None:
    from revmod.documents.domain.queries import latest_word_counts

    words = sum(latest_word_counts(step).values())
    if words > SUMMARY_WORD_LIMIT:
        return _("The summary has %(n)s words; at most %(limit)s are allowed.") % {
            "n": words, "limit": SUMMARY_WORD_LIMIT}
    return None


def _questionnaires_submitted(step: ReviewStep) -> str | None:
    """Each instrument's questionnaire answers are submitted by the focal point (P&R 34)."""
    from revmod.questionnaires.domain.queries import unsubmitted_instruments

    missing = unsubmitted_instruments(step)
    if missing:
        return _("The questionnaire answers are not submitted yet: %(names)s.") % {"names": ", ".join(missing)}
    return None


def _consultation_recorded(step: ReviewStep) -> str | None:
    if step.phase.consulted_on is None:
        return _("Record the initial consultation first.")
    return None


GUARDS = {
    "languages_agreed": _consultation_recorded,
    "schedule_agreed": _consultation_recorded,
    "every_instrument_written": _every_instrument_written,
    "summary_within_word_limit": _summary_within_word_limit,
    "questionnaires_submitted": _questionnaires_submitted,
}


def missing_clearances(step: ReviewStep) -> list[str]:
    """The States whose focal points still have to clear the step."""
    review = step.phase.review
    needed = set()
    rule = STEP_RULES[step.kind]
    if Side.REVIEWED in rule.cleared_by:
        needed.add(review.party_id)
    if Side.REVIEWERS in rule.cleared_by:
        needed |= policy.reviewer_party_ids(review)
    cleared = set(step.clearances.values_list("party_id", flat=True))
    return sorted(needed - cleared)
