"""Which deadline notices are due on a day: reminders, weekly missed notices, escalation (no ORM)."""

from dataclasses import dataclass
from datetime import date

COMING, MISSED, ESCALATED = "coming", "missed", "escalated"


@dataclass(frozen=True)
class DueNotice:
    """One deadline notice: its kind, the marker that makes it unique, and the days it speaks of."""

    kind: str
    marker: int
    days: int


def due_notices(due_on: date, today: date, *, reminder_days: tuple[int, ...],
                escalate_after: int) -> list[DueNotice]:
    """The notices a deadline calls for today; their markers make a missed run catch up only once.

    Before the deadline: the tightest reminder whose window we are in (30, 7, 1 days by default),
    so a scheduler that was down sends one reminder, not three. After it: one notice per week
    late, from the first day (WG TA 2023 rec. 4), and from `escalate_after` days late one
    escalation to the permanent mission, the temporary focal point (P&R 18).
    """
    days_left = (due_on - today).days
    if days_left >= 0:
        window = min((d for d in reminder_days if d >= days_left), default=None)
        return [] if window is None else [DueNotice(COMING, window, days_left)]
    late = -days_left
    notices = [DueNotice(MISSED, (late - 1) // 7, late)]
    if late >= escalate_after:
        notices.append(DueNotice(ESCALATED, 0, late))
    return notices


def retry_delay_seconds(attempts: int, base: int) -> int:
    """Exponential backoff: base, 2 x base, 4 x base... after the 1st, 2nd, 3rd failed attempt."""
    return base * 2 ** max(0, attempts - 1)
