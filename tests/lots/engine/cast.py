"""The participants the draw tests share: a small fixed set, and builders for others."""

import io
from pathlib import Path
from typing import Any

from revmod.lots.engine import Basis, Instrument, Pair, Pairing, Participant

AFRICAN = "African States"
WEOG = "Western European and other States"
EASTERN = "Eastern European States"
ALL_INSTRUMENTS = frozenset(Instrument)
NO_FIREARMS = frozenset({Instrument.UNTOC, Instrument.TIP, Instrument.SOM})
CONVENTION_ONLY = frozenset({Instrument.UNTOC})

# The reference data shipped with the reference app: a copy of shared/data/reference/parties.csv.
REAL_PARTIES = Path(__file__).resolve().parents[3] / "src/revmod/reference/data/parties.csv"
PARTIES_HEADER = "iso3,name_en,regional_group,untoc,tip,som,firearms,uncac,joined_after_draw"


def party(iso3: str, region: str | None, instruments: frozenset[Instrument] = ALL_INSTRUMENTS,
          **extra: Any) -> Participant:
    """A participant with sensible defaults; `extra` sets any other field."""
    return Participant(iso3=iso3, name=iso3, regional_group=region, instruments=instruments,
                       uncac=True, **extra)


def small_cast() -> tuple[Participant, ...]:
    """Thirteen participants in three regional groups and one outside them (the EU)."""
    return (
        party("KEN", AFRICAN), party("NGA", AFRICAN), party("SEN", AFRICAN),
        party("ZAF", AFRICAN), party("EGY", AFRICAN, NO_FIREARMS),
        party("FRA", WEOG), party("DEU", WEOG), party("GBR", WEOG, NO_FIREARMS),
        party("CAN", WEOG, NO_FIREARMS),
        party("POL", EASTERN), party("ROU", EASTERN), party("RUS", EASTERN, NO_FIREARMS),
        party("EUU", None),
    )


def parties_csv(*rows: str) -> io.StringIO:
    """A parties file with the required columns and these rows."""
    return io.StringIO("\n".join((PARTIES_HEADER, *rows)) + "\n")


def tiny_cast() -> tuple[Participant, ...]:
    """Seven participants: three African, three WEOG (GBR without Firearms), and the EU."""
    return (
        party("KEN", AFRICAN), party("NGA", AFRICAN), party("SEN", AFRICAN),
        party("FRA", WEOG), party("DEU", WEOG), party("GBR", WEOG, NO_FIREARMS),
        party("EUU", None),
    )


# A pairing of tiny_cast() that keeps every rule, written by hand: group, State under review,
# reviewing State, basis, instruments. Duties: KEN, FRA, NGA 3; SEN, DEU 2; GBR, EUU 1.
TINY_SEATS = (
    "1 KEN NGA same_region UNTOC TIP SOM FIR",
    "1 KEN FRA other_region UNTOC TIP SOM FIR",
    "2 NGA SEN same_region UNTOC TIP SOM FIR",
    "2 NGA EUU other_region UNTOC TIP SOM FIR",
    "3 SEN KEN same_region UNTOC TIP SOM FIR",
    "3 SEN DEU other_region UNTOC TIP SOM FIR",
    "1 FRA DEU same_region UNTOC TIP SOM FIR",
    "1 FRA SEN other_region UNTOC TIP SOM FIR",
    "2 DEU GBR same_region UNTOC TIP SOM",
    "2 DEU KEN other_region UNTOC TIP SOM FIR",
    "2 DEU NGA additional FIR",
    "3 GBR FRA same_region UNTOC TIP SOM",
    "3 GBR NGA other_region UNTOC TIP SOM",
    "1 EUU KEN other_region UNTOC TIP SOM FIR",
    "1 EUU FRA other_region UNTOC TIP SOM FIR",
)


def seats(*lines: str) -> list[Pair]:
    """Pairs from lines "group reviewed reviewer basis INSTRUMENT ...", one line per seat."""
    pairs = []
    for line in lines:
        group, reviewed, reviewer, basis, *instruments = line.split()
        pairs += [Pair(int(group), reviewed, Instrument(instrument), reviewer, Basis(basis))
                  for instrument in instruments]
    return pairs


def tiny_pairing(*, drop: tuple[str, ...] = (), add: tuple[str, ...] = ()) -> Pairing:
    """TINY_SEATS without the seats `drop` names ("reviewed reviewer"), plus the seats `add`."""
    kept = [line for line in TINY_SEATS if " ".join(line.split()[1:3]) not in drop]
    return Pairing.of(seats(*kept, *add))
