"""Who takes part in the draw: the Participant record and the parties CSV reader."""

import csv
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO

from .errors import InputError


class Instrument(StrEnum):
    """The Convention and its three Protocols, in their canonical order (P&R 9)."""

    UNTOC = "UNTOC"
    TIP = "TIP"
    SOM = "SOM"
    FIR = "FIR"


INSTRUMENT_ORDER: Mapping[str, int] = {instrument: rank for rank, instrument in enumerate(Instrument)}
WORKING_LANGUAGES = frozenset({"ar", "zh", "en", "fr", "ru", "es"})
MAX_DUTIES = 3
MAX_REVIEWING_STATES = 4

# Parties file column → instrument; the file spells the Firearms Protocol out.
_INSTRUMENT_COLUMNS = (
    ("untoc", Instrument.UNTOC),
    ("tip", Instrument.TIP),
    ("som", Instrument.SOM),
    ("firearms", Instrument.FIR),
)
_REQUIRED_COLUMNS = ("iso3", "name_en", "regional_group", "untoc", "tip", "som", "firearms",
                     "uncac", "joined_after_draw")
ISO3_PATTERN = re.compile(r"[A-Z]{3}")  # ISO 3166-1 alpha-3, and EUU for the EU


@dataclass(frozen=True)
class Participant:
    """A party taking part in the draw, with what the rules of the draw need to know of it.

    `regional_group` is None for participants outside the five UN regional groups (the
    European Union, the Holy See, the Cook Islands, Niue). `volunteer_extra` is the number of
    reviews a State volunteers for beyond three (P&R 29); `max_reviewers` is the number of
    reviewing States the State under review accepts, four unless it decided otherwise
    (P&R 28(c)).
    """

    iso3: str
    name: str
    regional_group: str | None
    instruments: frozenset[Instrument]
    uncac: bool
    languages: frozenset[str] = frozenset()
    legal_tradition: str | None = None
    volunteer_extra: int = 0
    joined_after_draw: bool = False
    max_reviewers: int = MAX_REVIEWING_STATES

    @property
    def max_duties(self) -> int:
        """How many reviews this State may do: three, plus what it volunteered (P&R 29)."""
        return MAX_DUTIES + self.volunteer_extra


def instrument_list(instruments: Iterable[Instrument]) -> str:
    """The instruments in canonical order, for messages: "TIP, FIR"."""
    return ", ".join(sorted(instruments, key=INSTRUMENT_ORDER.__getitem__))


def participants_in_draw(
    parties: Iterable[Participant], *, include_joined_after_draw: bool = False
) -> tuple[Participant, ...]:
    """The parties drawn, sorted by iso3.

    Parties that joined after the initial draw (Bhutan and South Sudan in 2023) were not in it
    (Status 2024 para 5 and footnote 2), so they are left out unless asked for.
    """
    chosen = (p for p in parties if include_joined_after_draw or not p.joined_after_draw)
    return tuple(sorted(chosen, key=lambda participant: participant.iso3))


def load_parties_csv(source: str | os.PathLike[str] | TextIO) -> tuple[Participant, ...]:
    """Read a parties file in the format of shared/data/reference/parties.csv, sorted by iso3.

    Required columns: iso3, name_en, regional_group (empty for none), untoc, tip, som,
    firearms, uncac, joined_after_draw (`true`/`false`). Optional: languages (working
    languages separated by `;`, e.g. `en;fr`), legal_tradition, volunteer_extra,
    max_reviewers. Other columns are ignored. Raises InputError naming line and column.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, encoding="utf-8", newline="") as stream:
            return _read_parties(stream, name=os.fspath(source))
    return _read_parties(source, name=getattr(source, "name", "parties file"))


def _read_parties(stream: TextIO, *, name: str) -> tuple[Participant, ...]:
    reader = csv.DictReader(stream)
    missing = [column for column in _REQUIRED_COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise InputError(f"{name} line 1: missing column(s) {', '.join(missing)}")
    seen: dict[str, int] = {}
    parties = []
    for row in reader:
        line = reader.line_num
        participant = _participant(row, _Cell(name, line))
        if participant.iso3 in seen:
            raise InputError(
                f"{name} line {line}, column 'iso3': {participant.iso3} already on line "
                f"{seen[participant.iso3]}"
            )
        seen[participant.iso3] = line
        parties.append(participant)
    return tuple(sorted(parties, key=lambda participant: participant.iso3))


@dataclass(frozen=True)
class _Cell:
    """Where a value comes from, for error messages."""

    file: str
    line: int

    def error(self, column: str, message: str) -> InputError:
        return InputError(f"{self.file} line {self.line}, column '{column}': {message}")


def _participant(row: Mapping[str, str | None], cell: _Cell) -> Participant:
    def text(column: str) -> str:
        return (row.get(column) or "").strip()

    iso3 = text("iso3")
    if not ISO3_PATTERN.fullmatch(iso3):
        raise cell.error("iso3", f"expected three capital letters, got {iso3!r}")
    if not _flag(text("untoc"), "untoc", cell):
        raise cell.error("untoc", f"{iso3} is not a party to UNTOC; only parties are drawn")
    instruments = frozenset(
        instrument for column, instrument in _INSTRUMENT_COLUMNS if _flag(text(column), column, cell)
    )
    return Participant(
        iso3=iso3,
        name=text("name_en") or iso3,
        regional_group=text("regional_group") or None,
        instruments=instruments,
        uncac=_flag(text("uncac"), "uncac", cell),
        languages=_languages(text("languages"), cell),
        legal_tradition=text("legal_tradition") or None,
        volunteer_extra=_count(text("volunteer_extra"), "volunteer_extra", cell, default=0),
        joined_after_draw=_flag(text("joined_after_draw"), "joined_after_draw", cell),
        max_reviewers=_count(
            text("max_reviewers"), "max_reviewers", cell, default=MAX_REVIEWING_STATES, minimum=2
        ),
    )


def _flag(value: str, column: str, cell: _Cell) -> bool:
    if value not in ("true", "false"):
        raise cell.error(column, f"expected true or false, got {value!r}")
    return value == "true"


def _count(value: str, column: str, cell: _Cell, *, default: int, minimum: int = 0) -> int:
    if not value:
        return default
    if not value.isdigit() or int(value) < minimum:
        raise cell.error(column, f"expected a whole number of at least {minimum}, got {value!r}")
    return int(value)


def _languages(value: str, cell: _Cell) -> frozenset[str]:
    codes = frozenset(code.strip() for code in value.split(";") if code.strip())
    unknown = sorted(codes - WORKING_LANGUAGES)
    if unknown:
        raise cell.error(
            "languages", f"{', '.join(unknown)} not among the working languages (P&R 49)"
        )
    return codes
