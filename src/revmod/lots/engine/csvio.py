"""The CSV files of the draw: pairing sets and groups, read and written in canonical order."""

import csv
from collections.abc import Mapping
from typing import TextIO

from .errors import InputError
from .pairs import Basis, Pair, Pairing
from .parties import ISO3_PATTERN, Instrument

PAIRS_HEADER = ("group", "reviewed_iso3", "instrument", "reviewer_iso3", "basis")
GROUPS_HEADER = ("group", "iso3")


def write_pairs(pairing: Pairing, stream: TextIO) -> None:
    """One row per State under review × instrument × reviewing State, in canonical order."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(PAIRS_HEADER)
    for pair in pairing.pairs:
        writer.writerow((pair.group, pair.reviewed, pair.instrument.value, pair.reviewer,
                         pair.basis.value))


def write_groups(groups: Mapping[str, int], stream: TextIO) -> None:
    """One row per participant: its group (1-3), sorted by group then iso3."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(GROUPS_HEADER)
    for iso3, group in sorted(groups.items(), key=lambda item: (item[1], item[0])):
        writer.writerow((group, iso3))


def read_pairs(stream: TextIO, *, name: str = "pairs file") -> Pairing:
    """Read a pairs file; raises InputError naming the line and column of the first bad value."""
    reader = csv.reader(stream)
    header = tuple(next(reader, ()))
    if header != PAIRS_HEADER:
        raise InputError(f"{name} line 1: expected the header {','.join(PAIRS_HEADER)}")
    seen: dict[Pair, int] = {}
    for row in reader:
        if not row:
            continue
        pair = _pair(row, name, reader.line_num)
        if pair in seen:
            raise InputError(f"{name} line {reader.line_num}: same row as line {seen[pair]}")
        seen[pair] = reader.line_num
    return Pairing.of(seen)


def _pair(row: list[str], name: str, line: int) -> Pair:
    if len(row) != len(PAIRS_HEADER):
        raise InputError(f"{name} line {line}: expected {len(PAIRS_HEADER)} columns, got {len(row)}")
    cells = dict(zip(PAIRS_HEADER, (cell.strip() for cell in row), strict=True))

    def bad(column: str, expected: str) -> InputError:
        return InputError(f"{name} line {line}, column '{column}': expected {expected}, "
                          f"got {cells[column]!r}")

    if not cells["group"].isdigit():
        raise bad("group", "a group number")
    for column in ("reviewed_iso3", "reviewer_iso3"):
        if not ISO3_PATTERN.fullmatch(cells[column]):
            raise bad(column, "three capital letters")
    if cells["instrument"] not in set(Instrument):
        raise bad("instrument", " or ".join(Instrument))
    if cells["basis"] not in set(Basis):
        raise bad("basis", " or ".join(Basis))
    return Pair(int(cells["group"]), cells["reviewed_iso3"], Instrument(cells["instrument"]),
                cells["reviewer_iso3"], Basis(cells["basis"]))
