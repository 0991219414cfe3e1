"""The initial drawing of lots from a published seed: groups first (P&R 17), then reviewers (P&R 28-29)."""

from collections.abc import Iterable

from .errors import InputError
from .groups import draw_groups
from .pairs import DrawState
from .parties import Participant
from .reviewers import draw_reviewers


def draw(participants: Iterable[Participant], seed: str) -> DrawState:
    """Draw the groups and the reviewing States of every participant.

    The participants are taken in iso3 order, so the order they were given in does not
    matter; the same participants and seed give the same pairing set on any machine.
    Raises Infeasible when the rules cannot all be met, InputError without a seed.
    """
    if not seed:
        raise InputError("a draw needs a seed")
    chosen = tuple(sorted(participants, key=lambda participant: participant.iso3))
    groups = draw_groups(chosen, seed)
    pairing, attempts = draw_reviewers(chosen, groups, seed)
    return DrawState(participants=chosen, pairing=pairing, seed=seed, attempts=attempts)
