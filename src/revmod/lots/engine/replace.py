"""Handing one seat to another State, with only the additional seats that change strictly needs (P&R 28(b))."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .board import Board, instrument_mask
from .errors import Violation
from .pairs import Basis, Seat
from .parties import INSTRUMENT_ORDER, Instrument, instrument_list
from .rng import Stream
from .rules import REVIEWERS_PER_INSTRUMENT


@dataclass(frozen=True)
class Replacement:
    """A planned change of holder for one seat.

    `trimmed` are the additional seats that lose instruments the new holder now reviews
    itself (a trimmed seat with no instrument left is released); `missing` are the instruments
    the new holder is not party to, which a new additional seat must cover.
    """

    reviewed: str
    old: Seat
    new: Seat
    trimmed: tuple[Seat, ...]
    missing: frozenset[Instrument]

    @property
    def changes(self) -> int:
        """Seats changed: the replaced one, each trimmed one, and a new additional one."""
        return 1 + len(self.trimmed) + bool(self.missing)

    @property
    def released(self) -> tuple[str, ...]:
        return tuple(seat.reviewer for seat in self.trimmed if not seat.instruments)


def plan_replacement(board: Board, reviewed: str, old_reviewer: str, new_reviewer: str
                     ) -> Replacement | Violation:
    """What handing `old_reviewer`'s seat to `new_reviewer` would change, or the rule it breaks.

    The new holder must be allowed in the seat (P&R 26, 28, 28(a), 29); it reviews every
    instrument of the State under review it is party to, each instrument keeps exactly two
    reviewers (P&R 26, 28(b)), the reviewing States stay within the accepted number
    (P&R 28(c)), and nobody is left reviewing no State (P&R 29).
    """
    old = board.seats[reviewed][old_reviewer]
    required = instrument_mask(old.instruments) if old.basis is Basis.ADDITIONAL else 0
    blocked = board.blocking(new_reviewer, reviewed, old.basis, required)
    if blocked:
        return blocked
    leaving = left_without_duty(board, [old_reviewer], reviewed)
    if leaving:
        return leaving
    instruments = old.instruments if old.basis is Basis.ADDITIONAL else frozenset(
        board.by_iso3[reviewed].instruments & board.by_iso3[new_reviewer].instruments)
    new = Seat(new_reviewer, old.basis, instruments)
    others = [seat for seat in board.seats[reviewed].values() if seat.reviewer != old_reviewer]
    trimmed = _trim_surplus(others, new)
    plan = Replacement(reviewed, old, new, trimmed, _missing(board, reviewed, others, new, trimmed))
    return _check_plan(board, plan)


def keeps_other_seats(board: Board, new_reviewer: str, reviewed: str, seat: Seat) -> bool:
    """Whether handing `seat` to `new_reviewer` would leave every other seat as it is: it would
    review the same instruments (an additional seat: it is party to all of them)."""
    instruments = board.by_iso3[new_reviewer].instruments
    if seat.basis is Basis.ADDITIONAL:
        return seat.instruments <= instruments
    return board.by_iso3[reviewed].instruments & instruments == seat.instruments


def _trim_surplus(others: list[Seat], new: Seat) -> tuple[Seat, ...]:
    """Instruments the new holder brings that already have two reviewers are taken from
    additional seats: from the one with the smallest iso3 that covers them."""
    counts = Counter(i for seat in [*others, new] for i in seat.instruments)
    cut: dict[str, set[Instrument]] = {}
    for instrument in sorted(new.instruments, key=INSTRUMENT_ORDER.__getitem__):
        for seat in sorted(others, key=lambda s: s.reviewer):
            if counts[instrument] <= REVIEWERS_PER_INSTRUMENT:
                break
            if seat.basis is Basis.ADDITIONAL and instrument in seat.instruments:
                cut.setdefault(seat.reviewer, set()).add(instrument)
                counts[instrument] -= 1
    return tuple(Seat(seat.reviewer, seat.basis, seat.instruments - cut[seat.reviewer])
                 for seat in others if seat.reviewer in cut)


def _missing(board: Board, reviewed: str, others: list[Seat], new: Seat,
             trimmed: tuple[Seat, ...]) -> frozenset[Instrument]:
    kept = {seat.reviewer: seat for seat in others} | {seat.reviewer: seat for seat in trimmed}
    counts = Counter(i for seat in [*kept.values(), new] for i in seat.instruments)
    return frozenset(i for i in board.by_iso3[reviewed].instruments
                     if counts[i] < REVIEWERS_PER_INSTRUMENT)


def _check_plan(board: Board, plan: Replacement) -> Replacement | Violation:
    reviewed = plan.reviewed
    leaving = left_without_duty(board, plan.released, reviewed)
    if leaving:
        return leaving
    count = len(board.seats[reviewed]) - len(plan.released) + bool(plan.missing)
    accepted = board.by_iso3[reviewed].max_reviewers
    if count > accepted:
        return Violation("P&R 28(c)", f"{plan.new.reviewer} would bring {reviewed} to {count} "
                         f"reviewing States; it accepts {accepted}", (reviewed, plan.new.reviewer))
    if plan.missing and not _additional_candidates(board, plan):
        return Violation("P&R 28(b)", f"no State can review {reviewed} on "
                         f"{instrument_list(plan.missing)} beside {plan.new.reviewer}",
                         (reviewed, plan.new.reviewer))
    return plan


def left_without_duty(board: Board, reviewers: Iterable[str], reviewed: str) -> Violation | None:
    """The first of `reviewers` that leaving the review of `reviewed` would leave with no
    review to do (P&R 29), as a violation; None if there is none."""
    for reviewer in reviewers:
        if board.duties(reviewer) == 1:
            return Violation("P&R 29", f"{reviewer} would review no State once out of the "
                             f"review of {reviewed}", (reviewer,))
    return None


def _additional_candidates(board: Board, plan: Replacement) -> list[str]:
    """Who may take the new additional seat: not the replaced State, nor one just released."""
    left = {plan.old.reviewer, plan.new.reviewer, *plan.released}
    required = instrument_mask(plan.missing)
    return [iso3 for iso3 in board.candidates(plan.reviewed, Basis.ADDITIONAL, required)
            if iso3 not in left]


def apply_replacement(board: Board, stream: Stream, plan: Replacement) -> str | None:
    """Carry the plan out on the board; returns the new additional reviewer, if one was drawn.

    Side effects, in order: the old holder leaves; trimmed seats shrink (or go); the new holder
    sits; the new additional seat, if needed, goes to a State with the fewest duties among
    those allowed, drawn by index from them in iso3 order (P&R 28(b)).
    """
    reviewed = plan.reviewed
    board.release(reviewed, plan.old.reviewer)
    for seat in plan.trimmed:
        board.release(reviewed, seat.reviewer)
        if seat.instruments:
            board.place(reviewed, seat)
    board.place(reviewed, plan.new)
    if not plan.missing:
        return None
    candidates = _additional_candidates(board, plan)
    chosen = stream.choice_lowest(candidates, [board.duties(iso3) for iso3 in candidates])
    board.place(reviewed, Seat(chosen, Basis.ADDITIONAL, plan.missing))
    return chosen
