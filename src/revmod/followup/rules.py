"""Which records are followed up, which statuses fit each kind, and how needs are counted (no ORM) (P&R 42-46)."""

from dataclasses import dataclass, field
from datetime import date

from revmod.findings.enums import ItemKind
from revmod.followup.enums import Progress

# The items of a finalized list of observations that States report on (P&R 44, 46);
# good practices are shared, not followed up.
FOLLOWED_KINDS = (ItemKind.TA_NEED, ItemKind.RECOMMENDATION, ItemKind.CHALLENGE)

NEED_STATUSES = (Progress.NOT_MET, Progress.PARTLY_MET, Progress.MET)
MEASURE_STATUSES = (Progress.NOT_STARTED, Progress.PLANNED, Progress.IN_PROGRESS, Progress.DONE)
STATUSES = {ItemKind.TA_NEED: NEED_STATUSES, ItemKind.RECOMMENDATION: MEASURE_STATUSES,
            ItemKind.CHALLENGE: MEASURE_STATUSES}
NOT_REPORTED = "not_reported"


def statuses_for(kind: str) -> tuple[str, ...]:
    """The statuses a State may report for a record of this kind (P&R 44, 46)."""
    return STATUSES.get(kind, ())


def is_status_allowed(kind: str, status: str) -> bool:
    return status in statuses_for(kind)


def is_in_period(finalized_on: date | None, start: date | None, end: date | None) -> bool:
    """A need counts for a period when its list was finalized within it, both ends included."""
    if finalized_on is None:
        return False
    return (start is None or finalized_on >= start) and (end is None or finalized_on <= end)


@dataclass
class Tally:
    """Needs identified in one group, by where they stood at the end of the period (P&R 44)."""

    identified: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    def add(self, status: str | None) -> None:
        self.identified += 1
        key = status or NOT_REPORTED
        self.by_status[key] = self.by_status.get(key, 0) + 1

    def count(self, status: str) -> int:
        return self.by_status.get(status, 0)
