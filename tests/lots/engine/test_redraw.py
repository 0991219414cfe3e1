"""Redraws at a State's request (P&R 28(d)-(f), 30): one seat changes, every rule still holds."""

from dataclasses import replace

import pytest

from revmod.lots.engine import (
    Basis,
    DrawState,
    Infeasible,
    InputError,
    Pair,
    Pairing,
    Participant,
    RedrawReason,
    RedrawRecord,
    RedrawRequest,
    check,
    draw,
    redraw,
)

from .cast import small_cast, tiny_cast, tiny_pairing

pytestmark = pytest.mark.unit

EXCEPTIONAL, COMMON_LANGUAGE = RedrawReason.EXCEPTIONAL, RedrawReason.COMMON_LANGUAGE
# tiny_pairing() with EUU reviewed by GBR (no Firearms) and SEN (Firearms, additional).
EUU_BY_GBR = {"drop": ("EUU FRA",), "add": ("1 EUU GBR other_region UNTOC TIP SOM",
                                            "1 EUU SEN additional FIR")}


def state(pairing: Pairing | None = None, cast: tuple[Participant, ...] | None = None,
          redraws: tuple[RedrawRecord, ...] = ()) -> DrawState:
    participants = tuple(sorted(cast or tiny_cast(), key=lambda p: p.iso3))
    return DrawState(participants, pairing or tiny_pairing(), "tiny", redraws=redraws)


def others(pairing: Pairing, reviewed: str) -> set[Pair]:
    return {pair for pair in pairing.pairs if pair.reviewed != reviewed}


def test_redraw_replaces_one_seat_and_keeps_every_other_pairing() -> None:
    before = state()
    after, record = redraw(before, RedrawRequest("DEU", "KEN", "DEU", EXCEPTIONAL, "r1"))
    assert record == RedrawRecord("DEU", Basis.OTHER_REGION, "KEN", "EUU", EXCEPTIONAL, "DEU", "r1")
    assert after.redraws == (record,)
    assert after.pairing == tiny_pairing(
        drop=("DEU KEN",), add=("2 DEU EUU other_region UNTOC TIP SOM FIR",))
    assert check(after.participants, after.pairing) == []


def test_redraw_takes_instruments_back_from_an_additional_reviewer_no_longer_needed() -> None:
    before = state(tiny_pairing(**EUU_BY_GBR))
    assert check(before.participants, before.pairing) == []
    after, record = redraw(before, RedrawRequest("EUU", "GBR", "EUU", EXCEPTIONAL, "r1"))
    assert record.new_reviewer in {"FRA", "DEU"}
    assert record.trimmed_reviewers == ("SEN",) and record.added_reviewer is None
    assert sorted(after.pairing.seats["EUU"]) == sorted(["KEN", record.new_reviewer])
    assert others(after.pairing, "EUU") == others(before.pairing, "EUU")
    assert check(after.participants, after.pairing) == []


def test_redraw_prefers_a_common_working_language() -> None:
    languages = {"EUU": {"en", "fr"}, "FRA": {"fr"}, "DEU": {"ru"}}
    cast = tuple(replace(p, languages=frozenset(languages.get(p.iso3, ()))) for p in tiny_cast())
    for seed in ("r1", "r2", "r3", "r4"):
        _, record = redraw(state(tiny_pairing(**EUU_BY_GBR), cast),
                           RedrawRequest("EUU", "GBR", "EUU", COMMON_LANGUAGE, seed))
        assert record.new_reviewer == "FRA"


def test_redraw_prefers_a_similar_legal_system() -> None:
    traditions = {"EUU": "civil law", "FRA": "common law", "DEU": "civil law"}
    cast = tuple(replace(p, legal_tradition=traditions.get(p.iso3)) for p in tiny_cast())
    for seed in ("r1", "r2", "r3", "r4"):
        _, record = redraw(state(tiny_pairing(**EUU_BY_GBR), cast),
                           RedrawRequest("EUU", "GBR", "EUU", RedrawReason.LEGAL_SYSTEM, seed))
        assert record.new_reviewer == "DEU"


def test_redraw_without_preference_draws_among_equals_by_seed() -> None:
    before = state(tiny_pairing(**EUU_BY_GBR))
    chosen = {redraw(before, RedrawRequest("EUU", "GBR", "EUU", EXCEPTIONAL, f"r{n}"))[1].new_reviewer
              for n in range(12)}
    assert chosen == {"FRA", "DEU"}


def test_redraw_is_the_same_for_the_same_seed() -> None:
    request = RedrawRequest("EUU", "GBR", "EUU", EXCEPTIONAL, "published")
    assert redraw(state(tiny_pairing(**EUU_BY_GBR)), request) == redraw(
        state(tiny_pairing(**EUU_BY_GBR)), request)


def test_redraw_adds_an_additional_reviewer_only_when_the_new_one_lacks_an_instrument() -> None:
    before = draw(small_cast(), "s0")
    after, record = redraw(before, RedrawRequest("FRA", "DEU", "FRA", EXCEPTIONAL, "r"))
    # Every other WEOG State (GBR, CAN) lacks the Firearms Protocol, so FIR needs a new seat.
    assert (record.new_reviewer, record.added_reviewer) == ("GBR", "KEN")
    assert after.pairing.seats["FRA"]["KEN"].instruments == {"FIR"}
    assert after.pairing.seats["FRA"]["KEN"].basis is Basis.ADDITIONAL
    assert others(after.pairing, "FRA") == others(before.pairing, "FRA")
    assert check(after.participants, after.pairing) == []


@pytest.mark.parametrize(
    ("request_", "rule"),
    [
        (RedrawRequest("KEN", "NGA", "KEN", EXCEPTIONAL, "r"), "P&R 28(a)"),  # SEN is reviewed by KEN
        (RedrawRequest("FRA", "SEN", "FRA", EXCEPTIONAL, "r"), "P&R 29"),  # KEN, NGA have three
        (RedrawRequest("DEU", "GBR", "DEU", EXCEPTIONAL, "r"), "P&R 29"),  # GBR's only review
        (RedrawRequest("KEN", "FRA", "KEN", EXCEPTIONAL, "r"), "P&R 28(b)"),  # no one for FIR
    ],
)
def test_redraw_reports_infeasible_naming_the_rule(request_: RedrawRequest, rule: str) -> None:
    with pytest.raises(Infeasible) as raised:
        redraw(state(), request_)
    assert raised.value.rules == (rule,)


def test_redraw_allows_four_redraws_per_state_for_language_or_legal_system() -> None:
    used = tuple(RedrawRecord("DEU", Basis.OTHER_REGION, "X", "Y", reason, "DEU", "old")
                 for reason in (COMMON_LANGUAGE, RedrawReason.LEGAL_SYSTEM) * 2)
    with pytest.raises(Infeasible) as raised:
        redraw(state(redraws=used), RedrawRequest("DEU", "KEN", "DEU", COMMON_LANGUAGE, "r"))
    assert raised.value.violations[0].rule == "P&R 28(d)"
    assert raised.value.violations[0].message == "DEU has already asked for 4 redraws"
    after, _ = redraw(state(redraws=used[:3]), RedrawRequest("DEU", "KEN", "DEU", COMMON_LANGUAGE, "r"))
    assert len(after.redraws) == 4


@pytest.mark.parametrize("reason", [EXCEPTIONAL, RedrawReason.CANNOT_FULFIL])
def test_redraw_does_not_count_exceptional_or_cannot_fulfil(reason: RedrawReason) -> None:
    used = tuple(RedrawRecord("DEU", Basis.OTHER_REGION, "X", "Y", COMMON_LANGUAGE, "DEU", "old")
                 for _ in range(4))
    after, record = redraw(state(redraws=used), RedrawRequest("DEU", "KEN", "DEU", reason, "r"))
    assert record.reason is reason and len(after.redraws) == 5


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (RedrawRequest("DEU", "FRA", "DEU", EXCEPTIONAL, "r"), "FRA does not review DEU"),
        (RedrawRequest("DEU", "KEN", "SEN", EXCEPTIONAL, "r"),
         "SEN is neither DEU nor one of its reviewing States"),
        (RedrawRequest("DEU", "KEN", "GBR", RedrawReason.CANNOT_FULFIL, "r"),
         "only the State under review asks"),
        (RedrawRequest("XXX", "KEN", "XXX", EXCEPTIONAL, "r"), "XXX is not a State under review"),
        (RedrawRequest("DEU", "KEN", "DEU", EXCEPTIONAL, ""), "a redraw needs a seed"),
    ],
)
def test_redraw_refuses_a_request_that_does_not_fit_the_draw(request_: RedrawRequest,
                                                             message: str) -> None:
    with pytest.raises(InputError, match=message):
        redraw(state(), request_)


def test_redraw_lets_a_reviewing_state_ask() -> None:
    after, record = redraw(state(), RedrawRequest("DEU", "KEN", "KEN", COMMON_LANGUAGE, "r"))
    assert (record.asked_by, record.new_reviewer) == ("KEN", "EUU")
    assert check(after.participants, after.pairing) == []
