"""The pairs and groups files: exact header, canonical order, clear errors."""

import io

import pytest

from revmod.lots.engine import InputError, draw
from revmod.lots.engine.csvio import read_pairs, write_groups, write_pairs

from .cast import small_cast, tiny_pairing

pytestmark = pytest.mark.unit

HEADER = "group,reviewed_iso3,instrument,reviewer_iso3,basis"


def test_write_pairs_writes_the_header_and_canonical_rows() -> None:
    stream = io.StringIO()
    write_pairs(tiny_pairing(), stream)
    lines = stream.getvalue().splitlines()
    assert lines[0] == HEADER
    assert lines[1:6] == ["1,EUU,UNTOC,FRA,other_region", "1,EUU,TIP,FRA,other_region",
                          "1,EUU,SOM,FRA,other_region", "1,EUU,FIR,FRA,other_region",
                          "1,EUU,UNTOC,KEN,other_region"]
    assert "2,DEU,FIR,NGA,additional" in lines
    assert len(lines) == 1 + len(tiny_pairing().pairs)


def test_read_pairs_reads_back_what_write_pairs_wrote() -> None:
    pairing = draw(small_cast(), "seed").pairing
    stream = io.StringIO()
    write_pairs(pairing, stream)
    assert read_pairs(io.StringIO(stream.getvalue())) == pairing


def test_read_pairs_does_not_depend_on_row_order() -> None:
    stream = io.StringIO()
    write_pairs(tiny_pairing(), stream)
    header, *rows = stream.getvalue().splitlines()
    shuffled = "\n".join([header, *reversed(rows)])
    assert read_pairs(io.StringIO(shuffled)) == tiny_pairing()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("one,KEN,UNTOC,NGA,same_region", "line 3, column 'group': expected a group number"),
        ("1,KEN,UNTOC,nga,same_region", "line 3, column 'reviewer_iso3': expected three capital"),
        ("1,KEN,CAC,NGA,same_region", "line 3, column 'instrument': expected UNTOC or TIP or SOM"),
        ("1,KEN,UNTOC,NGA,lot", "line 3, column 'basis': expected same_region or other_region"),
        ("1,KEN,UNTOC,NGA", "line 3: expected 5 columns, got 4"),
        ("1,KEN,TIP,NGA,same_region", "line 3: same row as line 2"),
    ],
)
def test_read_pairs_names_line_and_column_of_a_bad_row(row: str, message: str) -> None:
    text = f"{HEADER}\n1,KEN,TIP,NGA,same_region\n{row}\n"
    with pytest.raises(InputError, match=message):
        read_pairs(io.StringIO(text))


def test_read_pairs_wants_the_exact_header() -> None:
    with pytest.raises(InputError, match="line 1: expected the header"):
        read_pairs(io.StringIO("group,reviewed,instrument,reviewer,basis\n"))


def test_write_groups_sorts_by_group_then_iso3() -> None:
    stream = io.StringIO()
    write_groups({"NGA": 2, "KEN": 1, "FRA": 2, "SEN": 3}, stream)
    assert stream.getvalue() == "group,iso3\n1,KEN\n2,FRA\n2,NGA\n3,SEN\n"
