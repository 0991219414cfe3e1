"""Each rule of the draw on hand-made pairing sets: what it accepts and exactly what it reports."""

from dataclasses import replace
from typing import Any

import pytest

from revmod.lots.engine import Participant, Violation, check, rules
from revmod.lots.engine.pairs import Pairing

from .cast import tiny_cast, tiny_pairing

pytestmark = pytest.mark.unit


def participants(**changes: dict[str, Any]) -> dict[str, Participant]:
    """tiny_cast() by iso3, with some fields changed: participants(DEU={"max_reviewers": 2})."""
    return {p.iso3: replace(p, **changes.get(p.iso3, {})) for p in tiny_cast()}


def test_rules_hold_on_a_sound_pairing() -> None:
    assert check(tiny_cast(), tiny_pairing()) == []


def test_p17_participants_reports_unknown_states() -> None:
    pairing = tiny_pairing(add=("1 KEN XXX additional FIR",))
    assert rules.p17_participants(participants(), pairing) == [
        Violation("P&R 17", "XXX is not a participant in the draw", ("XXX",))]


def test_p17_groups_reports_a_state_in_two_groups_or_outside_groups_1_to_3() -> None:
    pairing = tiny_pairing(drop=("GBR NGA",), add=("4 GBR NGA other_region UNTOC TIP SOM",))
    assert rules.p17_groups(participants(), pairing) == [
        Violation("P&R 17", "GBR is in group(s) 3, 4; each State is in one of groups 1-3", ("GBR",))]


def test_p17_groups_reports_uneven_shares() -> None:
    moved = Pairing.of(replace(pair, group=1) if pair.reviewed == "SEN" else pair
                       for pair in tiny_pairing().pairs)
    assert rules.p17_groups(participants(), moved) == [
        Violation("P&R 17", "groups 1-3 hold 4, 2, 1 of all participants; the shares should "
                  "differ by at most one", ("DEU", "EUU", "FRA", "GBR", "KEN", "NGA", "SEN")),
        Violation("P&R 17", "groups 1-3 hold 2, 1, 0 of the African States; the shares should "
                  "differ by at most one", ("KEN", "NGA", "SEN")),
    ]


def test_p26_no_self_review_reports_a_state_reviewing_itself() -> None:
    pairing = tiny_pairing(add=("1 KEN KEN additional FIR",))
    assert rules.p26_no_self_review(participants(), pairing) == [
        Violation("P&R 26", "KEN reviews itself", ("KEN",))]


def test_p28_regional_seats_reports_a_same_region_seat_from_another_region() -> None:
    pairing = tiny_pairing(drop=("KEN NGA",), add=("1 KEN DEU same_region UNTOC TIP SOM FIR",))
    assert rules.p28_regional_seats(participants(), pairing) == [
        Violation("P&R 28", "DEU holds the same_region seat of KEN but is not from its "
                  "regional group", ("KEN", "DEU"))]


def test_p28_regional_seats_reports_a_missing_seat() -> None:
    pairing = tiny_pairing(drop=("GBR NGA",))
    assert rules.p28_regional_seats(participants(), pairing) == [
        Violation("P&R 28", "GBR has 0 other_region reviewing State(s); it should have 1", ("GBR",))]


def test_p28_regional_seats_gives_a_state_outside_the_groups_two_other_region_seats() -> None:
    pairing = tiny_pairing(drop=("EUU FRA",), add=("1 EUU FRA same_region UNTOC TIP SOM FIR",))
    assert rules.p28_regional_seats(participants(), pairing) == [
        Violation("P&R 28", "EUU has 1 other_region reviewing State(s); it should have 2",
                  ("EUU", "KEN")),
        Violation("P&R 28", "EUU has 1 same_region reviewing State(s); it should have 0",
                  ("EUU", "FRA")),
        Violation("P&R 28", "FRA holds the same_region seat of EUU but is not from its "
                  "regional group", ("EUU", "FRA")),
    ]


def test_p28_regional_seats_reports_a_state_with_two_seats_in_one_review() -> None:
    pairing = tiny_pairing(add=("2 DEU KEN additional FIR",))
    assert rules.p28_regional_seats(participants(), pairing) == [
        Violation("P&R 28", "KEN holds several seats (additional, other_region) in the review "
                  "of DEU", ("DEU", "KEN"))]


def test_p28_a_no_mutual_review_reports_states_reviewing_each_other() -> None:
    pairing = tiny_pairing(drop=("FRA SEN",), add=("1 FRA KEN other_region UNTOC TIP SOM FIR",))
    assert rules.p28_a_no_mutual_review(participants(), pairing) == [
        Violation("P&R 28(a)", "FRA and KEN review each other", ("FRA", "KEN"))]


def test_p28_b_instruments_reports_an_instrument_with_one_reviewer() -> None:
    pairing = tiny_pairing(drop=("DEU NGA",))
    assert rules.p28_b_instruments(participants(), pairing) == [
        Violation("P&R 28(b)", "DEU is reviewed on FIR by 1 State(s); it should be by 2",
                  ("DEU", "KEN"))]


def test_p28_b_instruments_reports_a_reviewer_not_party_to_the_instrument() -> None:
    pairing = tiny_pairing(drop=("DEU NGA",), add=("2 DEU GBR same_region FIR",))
    assert rules.p28_b_instruments(participants(), pairing) == [
        Violation("P&R 28(b)", "GBR reviews FIR in the review of DEU but is not party to it",
                  ("DEU", "GBR"))]


def test_p28_b_instruments_reports_an_instrument_reviewed_that_the_state_is_not_party_to() -> None:
    pairing = tiny_pairing(add=("3 GBR EUU additional FIR",))
    assert rules.p28_b_instruments(participants(), pairing) == [
        Violation("P&R 28(b)", "GBR is reviewed on FIR in the review of GBR but is not party "
                  "to it", ("GBR", "EUU"))]


def test_p28_b_instruments_reports_a_drawn_reviewer_skipping_an_instrument_it_is_party_to() -> None:
    pairing = tiny_pairing(drop=("SEN DEU",), add=("3 SEN DEU other_region UNTOC TIP SOM",
                                                   "3 SEN EUU additional FIR"))
    assert rules.p28_b_instruments(participants(), pairing) == [
        Violation("P&R 28(b)", "DEU was drawn for SEN and is party to FIR, yet does not "
                  "review it", ("SEN", "DEU"))]


def test_p28_b_instruments_reports_an_additional_reviewer_not_needed() -> None:
    pairing = tiny_pairing(add=("1 KEN SEN additional FIR",))
    assert rules.p28_b_instruments(participants(), pairing) == [
        Violation("P&R 28(b)", "KEN is reviewed on FIR by 3 State(s); it should be by 2",
                  ("KEN", "FRA", "NGA", "SEN"))]


def test_p28_c_at_most_four_follows_what_the_state_under_review_accepts() -> None:
    assert rules.p28_c_at_most_four(participants(), tiny_pairing()) == []
    assert rules.p28_c_at_most_four(participants(DEU={"max_reviewers": 2}), tiny_pairing()) == [
        Violation("P&R 28(c)", "DEU has 3 reviewing States; it accepts 2", ("DEU", "GBR", "KEN", "NGA"))]


def test_p28_c_at_most_four_reports_a_fifth_reviewing_state() -> None:
    pairing = tiny_pairing(add=("2 DEU EUU additional FIR", "2 DEU SEN additional FIR"))
    assert rules.p28_c_at_most_four(participants(), pairing) == [
        Violation("P&R 28(c)", "DEU has 5 reviewing States; it accepts 4",
                  ("DEU", "EUU", "GBR", "KEN", "NGA", "SEN"))]
    assert rules.p28_c_at_most_four(participants(DEU={"max_reviewers": 5}), pairing) == []


def test_p29_reviewed_and_reviewing_reports_a_state_that_reviews_no_one() -> None:
    pairing = tiny_pairing(drop=("DEU GBR",), add=("2 DEU FRA same_region UNTOC TIP SOM FIR",))
    assert rules.p29_reviewed_and_reviewing(participants(FRA={"volunteer_extra": 1}), pairing) == [
        Violation("P&R 29", "GBR reviews 0 State(s); it should review between 1 and 3", ("GBR",))]


def test_p29_reviewed_and_reviewing_allows_more_duties_to_volunteers() -> None:
    pairing = tiny_pairing(drop=("GBR FRA",), add=("3 GBR KEN same_region UNTOC TIP SOM",))
    assert rules.p29_reviewed_and_reviewing(participants(), pairing) == [
        Violation("P&R 29", "KEN reviews 4 State(s); it should review between 1 and 3", ("KEN",))]
    assert rules.p29_reviewed_and_reviewing(participants(KEN={"volunteer_extra": 1}), pairing) == []


def test_p29_reviewed_and_reviewing_reports_a_state_not_reviewed() -> None:
    pairing = tiny_pairing(drop=("EUU KEN", "EUU FRA"), add=("1 KEN EUU additional FIR",))
    assert rules.p29_reviewed_and_reviewing(participants(), pairing) == [
        Violation("P&R 29", "EUU is not reviewed", ("EUU",))]


def test_check_lists_every_violation_sorted_by_rule() -> None:
    pairing = tiny_pairing(drop=("FRA SEN",), add=("1 FRA KEN other_region UNTOC TIP SOM FIR",))
    assert [violation.rule for violation in check(tiny_cast(), pairing)] == ["P&R 28(a)", "P&R 29"]
