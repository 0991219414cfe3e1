"""Properties of the draw on random party sets: every rule holds, or the engine says which cannot."""

import random
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revmod.lots.engine import (
    Infeasible,
    Instrument,
    Participant,
    RedrawReason,
    RedrawRequest,
    check,
    draw,
    redraw,
)

pytestmark = pytest.mark.unit

REGIONS = ("African States", "Asia-Pacific States", "Eastern European States",
           "Latin American and Caribbean States", None)
PROTOCOLS = (Instrument.TIP, Instrument.SOM, Instrument.FIR)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def code(number: int) -> str:
    return "".join(string.ascii_uppercase[number // 26**power % 26] for power in (2, 1, 0))


@st.composite
def party_sets(draw_: st.DrawFn) -> list[Participant]:
    """One to four regional groups of 1-10 members (tiny ones now and then) and 0-3
    participants outside them, each party to each Protocol with odds of 3 in 4; a few
    volunteer for a fourth review or accept another number of reviewing States."""
    count = draw_(st.sampled_from((1, 2, 3, 3, 4, 4)))
    sizes = draw_(st.lists(st.sampled_from((1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10)),
                           min_size=count, max_size=count))
    regions = [region for region, size in zip(REGIONS, sizes, strict=False) for _ in range(size)]
    regions += [None] * draw_(st.sampled_from((0, 0, 1, 2, 3)))
    parties = []
    for number, region in enumerate(regions):
        protocols = [p for p in PROTOCOLS if draw_(st.sampled_from((True, True, True, False)))]
        parties.append(Participant(
            iso3=code(number * 7 + 3), name=f"P{number}", regional_group=region,
            instruments=frozenset({Instrument.UNTOC, *protocols}), uncac=True,
            volunteer_extra=draw_(st.sampled_from((0, 0, 0, 1))),
            max_reviewers=draw_(st.sampled_from((4, 4, 4, 3, 5))),
        ))
    return parties


@SETTINGS
@given(parties=party_sets(), seed=st.text(min_size=1, max_size=12).filter(lambda s: "\x00" not in s))
def test_draw_keeps_every_rule_or_names_the_one_it_cannot(parties: list[Participant], seed: str) -> None:
    try:
        state = draw(parties, seed)
    except Infeasible as infeasible:
        assert infeasible.violations
        assert all(v.rule.startswith("P&R ") and v.message for v in infeasible.violations)
        return
    assert check(parties, state.pairing) == []
    assert set(state.pairing.seats) == {p.iso3 for p in parties}


@SETTINGS
@given(parties=party_sets(), seed=st.text(min_size=1, max_size=12).filter(lambda s: "\x00" not in s),
       order=st.randoms(use_true_random=False))
def test_draw_is_the_same_for_the_same_seed_in_any_input_order(parties: list[Participant], seed: str,
                                                             order: random.Random) -> None:
    shuffled = list(parties)
    order.shuffle(shuffled)
    try:
        first = draw(parties, seed)
    except Infeasible as infeasible:
        with pytest.raises(Infeasible) as again:
            draw(shuffled, seed)
        assert again.value.violations == infeasible.violations
        return
    assert draw(shuffled, seed) == first


@SETTINGS
@given(parties=party_sets(), pick=st.integers(min_value=0), reason=st.sampled_from(RedrawReason),
       seed=st.text(min_size=1, max_size=8).filter(lambda s: "\x00" not in s))
def test_redraw_keeps_every_rule_and_changes_one_seat(parties: list[Participant], pick: int,
                                                     reason: RedrawReason, seed: str) -> None:
    try:
        before = draw(parties, "property")
    except Infeasible:
        return
    seats = [(reviewed, reviewer) for reviewed, held in before.pairing.seats.items()
             for reviewer in sorted(held)]
    reviewed, reviewer = seats[pick % len(seats)]
    try:
        after, record = redraw(before, RedrawRequest(reviewed, reviewer, reviewed, reason, seed))
    except Infeasible as infeasible:
        assert infeasible.rules and all(rule.startswith("P&R ") for rule in infeasible.rules)
        return
    assert check(parties, after.pairing) == []
    assert {p for p in after.pairing.pairs if p.reviewed != reviewed} == {
        p for p in before.pairing.pairs if p.reviewed != reviewed}
    old_seats, new_seats = before.pairing.seats[reviewed], after.pairing.seats[reviewed]
    old, new = old_seats[reviewer], new_seats[record.new_reviewer]
    assert reviewer not in new_seats and record.new_reviewer not in old_seats
    assert new.basis is old.basis
    for other, seat in old_seats.items():
        if other not in (reviewer, *record.trimmed_reviewers):
            assert new_seats[other] == seat
    for trimmed in record.trimmed_reviewers:
        assert new_seats.get(trimmed, None) != old_seats[trimmed]
        assert new.instruments - old.instruments  # only to make room for what the new one covers
    added = set(new_seats) - set(old_seats) - {record.new_reviewer}
    assert added == ({record.added_reviewer} if record.added_reviewer else set())
    if added:
        assert old.instruments - new.instruments  # only for what the new one is not party to
