"""The drawing of lots (P&R 17, 28-30) as a pure Python engine: no Django, no database.

Start with `draw()`; `redraw()`, `check()` and `eligibility()` work on its result or on a
pairing set read with `csvio.read_pairs()`. docs/draw.md describes the procedure.
"""

from .check import check
from .draw import draw
from .eligibility import eligibility
from .errors import Infeasible, InputError, Violation
from .pairs import Basis, DrawState, Pair, Pairing, RedrawReason, RedrawRecord, Seat
from .parties import Instrument, Participant, load_parties_csv, participants_in_draw
from .redraw import RedrawRequest, redraw

__all__ = [
    "Basis",
    "DrawState",
    "Infeasible",
    "InputError",
    "Instrument",
    "Pair",
    "Pairing",
    "Participant",
    "RedrawReason",
    "RedrawRecord",
    "RedrawRequest",
    "Seat",
    "Violation",
    "check",
    "draw",
    "eligibility",
    "load_parties_csv",
    "participants_in_draw",
    "redraw",
]
