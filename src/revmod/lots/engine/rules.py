"""The rules of the draw, one function per paragraph, each returning the violations it finds in a pairing set.

Every function takes the participants of the draw (by iso3) and a pairing set, made by
this engine or elsewhere, and returns a list of Violation; an empty list means the rule holds.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping

from .errors import Violation
from .groups import GROUP_COUNT
from .pairs import BASE_SEATS, Basis, Pairing, Seat
from .parties import INSTRUMENT_ORDER, Participant, instrument_list

Rule = Callable[[Mapping[str, Participant], Pairing], list[Violation]]
REVIEWERS_PER_INSTRUMENT = 2  # "two other States ... parties to the relevant instrument" (P&R 26)


def p17_participants(participants: Mapping[str, Participant], pairing: Pairing) -> list[Violation]:
    """Only participants of the draw are reviewed or review (P&R 17)."""
    named = {state for pair in pairing.pairs for state in (pair.reviewed, pair.reviewer)}
    return [Violation("P&R 17", f"{iso3} is not a participant in the draw", (iso3,))
            for iso3 in sorted(named - participants.keys())]


def p17_groups(participants: Mapping[str, Participant], pairing: Pairing) -> list[Violation]:
    """Each State under review is in one of three groups; the groups, and each regional group's
    share of them, differ in size by at most one (P&R 17)."""
    violations = []
    for reviewed, numbers in sorted(pairing.groups.items()):
        if len(numbers) > 1 or not numbers <= set(range(1, GROUP_COUNT + 1)):
            listed = ", ".join(str(number) for number in sorted(numbers))
            violations.append(Violation("P&R 17", f"{reviewed} is in group(s) {listed}; "
                                        f"each State is in one of groups 1-{GROUP_COUNT}", (reviewed,)))
    group_of = {reviewed: min(numbers) for reviewed, numbers in pairing.groups.items()}
    blocks: dict[str, list[str]] = defaultdict(list)
    for iso3 in group_of:
        blocks[""].append(iso3)
        region = participants[iso3].regional_group if iso3 in participants else None
        if region:
            blocks[region].append(iso3)
    for region, members in sorted(blocks.items()):
        sizes = Counter(group_of[iso3] for iso3 in members)
        counts = [sizes[number] for number in range(1, GROUP_COUNT + 1)]
        if max(counts) - min(counts) > 1:
            whose = f"the {region}" if region else "all participants"
            violations.append(Violation(
                "P&R 17", f"groups 1-{GROUP_COUNT} hold {', '.join(map(str, counts))} of "
                f"{whose}; the shares should differ by at most one", tuple(sorted(members))))
    return violations


def p26_no_self_review(participants: Mapping[str, Participant], pairing: Pairing) -> list[Violation]:
    """A State is reviewed by two *other* States (P&R 26)."""
    selves = sorted({pair.reviewed for pair in pairing.pairs if pair.reviewer == pair.reviewed})
    return [Violation("P&R 26", f"{iso3} reviews itself", (iso3,)) for iso3 in selves]


def p28_regional_seats(participants: Mapping[str, Participant], pairing: Pairing) -> list[Violation]:
    """One reviewing State from the reviewed State's regional group, one from another (P&R 28).

    A participant outside the regional groups has two other-region reviewing States, and
    counts as another region for everyone; each reviewing State holds one seat per review.
    """
    bases: dict[tuple[str, str], set[Basis]] = defaultdict(set)
    for pair in pairing.pairs:
        bases[pair.reviewed, pair.reviewer].add(pair.basis)
    violations = [
        Violation("P&R 28", f"{reviewer} holds several seats ({', '.join(sorted(held))}) in the "
                  f"review of {reviewed}", (reviewed, reviewer))
        for (reviewed, reviewer), held in sorted(bases.items()) if len(held) > 1
    ]
    for reviewed, seats in sorted(pairing.seats.items()):
        if reviewed in participants:
            violations += _regional_seats(participants, reviewed, seats)
    return violations


def _regional_seats(participants: Mapping[str, Participant], reviewed: str,
                    seats: Mapping[str, Seat]) -> list[Violation]:
    region = participants[reviewed].regional_group
    held = {basis: sorted(r for r, seat in seats.items() if seat.basis is basis)
            for basis in BASE_SEATS}
    wanted = {Basis.SAME_REGION: 1 if region else 0, Basis.OTHER_REGION: 1 if region else 2}
    violations = [
        Violation("P&R 28", f"{reviewed} has {len(held[basis])} {basis.value} reviewing "
                  f"State(s); it should have {count}", (reviewed, *held[basis]))
        for basis, count in sorted(wanted.items()) if len(held[basis]) != count
    ]
    for basis, reviewers in sorted(held.items()):
        for reviewer in reviewers:
            own = participants[reviewer].regional_group if reviewer in participants else None
            same = region is not None and own == region
            if same != (basis is Basis.SAME_REGION):
                where = "from" if same else "not from"
                violations.append(Violation(
                    "P&R 28", f"{reviewer} holds the {basis.value} seat of {reviewed} but is "
                    f"{where} its regional group", (reviewed, reviewer)))
    return violations


def p28_a_no_mutual_review(participants: Mapping[str, Participant], pairing: Pairing
                           ) -> list[Violation]:
    """States do not review each other, anywhere in the whole process (P&R 28(a))."""
    reviewing = {(pair.reviewer, pair.reviewed) for pair in pairing.pairs}
    return [Violation("P&R 28(a)", f"{a} and {b} review each other", (a, b))
            for a, b in sorted(reviewing) if a < b and (b, a) in reviewing]


def p28_b_instruments(participants: Mapping[str, Participant], pairing: Pairing) -> list[Violation]:
    """Per instrument, the State under review is reviewed by two States party to it; a drawn
    reviewer reviews every instrument of the State under review it is party to, and additional
    reviewers cover only the rest (P&R 26, 28(b))."""
    violations = []
    for pair in pairing.pairs:
        for state, role in ((pair.reviewer, "reviews"), (pair.reviewed, "is reviewed on")):
            if state in participants and pair.instrument not in participants[state].instruments:
                violations.append(Violation(
                    "P&R 28(b)", f"{state} {role} {pair.instrument} in the review of "
                    f"{pair.reviewed} but is not party to it", (pair.reviewed, pair.reviewer)))
    for reviewed, seats in sorted(pairing.seats.items()):
        if reviewed in participants:
            violations += _instrument_coverage(participants, reviewed, seats)
    return violations


def _instrument_coverage(participants: Mapping[str, Participant], reviewed: str,
                         seats: Mapping[str, Seat]) -> list[Violation]:
    violations = []
    instruments = participants[reviewed].instruments
    for instrument in sorted(instruments, key=INSTRUMENT_ORDER.__getitem__):
        reviewers = sorted(r for r, seat in seats.items() if instrument in seat.instruments)
        if len(reviewers) != REVIEWERS_PER_INSTRUMENT:
            violations.append(Violation(
                "P&R 28(b)", f"{reviewed} is reviewed on {instrument} by {len(reviewers)} "
                f"State(s); it should be by {REVIEWERS_PER_INSTRUMENT}", (reviewed, *reviewers)))
    for reviewer, seat in sorted(seats.items()):
        if seat.basis in BASE_SEATS and reviewer in participants:
            skipped = instruments & participants[reviewer].instruments - seat.instruments
            if skipped:
                violations.append(Violation(
                    "P&R 28(b)", f"{reviewer} was drawn for {reviewed} and is party to "
                    f"{instrument_list(skipped)}, yet does not review it", (reviewed, reviewer)))
    return violations


def p28_c_at_most_four(participants: Mapping[str, Participant], pairing: Pairing) -> list[Violation]:
    """At most four reviewing States in all, unless the State under review decided otherwise
    (its `max_reviewers`) (P&R 28(c))."""
    return [
        Violation("P&R 28(c)", f"{reviewed} has {len(seats)} reviewing States; it accepts "
                  f"{participants[reviewed].max_reviewers}", (reviewed, *sorted(seats)))
        for reviewed, seats in sorted(pairing.seats.items())
        if reviewed in participants and len(seats) > participants[reviewed].max_reviewers
    ]


def p29_reviewed_and_reviewing(participants: Mapping[str, Participant], pairing: Pairing
                               ) -> list[Violation]:
    """By the end of the process every State has been reviewed, and has reviewed at least once
    and at most three times, more if it volunteered (P&R 29)."""
    violations = []
    for iso3, participant in sorted(participants.items()):
        if iso3 not in pairing.seats:
            violations.append(Violation("P&R 29", f"{iso3} is not reviewed", (iso3,)))
        duties = len(pairing.duties.get(iso3, ()))
        if not 1 <= duties <= participant.max_duties:
            violations.append(Violation(
                "P&R 29", f"{iso3} reviews {duties} State(s); it should review between 1 and "
                f"{participant.max_duties}", (iso3,)))
    return violations


RULES: tuple[Rule, ...] = (
    p17_participants,
    p17_groups,
    p26_no_self_review,
    p28_regional_seats,
    p28_a_no_mutual_review,
    p28_b_instruments,
    p28_c_at_most_four,
    p29_reviewed_and_reviewing,
)
