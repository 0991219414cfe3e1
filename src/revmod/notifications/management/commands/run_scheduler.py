"""`revmod run-scheduler`: the periodic job of notices (deadlines, digests, retries), once or in a loop."""

import logging
import signal
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from revmod.notifications.domain.scheduler import run_once

logger = logging.getLogger(__name__)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today must be YYYY-MM-DD, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Find coming and missed deadlines and queue their notices (reminders 30, 7 and 1 days before; "
        "weekly once missed, the secretariat copied; the permanent mission after REVMOD_ESCALATE_AFTER_DAYS), "
        "send the daily and monthly digests, and retry failed e-mails. Running it twice sends nothing twice. "
        "Once (for cron, e.g. every hour) or with --loop SECONDS."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", type=_day, help="Act as if today were this day (YYYY-MM-DD).")
        parser.add_argument("--loop", type=int, metavar="SECONDS",
                            help="Run again every SECONDS seconds until stopped (Ctrl-C or SIGTERM).")

    def handle(self, *args, today: date | None = None, loop: int | None = None, **options) -> None:
        if loop is not None and loop < 1:
            raise CommandError("--loop needs a number of seconds of at least 1")
        self._stopping = False
        if loop:
            signal.signal(signal.SIGTERM, self._stop)
        while True:
            if not loop:
                self._run(today or timezone.localdate())
                return
            try:
                self._run(today or timezone.localdate())
            except Exception:  # a passing failure (database restart...): log it, try again next round
                logger.exception("The notice scheduler run failed; it runs again in %s seconds", loop)
            if self._stopping:
                return
            try:
                self._sleep(loop)
            except KeyboardInterrupt:
                return
            if self._stopping:
                return

    def _run(self, today: date) -> None:
        report = run_once(today)
        self.stdout.write(
            f"{today.isoformat()}: deadline notices {report.deadline_notices}, daily digests {report.daily_digests}, "
            f"monthly digests {report.monthly_digests}, e-mails enqueued again {report.requeued}")

    def _sleep(self, seconds: int) -> None:
        end = time.monotonic() + seconds
        while not self._stopping and time.monotonic() < end:
            time.sleep(min(1.0, end - time.monotonic()))

    def _stop(self, signum, frame) -> None:
        self._stopping = True
