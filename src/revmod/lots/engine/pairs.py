"""Pairing sets: who reviews whom on which instrument, in canonical order, and the draw's state."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from .parties import INSTRUMENT_ORDER, Instrument, Participant


class Basis(StrEnum):
    """Why a reviewing State holds its seat (P&R 28, 28(b))."""

    SAME_REGION = "same_region"
    OTHER_REGION = "other_region"
    ADDITIONAL = "additional"


BASIS_ORDER: Mapping[str, int] = {basis: rank for rank, basis in enumerate(Basis)}
BASE_SEATS = frozenset({Basis.SAME_REGION, Basis.OTHER_REGION})


@dataclass(frozen=True)
class Pair:
    """One row of a pairing set: `reviewer` reviews `reviewed` on `instrument`."""

    group: int
    reviewed: str
    instrument: Instrument
    reviewer: str
    basis: Basis

    @property
    def sort_key(self) -> tuple[int, str, int, str, int]:
        """Canonical order: group, State under review, seat basis, reviewer, instrument."""
        return (self.group, self.reviewed, BASIS_ORDER[self.basis], self.reviewer,
                INSTRUMENT_ORDER[self.instrument])


@dataclass(frozen=True)
class Seat:
    """A reviewing State's place in one review: its basis and the instruments it reviews."""

    reviewer: str
    basis: Basis
    instruments: frozenset[Instrument]


@dataclass(frozen=True)
class Pairing:
    """A set of pairs in canonical order, with the indexes the rules read."""

    pairs: tuple[Pair, ...]

    @classmethod
    def of(cls, pairs: Iterable[Pair]) -> "Pairing":
        return cls(tuple(sorted(set(pairs), key=lambda pair: pair.sort_key)))

    @cached_property
    def seats(self) -> Mapping[str, Mapping[str, Seat]]:
        """State under review → reviewer → its seat (the first basis, if rows disagree)."""
        bases: dict[tuple[str, str], Basis] = {}
        instruments: dict[tuple[str, str], set[Instrument]] = defaultdict(set)
        for pair in self.pairs:
            bases.setdefault((pair.reviewed, pair.reviewer), pair.basis)
            instruments[pair.reviewed, pair.reviewer].add(pair.instrument)
        seats: dict[str, dict[str, Seat]] = defaultdict(dict)
        for (reviewed, reviewer), basis in bases.items():
            seats[reviewed][reviewer] = Seat(reviewer, basis, frozenset(instruments[reviewed, reviewer]))
        return seats

    @cached_property
    def duties(self) -> Mapping[str, frozenset[str]]:
        """Reviewing State → the States it reviews (one duty each, whatever the instruments)."""
        reviews: dict[str, set[str]] = defaultdict(set)
        for pair in self.pairs:
            reviews[pair.reviewer].add(pair.reviewed)
        return {reviewer: frozenset(reviewed) for reviewer, reviewed in reviews.items()}

    @cached_property
    def groups(self) -> Mapping[str, frozenset[int]]:
        """State under review → the group(s) its rows name (one, in a sound pairing set)."""
        groups: dict[str, set[int]] = defaultdict(set)
        for pair in self.pairs:
            groups[pair.reviewed].add(pair.group)
        return {reviewed: frozenset(numbers) for reviewed, numbers in groups.items()}


class RedrawReason(StrEnum):
    """Why a redraw is asked for, and under which paragraph."""

    COMMON_LANGUAGE = "common_language"  # P&R 28(d)
    LEGAL_SYSTEM = "legal_system"  # P&R 28(d)
    EXCEPTIONAL = "exceptional"  # P&R 28(e)
    CANNOT_FULFIL = "cannot_fulfil"  # P&R 30


@dataclass(frozen=True)
class RedrawRecord:
    """What one redraw changed, and why (P&R 28(d)-(f), 30).

    `added_reviewer` holds a new additional seat the new reviewer called for;
    `trimmed_reviewers` are additional reviewers that gave up instruments the new reviewer
    now reviews itself (and left the review if none was left).
    """

    reviewed: str
    basis: Basis
    old_reviewer: str
    new_reviewer: str
    reason: RedrawReason
    asked_by: str
    seed: str
    added_reviewer: str | None = None
    trimmed_reviewers: tuple[str, ...] = ()


@dataclass(frozen=True)
class DrawState:
    """The outcome of the draw so far: its participants, pairing set, seed and redraws."""

    participants: tuple[Participant, ...]
    pairing: Pairing
    seed: str
    attempts: int = 1
    redraws: tuple[RedrawRecord, ...] = ()
