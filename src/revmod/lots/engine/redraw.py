"""Redrawing one reviewing State at a State's request, keeping every other pairing (P&R 28(d)-(f), 30)."""

from dataclasses import dataclass, replace

from .board import Board, instrument_mask
from .errors import Infeasible, InputError, Violation
from .pairs import Basis, DrawState, RedrawReason, RedrawRecord
from .parties import Participant
from .replace import Replacement, apply_replacement, left_without_duty, plan_replacement
from .rng import Stream

MAX_COUNTED_REDRAWS = 4
# Only the redraws of P&R 28(d) count against a State's four.
COUNTED_REASONS = frozenset({RedrawReason.COMMON_LANGUAGE, RedrawReason.LEGAL_SYSTEM})


@dataclass(frozen=True)
class RedrawRequest:
    """A State's request to replace `reviewer` in the review of `reviewed`; `seed` is published
    with the request, so the redraw replays like the draw."""

    reviewed: str
    reviewer: str
    asked_by: str
    reason: RedrawReason
    seed: str


def redraw(state: DrawState, request: RedrawRequest) -> tuple[DrawState, RedrawRecord]:
    """Replace one reviewing State, changing only what the rules then require (P&R 28(d)-(f), 30).

    Steps: check the request (InputError) and the asking State's allowance (Infeasible,
    P&R 28(d)); list the States the rules allow in the seat; plan the replacement by each;
    keep the plans that break no rule; draw, from the stream labelled "redraw", one of those
    ranked first by (shares the asked-for language or legal tradition with the State under
    review? no last; seats changed, fewest first; duties, fewest first); carry it out.
    Raises Infeasible, naming the rules, when no State can take the seat.
    """
    board = Board.from_pairing(state.participants, state.pairing)
    _validate(board, request)
    _check_allowance(state, request)
    stream = Stream(request.seed, "redraw")
    plan = _choose(board, stream, request)
    added = apply_replacement(board, stream, plan)
    record = RedrawRecord(
        reviewed=request.reviewed, basis=plan.old.basis, old_reviewer=request.reviewer,
        new_reviewer=plan.new.reviewer, reason=request.reason, asked_by=request.asked_by,
        seed=request.seed, added_reviewer=added,
        trimmed_reviewers=tuple(seat.reviewer for seat in plan.trimmed),
    )
    return replace(state, pairing=board.pairing(), redraws=(*state.redraws, record)), record


def _validate(board: Board, request: RedrawRequest) -> None:
    seats = board.seats.get(request.reviewed)
    if not seats:
        raise InputError(f"{request.reviewed} is not a State under review in this draw")
    if request.reviewer not in seats:
        raise InputError(f"{request.reviewer} does not review {request.reviewed}")
    if request.asked_by != request.reviewed and request.asked_by not in seats:
        raise InputError(f"{request.asked_by} is neither {request.reviewed} nor one of its "
                         "reviewing States")
    if request.reason is RedrawReason.CANNOT_FULFIL and request.asked_by != request.reviewed:
        raise InputError("only the State under review asks for a redraw when a reviewing State "
                         "cannot fulfil its role (P&R 30)")
    if not request.seed:
        raise InputError("a redraw needs a seed")


def _check_allowance(state: DrawState, request: RedrawRequest) -> None:
    """At most four redraws per State for a common language or a similar legal system
    (P&R 28(d)); those asked in exceptional circumstances (P&R 28(e)) or because a reviewing
    State cannot fulfil its role (P&R 30) do not count."""
    if request.reason not in COUNTED_REASONS:
        return
    used = sum(1 for record in state.redraws
               if record.asked_by == request.asked_by and record.reason in COUNTED_REASONS)
    if used >= MAX_COUNTED_REDRAWS:
        raise Infeasible([Violation(
            "P&R 28(d)", f"{request.asked_by} has already asked for {used} redraws",
            (request.asked_by,))])


def _choose(board: Board, stream: Stream, request: RedrawRequest) -> Replacement:
    reviewed, old = request.reviewed, board.seats[request.reviewed][request.reviewer]
    leaving = left_without_duty(board, [request.reviewer], reviewed)
    if leaving:
        raise Infeasible([leaving])
    required = instrument_mask(old.instruments) if old.basis is Basis.ADDITIONAL else 0
    candidates = board.candidates(reviewed, old.basis, required)
    if not candidates:
        raise Infeasible([board.explain_empty(reviewed, old.basis, required)])
    outcomes = [plan_replacement(board, reviewed, request.reviewer, iso3) for iso3 in candidates]
    plans = [outcome for outcome in outcomes if isinstance(outcome, Replacement)]
    if not plans:
        raise Infeasible(outcome for outcome in outcomes if isinstance(outcome, Violation))
    ranks = [(0 if _shares(request.reason, board.by_iso3[plan.new.reviewer],
                           board.by_iso3[reviewed]) else 1,
              plan.changes, board.duties(plan.new.reviewer)) for plan in plans]
    return stream.choice_lowest(plans, ranks)


def _shares(reason: RedrawReason, candidate: Participant, reviewed: Participant) -> bool:
    """The preference a redraw honours where it can: a common working language for
    `common_language`, the same legal tradition for `legal_system`, none otherwise (P&R 28(d))."""
    if reason is RedrawReason.COMMON_LANGUAGE:
        return bool(candidate.languages & reviewed.languages)
    if reason is RedrawReason.LEGAL_SYSTEM:
        return candidate.legal_tradition is not None and (
            candidate.legal_tradition == reviewed.legal_tradition)
    return False
