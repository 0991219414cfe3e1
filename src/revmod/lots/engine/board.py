"""The working state of a draw: the seats placed so far, each State's duties, and who may take a seat."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .errors import InputError, Violation
from .pairs import Basis, Pair, Pairing, Seat
from .parties import INSTRUMENT_ORDER, Instrument, Participant, instrument_list


def instrument_mask(instruments: Iterable[Instrument]) -> int:
    """The instruments as bits (UNTOC 1, TIP 2, SOM 4, FIR 8), for fast coverage tests."""
    return sum(1 << INSTRUMENT_ORDER[instrument] for instrument in set(instruments))


def seat_name(reviewed: str, basis: Basis) -> str:
    return f"the {basis.value.replace('_', '-')} seat in the review of {reviewed}"


class Board:
    """Seats placed on a set of participants, and the exclusions they imply.

    Every candidate list is in iso3 order, so a draw that picks by index from it is
    reproducible.
    """

    def __init__(self, participants: Sequence[Participant], groups: Mapping[str, int]) -> None:
        self.by_iso3 = {p.iso3: p for p in participants}
        self.order = sorted(self.by_iso3)
        self.groups = dict(groups)
        self.mask = {p.iso3: instrument_mask(p.instruments) for p in participants}
        members: dict[str | None, list[str]] = defaultdict(list)
        for iso3 in self.order:
            members[self.by_iso3[iso3].regional_group].append(iso3)
        self._members = dict(members)
        self._outside = {
            region: [iso3 for iso3 in self.order if self.by_iso3[iso3].regional_group != region]
            for region in self._members if region is not None
        }
        self.seats: dict[str, dict[str, Seat]] = {iso3: {} for iso3 in self.order}
        self.reviews: dict[str, set[str]] = {iso3: set() for iso3 in self.order}
        self.full: set[str] = set()

    @classmethod
    def from_pairing(cls, participants: Sequence[Participant], pairing: Pairing) -> "Board":
        """The board of a pairing set made earlier (by this engine or elsewhere)."""
        known = {participant.iso3 for participant in participants}
        unknown = sorted({s for p in pairing.pairs for s in (p.reviewed, p.reviewer)} - known)
        if unknown:
            raise InputError(f"not participants in the draw: {', '.join(unknown)}")
        groups = {reviewed: min(numbers) for reviewed, numbers in pairing.groups.items()}
        board = cls(participants, groups)
        for reviewed, seats in pairing.seats.items():
            for seat in seats.values():
                board.place(reviewed, seat)
        return board

    def duties(self, iso3: str) -> int:
        return len(self.reviews[iso3])

    def place(self, reviewed: str, seat: Seat) -> None:
        self.seats[reviewed][seat.reviewer] = seat
        self.reviews[seat.reviewer].add(reviewed)
        if self.duties(seat.reviewer) >= self.by_iso3[seat.reviewer].max_duties:
            self.full.add(seat.reviewer)

    def release(self, reviewed: str, reviewer: str) -> Seat:
        seat = self.seats[reviewed].pop(reviewer)
        self.reviews[reviewer].discard(reviewed)
        self.full.discard(reviewer)
        return seat

    def pairing(self) -> Pairing:
        return Pairing.of(
            Pair(self.groups[reviewed], reviewed, instrument, seat.reviewer, seat.basis)
            for reviewed, seats in self.seats.items()
            for seat in seats.values()
            for instrument in seat.instruments
        )

    def in_pool(self, iso3: str, reviewed: str, basis: Basis) -> bool:
        """Whether the regional rule allows this State in this seat, before any other rule (P&R 28).

        Same region: the other members of the reviewed State's regional group. Other region:
        everyone outside it; participants outside the five groups count as another region
        for everyone. Additional seats: everyone.
        """
        region = self.by_iso3[reviewed].regional_group
        own = self.by_iso3[iso3].regional_group
        if basis is Basis.SAME_REGION:
            return region is not None and own == region
        return basis is Basis.ADDITIONAL or region is None or own != region

    def pool(self, reviewed: str, basis: Basis) -> list[str]:
        """Everyone `in_pool` for this seat, in iso3 order."""
        region = self.by_iso3[reviewed].regional_group
        if basis is Basis.SAME_REGION:
            return [] if region is None else self._members[region]
        if basis is Basis.OTHER_REGION and region is not None:
            return self._outside[region]
        return self.order

    def exclusions(self, reviewed: str) -> list[tuple[str, str, set[str]]]:
        """Who may not take a new seat in this review, by rule, in the order they are applied."""
        return [
            ("P&R 26", "is the State under review itself", {reviewed}),
            ("P&R 28", "already holds a seat in this review", set(self.seats[reviewed])),
            ("P&R 28(a)", f"is reviewed by {reviewed}; States do not review each other",
             self.reviews[reviewed]),
            ("P&R 29", "already reviews as many States as it may", self.full),
        ]

    def excluded(self, reviewed: str) -> set[str]:
        """Everyone `exclusions` rules out of a new seat in this review."""
        return set().union(*(states for _, _, states in self.exclusions(reviewed)))

    def candidates(self, reviewed: str, basis: Basis, required: int = 0) -> list[str]:
        """Everyone who may take a new seat of this basis and is party to the `required` instruments."""
        excluded, mask = self.excluded(reviewed), self.mask
        return [iso3 for iso3 in self.pool(reviewed, basis)
                if iso3 not in excluded and not required & ~mask[iso3]]

    def blocking(self, iso3: str, reviewed: str, basis: Basis, required: int = 0) -> Violation | None:
        """Why this State may not take a new seat of this basis, or None if it may."""
        seat = seat_name(reviewed, basis)
        if not self.in_pool(iso3, reviewed, basis):
            return Violation("P&R 28", f"{iso3} is not in the pool for {seat}", (reviewed, iso3))
        for rule, reason, states in self.exclusions(reviewed):
            if iso3 in states:
                return Violation(rule, f"{iso3} {reason}", (reviewed, iso3))
        if required & ~self.mask[iso3]:
            return Violation("P&R 28(b)", f"{iso3} is not party to every instrument of {seat}",
                             (reviewed, iso3))
        return None

    def explain_empty(self, reviewed: str, basis: Basis, required: int = 0) -> Violation:
        """Why `candidates` is empty: the first rule that rules the last candidates out."""
        remaining = [iso3 for iso3 in self.pool(reviewed, basis) if iso3 != reviewed]
        seat = seat_name(reviewed, basis)
        if not remaining:
            where = {Basis.SAME_REGION: f" in the regional group of {reviewed}",
                     Basis.OTHER_REGION: f" outside the regional group of {reviewed}"}
            return Violation("P&R 28", f"no other participant{where.get(basis, '')} can take "
                             f"{seat}", (reviewed,))
        for rule, reason, states in self.exclusions(reviewed)[1:]:
            left = [iso3 for iso3 in remaining if iso3 not in states]
            if not left:
                return Violation(rule, f"no State can take {seat}: each of "
                                 f"{', '.join(remaining)} {reason}", (reviewed, *remaining))
            remaining = left
        needed = [i for i in Instrument if required >> INSTRUMENT_ORDER[i] & 1]
        return Violation("P&R 28(b)", f"no State can take {seat}: none of {', '.join(remaining)} "
                         f"is party to {instrument_list(needed)}", (reviewed, *remaining))
