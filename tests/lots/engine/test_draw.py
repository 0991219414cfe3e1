"""The initial draw: groups and reviewing States from a seed (P&R 17, 28-29)."""

from collections import Counter
from dataclasses import replace

import pytest

from revmod.lots.engine import (
    Basis,
    Infeasible,
    InputError,
    Participant,
    check,
    draw,
    load_parties_csv,
    participants_in_draw,
)
from revmod.lots.engine.reviewers import MAX_ATTEMPTS

from .cast import AFRICAN, CONVENTION_ONLY, REAL_PARTIES, WEOG, party, small_cast

pytestmark = pytest.mark.unit

# The first rows of the draw of small_cast() with seed "golden-2020". If this test fails, the
# draw no longer replays from published seeds: change the engine back, or publish a new
# version of docs/draw.md and say so.
GOLDEN_ROWS = [
    (1, "DEU", "UNTOC", "CAN", "same_region"),
    (1, "DEU", "TIP", "CAN", "same_region"),
    (1, "DEU", "SOM", "CAN", "same_region"),
    (1, "DEU", "UNTOC", "NGA", "other_region"),
    (1, "DEU", "TIP", "NGA", "other_region"),
    (1, "DEU", "SOM", "NGA", "other_region"),
    (1, "DEU", "FIR", "NGA", "other_region"),
    (1, "DEU", "FIR", "ROU", "additional"),
    (1, "GBR", "UNTOC", "CAN", "same_region"),
    (1, "GBR", "TIP", "CAN", "same_region"),
    (1, "GBR", "SOM", "CAN", "same_region"),
    (1, "GBR", "UNTOC", "POL", "other_region"),
]


def test_draw_is_pinned_for_a_fixed_seed() -> None:
    rows = [(p.group, p.reviewed, p.instrument.value, p.reviewer, p.basis.value)
            for p in draw(small_cast(), "golden-2020").pairing.pairs]
    assert rows[: len(GOLDEN_ROWS)] == GOLDEN_ROWS
    assert len(rows) == 96


def test_draw_of_the_real_parties_keeps_every_rule() -> None:
    parties = participants_in_draw(load_parties_csv(REAL_PARTIES))
    state = draw(parties, "2020-joint-intersessional-meeting")
    assert check(parties, state.pairing) == []
    groups = Counter(min(numbers) for numbers in state.pairing.groups.values())
    assert sorted(groups.values()) == [63, 63, 64]
    assert len(state.pairing.seats) == 190


def test_draw_is_the_same_for_the_same_seed() -> None:
    assert draw(small_cast(), "seed") == draw(small_cast(), "seed")


def test_draw_does_not_depend_on_input_order() -> None:
    cast = small_cast()
    assert draw(cast, "seed").pairing == draw(tuple(reversed(cast)), "seed").pairing


def test_draw_needs_a_seed() -> None:
    with pytest.raises(InputError, match="a draw needs a seed"):
        draw(small_cast(), "")


def test_draw_differs_between_seeds() -> None:
    assert draw(small_cast(), "seed-1").pairing != draw(small_cast(), "seed-2").pairing


def test_draw_gives_a_participant_outside_the_groups_two_other_region_seats() -> None:
    for seed in ("a", "b", "c"):
        pairing = draw(small_cast(), seed).pairing
        assert sorted(seat.basis for seat in pairing.seats["EUU"].values()) == [
            Basis.OTHER_REGION, Basis.OTHER_REGION]
        held = [seats["EUU"].basis for seats in pairing.seats.values() if "EUU" in seats]
        assert Basis.SAME_REGION not in held
        assert 1 <= len(held) <= 3


def test_draw_draws_an_additional_reviewer_for_instruments_a_drawn_one_is_not_party_to() -> None:
    cast = [party(f"A{n:02d}", AFRICAN, CONVENTION_ONLY) for n in range(3)]
    cast += [party(f"W{n:02d}", WEOG) for n in range(5)]
    pairing = draw(cast, "seed").pairing
    assert check(cast, pairing) == []
    for n in range(5):
        seats = pairing.seats[f"W{n:02d}"].values()
        assert sorted((seat.basis, sorted(seat.instruments)) for seat in seats) == [
            (Basis.ADDITIONAL, ["FIR", "SOM", "TIP"]),
            (Basis.OTHER_REGION, ["UNTOC"]),
            (Basis.SAME_REGION, ["FIR", "SOM", "TIP", "UNTOC"]),
        ]


def test_draw_keeps_to_fewer_reviewing_states_when_the_state_under_review_asks() -> None:
    cast = tuple(replace(p, max_reviewers=2) if p.iso3 == "DEU" else p for p in small_cast())
    for seed in ("a", "b", "c", "d"):
        pairing = draw(cast, seed).pairing
        assert len(pairing.seats["DEU"]) == 2
        assert check(cast, pairing) == []


def test_draw_counts_on_volunteers_beyond_three_reviews() -> None:
    # Every W review needs two W reviewers (one of them additional) and every A review one W
    # reviewer: 16 duties for five W States, one more than 5 x 3 (P&R 29).
    cast = [party(f"W{n:02d}", WEOG) for n in range(5)]
    cast += [party(f"A{n:02d}", AFRICAN, CONVENTION_ONLY) for n in range(6)]
    with pytest.raises(Infeasible):
        draw(cast, "seed")
    volunteers = [replace(p, volunteer_extra=1) if p.regional_group == WEOG else p for p in cast]
    pairing = draw(volunteers, "seed").pairing
    assert check(volunteers, pairing) == []
    assert max(len(pairing.duties[f"W{n:02d}"]) for n in range(5)) == 4


@pytest.mark.parametrize(
    ("cast", "rule", "states"),
    [
        ((party("AAA", AFRICAN), party("BBB", WEOG), party("CCC", WEOG), party("DDD", WEOG)),
         "P&R 28", ("AAA",)),
        ((party("AAA", AFRICAN), party("BBB", AFRICAN), party("CCC", WEOG), party("DDD", WEOG),
          party("EEE", WEOG)), "P&R 28(a)", ("AAA", "BBB")),
        ((party("AAA", AFRICAN), party("BBB", AFRICAN), party("CCC", AFRICAN)), "P&R 28", ()),
    ],
    ids=["region-of-one", "region-of-two", "one-region-only"],
)
def test_draw_reports_infeasible_naming_the_rule(cast: tuple[Participant, ...], rule: str,
                                                 states: tuple[str, ...]) -> None:
    with pytest.raises(Infeasible) as raised:
        draw(cast, "seed")
    assert raised.value.rules == (rule,)
    assert all(set(states) <= set(v.states) for v in raised.value.violations)


def test_draw_reports_an_instrument_too_few_parties_can_review() -> None:
    cast = (party("AAA", AFRICAN), party("BBB", AFRICAN, CONVENTION_ONLY),
            party("CCC", AFRICAN, CONVENTION_ONLY), party("DDD", WEOG, CONVENTION_ONLY),
            party("EEE", WEOG, CONVENTION_ONLY), party("FFF", WEOG, CONVENTION_ONLY))
    with pytest.raises(Infeasible) as raised:
        draw(cast, "seed")
    assert raised.value.rules == ("P&R 28(b)",)
    assert len(raised.value.violations) <= MAX_ATTEMPTS
