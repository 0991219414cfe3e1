"""The notification settings, each from Django settings or the environment, with a default."""

import os

from django.conf import settings


def _value(name: str, default: str) -> str:
    return str(getattr(settings, name, None) or os.environ.get(name) or default)


def reminder_days() -> tuple[int, ...]:
    """Days before a deadline when the responsible focal point is reminded (REVMOD_REMINDER_DAYS)."""
    days = {int(d) for d in _value("REVMOD_REMINDER_DAYS", "30,7,1").replace(" ", "").split(",") if d}
    return tuple(sorted(d for d in days if d >= 0)) or (1,)


def escalate_after_days() -> int:
    """Days past a deadline after which the permanent mission is told (REVMOD_ESCALATE_AFTER_DAYS)."""
    return int(_value("REVMOD_ESCALATE_AFTER_DAYS", "30"))


def secretariat_emails_setting() -> list[str]:
    """The secretariat's shared mailbox(es) copied on missed deadlines (REVMOD_SECRETARIAT_EMAIL).

    Empty means: copy every active secretariat officer.
    """
    return [e.strip() for e in _value("REVMOD_SECRETARIAT_EMAIL", "").split(",") if e.strip()]


def max_attempts() -> int:
    return int(_value("REVMOD_NOTICE_MAX_ATTEMPTS", "6"))


def retry_base_seconds() -> int:
    """The first retry's delay; each next one waits twice as long (REVMOD_NOTICE_RETRY_SECONDS)."""
    return int(_value("REVMOD_NOTICE_RETRY_SECONDS", "60"))


STALE_CLAIM_MINUTES = 15  # a notice "being sent" this long belongs to a worker that died
LOST_ENQUEUE_MINUTES = 10  # a pending notice this old whose task never ran is enqueued again
BATCH_SIZE = 50  # notices per delivery task: one SMTP connection each
