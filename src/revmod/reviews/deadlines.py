"""Deadline arithmetic of a phase: default schedule, shifting, delay (no ORM)."""

import calendar
from datetime import date

from revmod.reviews.enums import StepKind

# Months each step may take by default, after the one before it (P&R 34, 35; Status 2024 para 39).
# The dialogue has no length in the procedures: two months is revmod's default, agreed or
# changed at the initial consultation like every other deadline.
DEFAULT_MONTHS: dict[str, int] = {
    StepKind.SAQ: 6,
    StepKind.FEEDBACK: 6,
    StepKind.DIALOGUE: 2,
    StepKind.OBSERVATIONS: 4,
    StepKind.SUMMARY: 2,
}
# The procedures' outer limits, checked when deadlines are agreed (P&R 34, 35).
MAX_MONTHS: dict[str, int] = {StepKind.SAQ: 6, StepKind.FEEDBACK: 6}
SCHEDULED_STEPS: tuple[str, ...] = tuple(DEFAULT_MONTHS)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_schedule(consulted_on: date) -> dict[str, date]:
    """Deadlines of every step after an initial consultation held on `consulted_on`."""
    schedule, previous = {}, consulted_on
    for kind, months in DEFAULT_MONTHS.items():
        previous = schedule[kind] = add_months(previous, months)
    return schedule


def schedule_problems(consulted_on: date, schedule: dict[str, date]) -> list[tuple[str, str]]:
    """(step, problem) pairs of an agreed schedule; empty when it can be agreed (P&R 34, 35)."""
    problems, previous = [], consulted_on
    for kind in SCHEDULED_STEPS:
        due = schedule.get(kind)
        if due is None:
            problems.append((kind, "missing"))
            continue
        if due < previous:
            problems.append((kind, "before_previous"))
        limit = MAX_MONTHS.get(kind)
        if limit and due > add_months(previous, limit):
            problems.append((kind, "too_long"))
        previous = due
    return problems


def shift_from(schedule: dict[str, date], kind: str, new_due: date) -> dict[str, date]:
    """The schedule after `kind` moves to `new_due`: later steps move by the same number of days."""
    delta = new_due - schedule[kind]
    start = SCHEDULED_STEPS.index(kind)
    return {
        k: (d + delta if k in SCHEDULED_STEPS[start:] else d) for k, d in schedule.items()
    }


def delay_days(due_on: date | None, done_on: date | None, today: date) -> int:
    """Days past the agreed deadline: at submission if submitted, else as of today; 0 if none."""
    if due_on is None:
        return 0
    return max(0, ((done_on or today) - due_on).days)
