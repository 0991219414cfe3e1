"""Checking a pairing set, made by this engine or elsewhere, against every rule of the draw."""

from collections.abc import Iterable

from .errors import Violation
from .pairs import Pairing
from .parties import Participant
from .rules import RULES


def check(participants: Iterable[Participant], pairing: Pairing) -> list[Violation]:
    """Every violation of P&R 17, 26, 28, 28(a)-(c) and 29, sorted by rule; empty if none.

    `participants` are those of the draw (without the parties that joined after it, unless
    they were drawn too).
    """
    by_iso3 = {participant.iso3: participant for participant in participants}
    return sorted(violation for rule in RULES for violation in rule(by_iso3, pairing))
