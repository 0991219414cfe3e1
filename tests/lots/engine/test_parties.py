"""The parties file reader, and who is drawn."""

import io
import re

import pytest

from revmod.lots.engine import InputError, Instrument, load_parties_csv, participants_in_draw

from .cast import PARTIES_HEADER, REAL_PARTIES, parties_csv

pytestmark = pytest.mark.unit

NIGERIA = "NGA,Nigeria,African States,true,true,true,true,true,false"
OPTIONAL = "languages,legal_tradition,volunteer_extra,max_reviewers"


def test_load_parties_csv_reads_the_real_file() -> None:
    parties = load_parties_csv(REAL_PARTIES)
    by_iso3 = {party.iso3: party for party in parties}
    assert len(parties) == 192
    assert [party.iso3 for party in parties] == sorted(by_iso3)
    assert by_iso3["EUU"].regional_group is None
    assert by_iso3["EUU"].instruments == frozenset(Instrument)
    assert by_iso3["USA"].instruments == {Instrument.UNTOC, Instrument.TIP, Instrument.SOM}
    assert by_iso3["PRK"].instruments == {Instrument.UNTOC}
    assert by_iso3["KEN"].regional_group == "African States"
    assert by_iso3["BTN"].joined_after_draw and by_iso3["SSD"].joined_after_draw


def test_participants_in_draw_leave_out_late_parties_unless_asked() -> None:
    parties = load_parties_csv(REAL_PARTIES)
    drawn = {party.iso3 for party in participants_in_draw(parties)}
    everyone = {p.iso3 for p in participants_in_draw(parties, include_joined_after_draw=True)}
    assert len(drawn) == 190
    assert everyone - drawn == {"BTN", "SSD"}


def test_load_parties_csv_reads_optional_columns() -> None:
    text = (f"{PARTIES_HEADER},{OPTIONAL}\n"
            "FRA,France,WEOG,true,true,true,true,true,false,fr;en,civil law,1,5\n")
    (france,) = load_parties_csv(io.StringIO(text))
    assert france.languages == {"fr", "en"}
    assert france.legal_tradition == "civil law"
    assert (france.volunteer_extra, france.max_duties, france.max_reviewers) == (1, 4, 5)


def test_load_parties_csv_defaults_optional_columns() -> None:
    (kenya,) = load_parties_csv(parties_csv("KEN,Kenya,African States,true,true,false,true,true,false"))
    assert kenya.languages == frozenset() and kenya.legal_tradition is None
    assert (kenya.volunteer_extra, kenya.max_duties, kenya.max_reviewers) == (0, 3, 4)
    assert kenya.instruments == {Instrument.UNTOC, Instrument.TIP, Instrument.FIR}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("KEN,Kenya,African States,true,yes,true,true,true,false",
         "line 3, column 'tip': expected true or false, got 'yes'"),
        ("ken,Kenya,African States,true,true,true,true,true,false",
         "line 3, column 'iso3': expected three capital letters, got 'ken'"),
        ("KEN,Kenya,African States,false,true,true,true,true,false",
         "line 3, column 'untoc': KEN is not a party to UNTOC"),
        (NIGERIA, "line 3, column 'iso3': NGA already on line 2"),
        ("KEN,Kenya,African States,true,true,true,true,true,",
         "line 3, column 'joined_after_draw': expected true or false, got ''"),
    ],
)
def test_load_parties_csv_names_line_and_column_of_a_bad_row(row: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        load_parties_csv(parties_csv(NIGERIA, row))


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ("en;sw,,,", "column 'languages': sw not among the working languages"),
        (",,-1,", "column 'volunteer_extra': expected a whole number of at least 0, got '-1'"),
        (",,,1", "column 'max_reviewers': expected a whole number of at least 2, got '1'"),
    ],
)
def test_load_parties_csv_checks_optional_columns(values: str, message: str) -> None:
    text = f"{PARTIES_HEADER},{OPTIONAL}\nKEN,Kenya,African States,true,true,true,true,true,false,{values}\n"
    with pytest.raises(InputError, match=re.escape(f"line 2, {message}")):
        load_parties_csv(io.StringIO(text))


def test_load_parties_csv_names_missing_columns() -> None:
    header = PARTIES_HEADER.replace(",firearms", "")
    with pytest.raises(InputError, match=re.escape("line 1: missing column(s) firearms")):
        load_parties_csv(io.StringIO(header + "\n"))
