"""Figures on who takes part: parties, groups, redraws, newcomers and nominations (no ORM).

Status 2024 para 5-20; every figure is computed as of the snapshot's date.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from revmod.accounts.enums import Gender, Role
from revmod.reports.domain.queries.asof import ReviewAsOf, in_force
from revmod.reviews.enums import StepKind, StepStatus

if TYPE_CHECKING:
    from revmod.reports.domain.queries.snapshot import Snapshot

CONVENTION = "UNTOC"
NOT_STATED = "not_stated"


def share(part: int, whole: int) -> float:
    """A proportion rounded to three decimals; 0.0 when there is nothing to divide."""
    return round(part / whole, 3) if whole else 0.0


def participation(snap: Snapshot, reviews: list[ReviewAsOf]) -> dict:
    """Parties, reviews per group, redraws and parties that joined since the launch (para 5-10)."""
    redraws = sorted((recorded_at, meeting) for recorded_at, meeting in snap.redraws if recorded_at < snap.cutoff)
    return {
        "parties": _parties(snap),
        "parties_taking_part": len(_taking_part(reviews)),
        "states_under_review": len({r.party for r in reviews}),
        "reviews": len(reviews),
        "groups": _groups(snap, reviews),
        "redraws": {"redraws": len(redraws), "meetings": len({meeting for _, meeting in redraws}),
                    "last_on": redraws[-1][0].date().isoformat() if redraws else None},
        "joined_since_launch": _joined_since_launch(snap),
    }


def _parties(snap: Snapshot) -> int:
    """Parties to the Convention on the date (an unknown adherence date counts as before)."""
    convention = {p for p, code, on in snap.adherences if code == CONVENTION and (on is None or on <= snap.as_of)}
    return sum(1 for iso3, row in snap.parties.items() if iso3 in convention and not row["is_signatory_only"])


def _taking_part(reviews: list[ReviewAsOf]) -> set[str]:
    """Parties in a review on the date, under review or reviewing (Status 2024 para 5: 189)."""
    return {r.party for r in reviews}.union(*(r.reviewers for r in reviews))


def _groups(snap: Snapshot, reviews: list[ReviewAsOf]) -> list[dict]:
    """Per group, the parties taking part (under review or reviewing) and the reviews (para 7)."""
    result = []
    for number, started_on in sorted(snap.groups.items()):
        mine = [r for r in reviews if r.group == number]
        parties = _taking_part(mine)
        result.append({"group": number, "started_on": started_on.isoformat(),
                       "parties_taking_part": len(parties), "reviews": len(mine)})
    return result


def _joined_since_launch(snap: Snapshot) -> dict:
    """Parties that joined the Convention, or a Protocol, after the first group started (para 9)."""
    launch = min(snap.groups.values()) if snap.groups else None
    convention, protocols = set(), {}
    for party, code, on in snap.adherences:
        if launch is None or on is None or not (launch < on <= snap.as_of):
            continue
        if code == CONVENTION:
            convention.add(party)
        else:
            protocols.setdefault(party, []).append(code)
    return {
        "launch": launch.isoformat() if launch else None,
        "convention": sorted(convention),
        "protocols": [{"party": p, "instruments": sorted(codes)} for p, codes in sorted(protocols.items())],
    }


def nominations(snap: Snapshot, reviews: list[ReviewAsOf]) -> dict:
    """Focal points, experts and observers in office on the date (para 12-19, figure 1)."""
    active = [n for n in snap.nominations if in_force(n, snap.cutoff)]
    focal = [n for n in active if n["role"] == Role.FOCAL_POINT]
    experts = _people(n for n in active if n["role"] == Role.EXPERT)
    return {
        "focal_points": _focal_points(snap, focal),
        "states_without_focal_point": _without_focal_point(snap, reviews, focal),
        "experts": {"people": len(experts), "women": _women(experts),
                    "women_share": share(_women(experts), len(experts))},
        "states_with_observers": len({n["party_id"] for n in active if n["role"] == Role.OBSERVER}),
    }


def _people(rows) -> dict[int, dict]:
    """One row per person: a person named in several reviews counts once."""
    return {n["person_id"]: n for n in rows}


def _women(people: dict[int, dict]) -> int:
    return sum(1 for n in people.values() if n["person__gender"] == Gender.FEMALE)


def _focal_points(snap: Snapshot, focal: list[dict]) -> dict:
    """How many, named by how many States, their gender and institutions, replacements (para 12-14)."""
    people = _people(focal)
    per_state: dict[str, set[int]] = {}
    for n in focal:
        per_state.setdefault(n["party_id"], set()).add(n["person_id"])
    institutions = Counter(n["person__institution_type"] or NOT_STATED for n in people.values())
    replaced = {n["party_id"] for n in snap.nominations if n["role"] == Role.FOCAL_POINT
                and n["replaces_id"] is not None and n["approved_at"] is not None
                and n["approved_at"] < snap.cutoff} & set(per_state)
    return {
        "people": len(people),
        "states": len(per_state),
        "women": _women(people),
        "women_share": share(_women(people), len(people)),
        "institutions": dict(sorted(institutions.items())),
        "institution_shares": {k: share(v, len(people)) for k, v in sorted(institutions.items())},
        "states_with_more_than_one": sum(1 for persons in per_state.values() if len(persons) > 1),
        "states_that_replaced": len(replaced),
        "states_that_replaced_share": share(len(replaced), len(per_state)),
    }


def _without_focal_point(snap: Snapshot, reviews: list[ReviewAsOf], focal: list[dict]) -> dict:
    """States taking part with no focal point, and the reviews not started for want of one (figure 1).

    A review is held up when its initial consultation had not been held and one of its
    States (under review or reviewing) had no focal point in office for it (P&R 18); it is
    ready when all three had one and the consultation still had not been held (Status Feb
    2024 para 15, Status 2024 para 29).
    """
    held = {(n["review_id"], n["party_id"]) for n in focal}
    with_focal_point = {party for _, party in held}
    taking_part = _taking_part(reviews)
    without = taking_part - with_focal_point
    held_up, ready = Counter(), Counter()
    for r in reviews:
        if r.state(StepKind.CONSULTATION, snap.as_of) == StepStatus.DONE:
            continue
        if any((r.id, p) not in held for p in {r.party} | r.reviewers):
            held_up[r.group] += 1
        else:
            ready[r.group] += 1
    return {
        "states": len(without),
        "share": share(len(without), len(taking_part)),
        "reviews_held_up": sum(held_up.values()),
        "reviews_held_up_by_group": [{"group": g, "reviews": held_up.get(g, 0)} for g in sorted(snap.groups)],
        "reviews_ready_not_started": sum(ready.values()),
        "reviews_ready_not_started_by_group": [{"group": g, "reviews": ready.get(g, 0)} for g in sorted(snap.groups)],
    }
