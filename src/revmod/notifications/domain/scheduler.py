"""One run of the periodic job: deadline notices, digests, retries; safe to run twice (keys)."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from revmod.notifications.domain.delivery import requeue_due
from revmod.notifications.domain.digests import send_daily_digests, send_monthly_digests
from revmod.notifications.domain.scan import scan_deadlines


@dataclass(frozen=True)
class RunReport:
    deadline_notices: int
    daily_digests: int
    monthly_digests: int
    requeued: int


def run_once(today: date) -> RunReport:
    """Each part commits on its own, so its e-mails are enqueued even if a later part fails."""
    with transaction.atomic():
        deadline_notices = scan_deadlines(today)
    with transaction.atomic():
        daily = send_daily_digests(today)
    with transaction.atomic():
        monthly = send_monthly_digests(today)
    return RunReport(deadline_notices, daily, monthly, requeue_due())
