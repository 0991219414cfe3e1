"""Whether one State may take a new seat in another's review, given the pairings made."""

import pytest

from revmod.lots.engine import InputError, Instrument, Violation, eligibility

from .cast import CONVENTION_ONLY, WEOG, party, tiny_cast, tiny_pairing

pytestmark = pytest.mark.unit


def test_eligibility_allows_a_free_state_before_any_pairing() -> None:
    assert eligibility("FRA", "KEN", participants=tiny_cast()) == (True, [])


def test_eligibility_allows_a_state_with_room_left() -> None:
    assert eligibility("GBR", "KEN", Instrument.TIP, participants=tiny_cast(),
                       pairing=tiny_pairing()) == (True, [])


def test_eligibility_gives_every_reason_against() -> None:
    ok, reasons = eligibility("KEN", "SEN", participants=tiny_cast(), pairing=tiny_pairing())
    assert not ok
    assert reasons == [
        Violation("P&R 28", "KEN already holds a seat in this review", ("SEN", "KEN")),
        Violation("P&R 29", "KEN already reviews as many States as it may", ("SEN", "KEN")),
    ]


def test_eligibility_reports_mutual_review() -> None:
    assert eligibility("SEN", "KEN", participants=tiny_cast(), pairing=tiny_pairing()) == (False, [
        Violation("P&R 28(a)", "SEN is reviewed by KEN; States do not review each other",
                  ("KEN", "SEN"))])


def test_eligibility_reports_self_review() -> None:
    assert eligibility("KEN", "KEN", participants=tiny_cast()) == (False, [
        Violation("P&R 26", "KEN is the State under review itself", ("KEN", "KEN"))])


def test_eligibility_reports_instruments_either_state_is_not_party_to() -> None:
    cast = (*tiny_cast(), party("LIE", WEOG, CONVENTION_ONLY))
    assert eligibility("LIE", "KEN", Instrument.TIP, participants=cast) == (False, [
        Violation("P&R 28(b)", "the reviewer LIE is not party to TIP", ("KEN", "LIE"))])
    assert eligibility("KEN", "GBR", Instrument.FIR, participants=cast) == (False, [
        Violation("P&R 28(b)", "the State under review GBR is not party to FIR", ("GBR", "KEN"))])


def test_eligibility_reports_a_review_with_all_the_reviewing_states_it_accepts() -> None:
    pairing = tiny_pairing(add=("2 DEU EUU additional FIR",))
    ok, reasons = eligibility("SEN", "DEU", participants=tiny_cast(), pairing=pairing)
    assert (ok, [reason.rule for reason in reasons]) == (False, ["P&R 28(a)", "P&R 28(c)"])


def test_eligibility_refuses_a_state_outside_the_draw() -> None:
    with pytest.raises(InputError, match="XXX is not a participant"):
        eligibility("XXX", "KEN", participants=tiny_cast())
