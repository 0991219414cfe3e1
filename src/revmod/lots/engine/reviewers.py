"""Drawing the reviewing States of every State under review, for the whole process (P&R 28-29)."""

from collections.abc import Mapping, Sequence

from .board import Board, instrument_mask, seat_name
from .errors import Infeasible, Violation
from .pairs import Basis, Pairing, Seat
from .parties import Participant
from .replace import Replacement, apply_replacement, keeps_other_seats, plan_replacement
from .rng import Stream

MAX_ATTEMPTS = 20
# A drawn reviewer not party to every instrument of the State under review brings an
# additional seat (P&R 28(b)); it then weighs as much as a State with two more duties.
ADDITIONAL_SEAT_COST = 2
_NOT_ALLOWED = 1_000  # a cost no State with duties can reach


class _Stuck(Exception):
    """One attempt found a seat nobody may take."""

    def __init__(self, violation: Violation) -> None:
        super().__init__(str(violation))
        self.violation = violation


def draw_reviewers(
    participants: Sequence[Participant], groups: Mapping[str, int], seed: str
) -> tuple[Pairing, int]:
    """The reviewing States of every participant, and the number of attempts it took.

    Attempt k (k = 0, 1, ...) reads the stream labelled "reviewers/k"; an attempt that meets a
    seat no State may take is dropped and the next one starts afresh. After MAX_ATTEMPTS
    failed attempts, raises Infeasible with the rule each attempt stopped on, so the draw
    always ends (P&R 28-29).
    """
    failures = []
    for attempt in range(MAX_ATTEMPTS):
        board = Board(participants, groups)
        try:
            _fill(board, Stream(seed, f"reviewers/{attempt}"))
        except _Stuck as stuck:
            failures.append(stuck.violation)
            continue
        return board.pairing(), attempt + 1
    raise Infeasible(failures)


def _fill(board: Board, stream: Stream) -> None:
    """One attempt: three passes over the States under review in one shuffled order.

    Pass 1 draws the same-region seat, pass 2 the other-region seat (the first and second
    other-region seats for a participant outside the regional groups), pass 3 the additional
    seats, for the drawn seats in the order they were drawn; a last step gives a duty to any
    State left without one (P&R 29).
    """
    order = stream.shuffle(board.order)
    for reviewed in order:
        region = board.by_iso3[reviewed].regional_group
        _draw_base_seat(board, stream, reviewed, Basis.SAME_REGION if region else Basis.OTHER_REGION)
    for reviewed in order:
        _draw_base_seat(board, stream, reviewed, Basis.OTHER_REGION)
    for reviewed in order:
        for seat in list(board.seats[reviewed].values()):
            _draw_additional_seat(board, stream, reviewed, seat)
    _give_everyone_a_duty(board, stream)


def _draw_base_seat(board: Board, stream: Stream, reviewed: str, basis: Basis) -> None:
    """Draw one of the two reviewing States, from its own or another regional group (P&R 28).

    Among the States the rules allow, the draw takes one of those with the lowest cost:
    its duties so far, plus ADDITIONAL_SEAT_COST if it is not party to every instrument of
    the State under review. If the State under review has no room left for an additional
    seat (P&R 28(c)), only States party to all its instruments may be drawn.
    """
    needed, mask, reviews = board.mask[reviewed], board.mask, board.reviews
    gap_cost = ADDITIONAL_SEAT_COST if _room_for_additional(board, reviewed) > 0 else _NOT_ALLOWED
    excluded = board.excluded(reviewed)
    costs = {iso3: len(reviews[iso3]) + (gap_cost if needed & ~mask[iso3] else 0)
             for iso3 in board.pool(reviewed, basis) if iso3 not in excluded}
    lowest = min(costs.values(), default=_NOT_ALLOWED)
    if lowest >= _NOT_ALLOWED:
        raise _Stuck(_no_candidate(board, reviewed, basis, list(costs)))
    reviewer = stream.choice([iso3 for iso3, cost in costs.items() if cost == lowest])
    instruments = board.by_iso3[reviewed].instruments & board.by_iso3[reviewer].instruments
    board.place(reviewed, Seat(reviewer, basis, frozenset(instruments)))


def _no_candidate(board: Board, reviewed: str, basis: Basis, allowed: list[str]) -> Violation:
    """Why no State may take a base seat: a rule rules them all out (Board.explain_empty), or
    none is party to every instrument and no additional seat is allowed (P&R 28(c))."""
    if not allowed:
        return board.explain_empty(reviewed, basis)
    return Violation("P&R 28(c)", f"no State party to every instrument of {reviewed} can take "
                     f"{seat_name(reviewed, basis)}, and it accepts no more reviewing States",
                     (reviewed, *allowed))


def _room_for_additional(board: Board, reviewed: str) -> int:
    """Additional seats still allowed: the accepted number of reviewing States (four unless the
    State under review decided otherwise, P&R 28(c)) less two drawn reviewers and the
    additional seats the seats drawn so far already call for."""
    needed = board.mask[reviewed]
    calls = sum(1 for seat in board.seats[reviewed].values()
                if seat.basis is not Basis.ADDITIONAL and needed & ~board.mask[seat.reviewer])
    return board.by_iso3[reviewed].max_reviewers - 2 - calls


def _draw_additional_seat(board: Board, stream: Stream, reviewed: str, seat: Seat) -> None:
    """If the drawn reviewer is not party to every instrument of the State under review, draw
    another reviewer for those instruments only: one of the participants party to all of them
    with the fewest duties (P&R 28(b))."""
    missing = board.by_iso3[reviewed].instruments - seat.instruments
    if not missing:
        return
    required = instrument_mask(missing)
    candidates = board.candidates(reviewed, Basis.ADDITIONAL, required)
    if not candidates:
        raise _Stuck(board.explain_empty(reviewed, Basis.ADDITIONAL, required))
    reviewer = stream.choice_lowest(candidates, [board.duties(iso3) for iso3 in candidates])
    board.place(reviewed, Seat(reviewer, Basis.ADDITIONAL, frozenset(missing)))


def _give_everyone_a_duty(board: Board, stream: Stream) -> None:
    """Every State reviews at least once (P&R 29).

    For each State with no duty, in iso3 order (checked when its turn comes), the seats it could take over from a holder
    with two or more duties are listed in canonical order (State under review, then holder):
    first those it could take without changing any other seat; if it can take none of them,
    all the others, planned with the additional seats they need (replace.plan_replacement).
    Among the plans that break no rule and change the fewest seats, one is drawn by index.
    """
    for iso3 in board.order:
        if board.duties(iso3) > 0:  # a takeover may have drawn it as an additional reviewer
            continue
        seats = [(reviewed, board.seats[reviewed][holder]) for reviewed in board.order
                 for holder in sorted(board.seats[reviewed]) if board.duties(holder) >= 2]
        plain = [(reviewed, seat) for reviewed, seat in seats
                 if keeps_other_seats(board, iso3, reviewed, seat)]
        plans = _plans(board, iso3, plain) or _plans(board, iso3, seats)
        if not plans:
            raise _Stuck(Violation(
                "P&R 29", f"{iso3} reviews no State and can take over no seat", (iso3,)))
        apply_replacement(board, stream, stream.choice_lowest(plans, [p.changes for p in plans]))


def _plans(board: Board, iso3: str, seats: list[tuple[str, Seat]]) -> list[Replacement]:
    outcomes = (plan_replacement(board, reviewed, seat.reviewer, iso3) for reviewed, seat in seats)
    return [outcome for outcome in outcomes if isinstance(outcome, Replacement)]
