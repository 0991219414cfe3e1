"""Figures on how far the reviews have gone: statuses, consultations, languages, SAQ, feedback,
lists of observations and the 70% rule (no ORM; Status 2024 para 21-39, figures 2-7)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from revmod.reports.domain.queries.asof import (
    LATENESS, MOVING, NO_DEADLINE, ON_TIME, ReviewAsOf, deadline_as_of, lateness, step_state,
)
from revmod.reports.domain.queries.participation import share
from revmod.reviews.deadlines import add_months
from revmod.reviews.enums import ReportStatus, StepKind, StepStatus

if TYPE_CHECKING:
    from revmod.reports.domain.queries.snapshot import Snapshot

# List and summary together: at most six months (Status 2024 para 39).
OBSERVATIONS_GUIDELINE_MONTHS = 6
SEVENTY_PERCENT = 0.7  # P&R 10
STEP_COUNTS = {StepStatus.DONE: "submitted", StepStatus.OPEN: "in_progress", StepStatus.PENDING: "not_started"}


def progress(snap: Snapshot, reviews: list[ReviewAsOf]) -> dict:
    statuses = Counter(r.status for r in reviews)
    return {
        "reviews": len(reviews),
        "moving": sum(statuses[s] for s in MOVING),
        "not_started": statuses[ReportStatus.NOT_STARTED],
        "completed": statuses[ReportStatus.COMPLETED],
        "by_status": {s: statuses[s] for s in ReportStatus.values},
        "by_group_and_status": _by_group_and_status(snap, reviews),
        "consultations": _consultations(snap, reviews),
        "working_languages": _working_languages(snap, reviews),
        "saq": _saq(snap, reviews),
        "feedback": _feedback(snap, reviews),
        "observations": _observations(snap, reviews),
        "seventy_percent_rule": _seventy_percent(snap, reviews),
    }


def _in_group(reviews: list[ReviewAsOf], number: int) -> list[ReviewAsOf]:
    return [r for r in reviews if r.group == number]


def _by_group_and_status(snap: Snapshot, reviews: list[ReviewAsOf]) -> list[dict]:
    """Figure 2: the reviews of each group by report status (Status 2024 para 23)."""
    result = []
    for number in sorted(snap.groups):
        counts = Counter(r.status for r in _in_group(reviews, number))
        result.append({"group": number, **{s: counts[s] for s in ReportStatus.values},
                       "total": sum(counts.values())})
    return result


def _consultations(snap: Snapshot, reviews: list[ReviewAsOf]) -> dict:
    """Figure 3: reviews whose initial consultation had been held, per group (para 26)."""
    held = [r for r in reviews if r.state(StepKind.CONSULTATION, snap.as_of) == StepStatus.DONE]
    by_group = []
    for number in sorted(snap.groups):
        mine = _in_group(reviews, number)
        count = sum(1 for r in held if r.group == number)
        by_group.append({"group": number, "held": count, "not_held": len(mine) - count})
    return {"held": len(held), "share": share(len(held), len(reviews)), "by_group": by_group}


def _working_languages(snap: Snapshot, reviews: list[ReviewAsOf]) -> dict:
    """Figure 4: working languages agreed at the consultations held, alone or combined (para 28).

    Languages have no date of their own: those of a phase count from its consultation.
    """
    order = {code: i for i, code in enumerate(snap.language_order)}
    combinations: Counter[str] = Counter()
    not_agreed = 0
    for r in reviews:
        if r.state(StepKind.CONSULTATION, snap.as_of) != StepStatus.DONE:
            continue
        codes = sorted(snap.languages.get(r.phase["id"], []), key=lambda c: order.get(c, 99))
        if codes:
            combinations["+".join(codes)] += 1
        else:
            not_agreed += 1
    by_count = Counter(key.count("+") + 1 for key in combinations.elements())
    held = sum(combinations.values()) + not_agreed
    return {
        "agreed": sum(combinations.values()),
        "single_share": share(by_count[1], held),
        "not_agreed": not_agreed,
        "by_number": {str(n): by_count[n] for n in (1, 2, 3)},
        "single": {k: v for k, v in sorted(combinations.items(), key=_language_key(order)) if "+" not in k},
        "combined": {k: v for k, v in sorted(combinations.items(), key=_language_key(order)) if "+" in k},
    }


def _language_key(order: dict[str, int]):
    return lambda item: (item[0].count("+"), [order.get(c, 99) for c in item[0].split("+")])


def _step_by_group(snap: Snapshot, reviews: list[ReviewAsOf], kind: str) -> list[dict]:
    """Per group, reviews whose step was submitted, in progress, not started (figures 5, 6)."""
    result = []
    for number in sorted(snap.groups):
        counts = Counter(STEP_COUNTS[r.state(kind, snap.as_of)] for r in _in_group(reviews, number))
        result.append({"group": number, **{name: counts[name] for name in STEP_COUNTS.values()}})
    return result


def _buckets(counter: Counter) -> dict[str, int]:
    return {name: counter[name] for name in (ON_TIME, *LATENESS, NO_DEADLINE)}


def _saq(snap: Snapshot, reviews: list[ReviewAsOf]) -> dict:
    """Figure 5 and the timeliness of the answers against the agreed deadline (para 31-32)."""
    timeliness: Counter[str] = Counter()
    for r in reviews:
        step = r.steps.get(StepKind.SAQ)
        if step_state(step, snap.as_of) == StepStatus.DONE:
            timeliness[lateness(deadline_as_of(snap, step), step["done_on"])] += 1
    by_group = _step_by_group(snap, reviews, StepKind.SAQ)
    return {
        "submitted": sum(g["submitted"] for g in by_group),
        "in_progress": sum(g["in_progress"] for g in by_group),
        "by_group": by_group,
        "timeliness": _buckets(timeliness),
        "late_over_6_months": timeliness[LATENESS[3]] + timeliness[LATENESS[4]],
    }


def _feedback(snap: Snapshot, reviews: list[ReviewAsOf]) -> dict:
    """Figures 6 and 7: written feedback per group, and how late the feedback in progress is (para 35-36)."""
    delays: Counter[str] = Counter()
    for r in reviews:
        step = r.steps.get(StepKind.FEEDBACK)
        if step_state(step, snap.as_of) == StepStatus.OPEN:
            delays[lateness(deadline_as_of(snap, step), snap.as_of)] += 1
    by_group = _step_by_group(snap, reviews, StepKind.FEEDBACK)
    in_progress = sum(g["in_progress"] for g in by_group)
    late = sum(delays[name] for name in LATENESS)
    return {
        "submitted": sum(g["submitted"] for g in by_group),
        "in_progress": in_progress,
        "by_group": by_group,
        "delays": _buckets(delays),
        "late": late,
        "late_share": share(late, in_progress),
        "late_over_1_year_share_of_late": share(delays[LATENESS[4]], late),
    }


def _observations(snap: Snapshot, reviews: list[ReviewAsOf]) -> dict:
    """How long each list of observations has been in drafting, oldest first, no State named (para 38-39)."""
    drafting = []
    for r in reviews:
        step = r.steps.get(StepKind.OBSERVATIONS)
        if r.status == ReportStatus.OBSERVATIONS and step and step["opened_on"]:
            since = step["opened_on"]
            drafting.append({"group": r.group, "since": since.isoformat(), "days": (snap.as_of - since).days,
                             "over_guideline": add_months(since, OBSERVATIONS_GUIDELINE_MONTHS) < snap.as_of})
    drafting.sort(key=lambda d: (d["since"], d["group"]))
    return {
        "in_drafting": len(drafting),
        "over_guideline": sum(1 for d in drafting if d["over_guideline"]),
        "guideline_months": OBSERVATIONS_GUIDELINE_MONTHS,
        "by_group": [{"group": n, "in_drafting": sum(1 for d in drafting if d["group"] == n)} for n in sorted(snap.groups)],
        "drafting": drafting,
    }


def _seventy_percent(snap: Snapshot, reviews: list[ReviewAsOf]) -> list[dict]:
    """Per group: its phase on the date and the share of that phase's reviews complete (P&R 10)."""
    result = []
    for number in sorted(snap.groups):
        mine = {r.id for r in _in_group(reviews, number)}
        phases = [p for p in snap.phases.values() if p["review_id"] in mine and p["opened_on"] <= snap.as_of]
        current = max((p["cluster__phase"] for p in phases), default=1)
        scheduled = [p for p in phases if p["cluster__phase"] == current]
        done = sum(1 for p in scheduled if p["finalized_at"] is not None and p["finalized_at"] < snap.cutoff)
        result.append({"group": number, "phase": current, "scheduled": len(scheduled), "completed": done,
                       "share": share(done, len(scheduled)),
                       "may_advance": bool(scheduled) and done / len(scheduled) >= SEVENTY_PERCENT})
    return result
