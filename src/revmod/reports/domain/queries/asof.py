"""How each review stood on a date, computed from the history rows of a snapshot (no ORM).

"As of" a date means as things were on that date, taken from the history, never today's
rows filtered by date: a step is pending if it had not opened, done if submitted by then,
else open; a deadline is the last one agreed by then; a role is held from its approval to
its end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from revmod.reviews.deadlines import add_months
from revmod.reviews.enums import STEP_ORDER, ReportStatus, StepKind, StepStatus

if TYPE_CHECKING:
    from revmod.reports.domain.queries.snapshot import Snapshot

# The public label of a review's progress, from its open step (Status 2024 para 23).
STATUS_OF_STEP = {
    StepKind.CONSULTATION: ReportStatus.NOT_STARTED,
    StepKind.SAQ: ReportStatus.SAQ,
    StepKind.FEEDBACK: ReportStatus.FEEDBACK,
    StepKind.DIALOGUE: ReportStatus.FEEDBACK,
    StepKind.OBSERVATIONS: ReportStatus.OBSERVATIONS,
    StepKind.SUMMARY: ReportStatus.OBSERVATIONS,
}
MOVING = (ReportStatus.SAQ, ReportStatus.FEEDBACK, ReportStatus.OBSERVATIONS)
# Lateness against the agreed deadline, as the secretariat reports it (Status 2024 para 31, 36).
ON_TIME = "on_time"
LATENESS = ("late_up_to_10_days", "late_up_to_3_months", "late_3_to_6_months", "late_6_to_12_months",
            "late_over_1_year")
NO_DEADLINE = "no_deadline"


@dataclass
class ReviewAsOf:
    """One review as it stood on the report's date."""

    id: int
    party: str
    group: int
    phase: dict | None
    steps: dict[str, dict]
    status: str
    reviewers: set[str] = field(default_factory=set)

    def state(self, kind: str, as_of: date) -> str:
        return step_state(self.steps.get(kind), as_of)


def step_state(step: dict | None, as_of: date) -> str:
    """Pending if not opened by `as_of`, done if submitted by then, else open."""
    if step is None or step["opened_on"] is None or step["opened_on"] > as_of:
        return StepStatus.PENDING
    if step["done_on"] is not None and step["done_on"] <= as_of:
        return StepStatus.DONE
    return StepStatus.OPEN


def in_force(nomination: dict, cutoff: datetime) -> bool:
    """A role counts from its approval until it ends (P&R 18, 27)."""
    approved, ended = nomination["approved_at"], nomination["ended_at"]
    return approved is not None and approved < cutoff and (ended is None or ended >= cutoff)


def seat_in_force(seat: dict, as_of: date) -> bool:
    """A seat holds from `since`; a redraw ends it on `until`, the day the new seat starts."""
    return seat["since"] <= as_of and (seat["until"] is None or seat["until"] > as_of)


def deadline_as_of(snap: Snapshot, step: dict) -> date | None:
    """The last deadline agreed by `as_of`; a step with no history at all keeps its current one."""
    changes = snap.deadlines.get(step["id"])
    if changes:
        return changes[-1][1]
    return None if step["id"] in snap.steps_with_history else step["due_on"]


def lateness(due: date | None, on: date) -> str:
    """The lateness bucket of something submitted (or still open) on `on` against `due`."""
    if due is None:
        return NO_DEADLINE
    if on <= due:
        return ON_TIME
    limits = (date.fromordinal(due.toordinal() + 10), add_months(due, 3), add_months(due, 6), add_months(due, 12))
    for limit, bucket in zip(limits, LATENESS, strict=False):
        if on <= limit:
            return bucket
    return LATENESS[4]


def report_status(phase: dict | None, steps: dict[str, dict], snap: Snapshot) -> str:
    """Status 2024 para 23: not started; SAQ; written feedback; list of observations; completed."""
    if phase is None:
        return ReportStatus.NOT_STARTED
    if phase["finalized_at"] is not None and phase["finalized_at"] < snap.cutoff:
        return ReportStatus.COMPLETED
    for kind in STEP_ORDER:
        if step_state(steps.get(kind), snap.as_of) == StepStatus.OPEN:
            return STATUS_OF_STEP[kind]
    if step_state(steps.get(STEP_ORDER[-1]), snap.as_of) == StepStatus.DONE:
        return ReportStatus.COMPLETED
    return ReportStatus.NOT_STARTED


def reviews_as_of(snap: Snapshot) -> list[ReviewAsOf]:
    """Every review started by `as_of`, in its latest phase opened by then, with its reviewers then."""
    latest: dict[int, dict] = {}
    for phase in snap.phases.values():
        if phase["opened_on"] <= snap.as_of:
            held = latest.get(phase["review_id"])
            if held is None or phase["cluster__phase"] > held["cluster__phase"]:
                latest[phase["review_id"]] = phase
    reviewers: dict[int, set[str]] = {}
    for seat in snap.seats:
        if seat_in_force(seat, snap.as_of):
            reviewers.setdefault(seat["review_id"], set()).add(seat["reviewer_id"])
    result = []
    for review in sorted(snap.reviews.values(), key=lambda r: r["id"]):
        if review["started_on"] > snap.as_of:
            continue
        phase = latest.get(review["id"])
        steps = snap.steps.get(phase["id"], {}) if phase else {}
        result.append(ReviewAsOf(
            id=review["id"], party=review["party_id"], group=review["group_id"], phase=phase, steps=steps,
            status=report_status(phase, steps, snap), reviewers=reviewers.get(review["id"], set())))
    return result
