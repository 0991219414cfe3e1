"""Vocabularies of notices: what a notice is about, where it stands, how often a person wants e-mail."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    """What a notice is about; missed deadlines, escalations, account and manual notices are critical."""

    ACCOUNT = "account", _("account")
    DEVELOPMENT = "development", _("new development")
    DEADLINE_COMING = "deadline_coming", _("deadline coming")
    DEADLINE_MISSED = "deadline_missed", _("deadline missed")
    ESCALATION = "escalation", _("missed deadline, escalated to the permanent mission")
    REMINDER = "reminder", _("reminder from the secretariat")
    DAILY_DIGEST = "daily_digest", _("daily digest")
    MONTHLY_DIGEST = "monthly_digest", _("monthly digest")


# Nobody can turn these off (WG TA 2023 rec. 4); the rest follow each person's preference.
CRITICAL_KINDS = frozenset({NoticeKind.ACCOUNT, NoticeKind.DEADLINE_MISSED, NoticeKind.ESCALATION, NoticeKind.REMINDER})
DEADLINE_KINDS = frozenset({NoticeKind.DEADLINE_COMING, NoticeKind.DEADLINE_MISSED, NoticeKind.ESCALATION})


class NoticeState(models.TextChoices):
    """Where a notice's e-mail stands; the inbox shows every notice whatever its state."""

    PENDING = "pending", _("waiting to be sent")
    HELD = "held", _("held for the daily digest")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("delivered to the mail server")
    FAILED = "failed", _("failed, will be retried")
    BOUNCED = "bounced", _("refused by the recipient's server")
    DIGESTED = "digested", _("sent in a daily digest")
    INBOX_ONLY = "inbox_only", _("in the inbox only (e-mail turned off)")


class Frequency(models.TextChoices):
    """How often a person gets e-mail for what is not critical."""

    IMMEDIATE = "immediate", _("immediately")
    DAILY = "daily", _("once a day, in a digest")
    OFF = "off", _("never (the inbox only)")
