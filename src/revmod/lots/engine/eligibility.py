"""Whether one State may be given a seat in another's review, given the pairings already made."""

from collections.abc import Sequence

from .board import Board
from .errors import InputError, Violation
from .pairs import Pairing
from .parties import Instrument, Participant

NO_PAIRS = Pairing(())


def eligibility(
    reviewer: str,
    reviewed: str,
    instrument: Instrument | None = None,
    *,
    participants: Sequence[Participant],
    pairing: Pairing = NO_PAIRS,
) -> tuple[bool, list[Violation]]:
    """(True, []) if `reviewer` may take a new seat in the review of `reviewed`, on
    `instrument` if one is given; otherwise (False, every reason).

    Reasons: reviewing itself (P&R 26); already holding a seat there (P&R 28); being
    reviewed by `reviewed` (P&R 28(a)); either State not party to the instrument (P&R 28(b));
    the review already having as many reviewing States as it accepts (P&R 28(c)); the reviewer
    already reviewing as many States as it may (P&R 29). Raises InputError for a State that is
    not a participant.
    """
    board = Board.from_pairing(participants, pairing)
    for iso3 in (reviewer, reviewed):
        if iso3 not in board.by_iso3:
            raise InputError(f"{iso3} is not a participant in the draw")
    reasons = [Violation(rule, f"{reviewer} {reason}", (reviewed, reviewer))
               for rule, reason, states in board.exclusions(reviewed) if reviewer in states]
    if instrument is not None:
        for state, role in ((reviewer, "reviewer"), (reviewed, "State under review")):
            if instrument not in board.by_iso3[state].instruments:
                reasons.append(Violation(
                    "P&R 28(b)", f"the {role} {state} is not party to {instrument}",
                    (reviewed, reviewer)))
    accepted = board.by_iso3[reviewed].max_reviewers
    if reviewer not in board.seats[reviewed] and len(board.seats[reviewed]) >= accepted:
        reasons.append(Violation(
            "P&R 28(c)", f"{reviewed} already has {accepted} reviewing States", (reviewed,)))
    return not reasons, sorted(reasons)
