"""Each person's own settings: how often e-mail comes, the inbox's read marks, the calendar link."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.core.errors import Refused
from revmod.notifications.enums import Frequency
from revmod.notifications.models import CalendarFeed, Notification, NotificationPreference

TOKEN_BYTES = 32  # 256 bits: a feed link cannot be guessed


def _own(person, actor) -> None:
    if actor is None or actor.pk != person.pk:
        raise Refused(_("People change only their own notification settings."))


def preference_of(person) -> NotificationPreference:
    """The person's preference, or the default (every notice at once, a monthly digest) if never set."""
    return NotificationPreference.objects.filter(user=person).first() or NotificationPreference(user=person)


def set_preference(person, *, actor, frequency: str, monthly_digest: bool) -> NotificationPreference:
    """Missed-deadline notices still come whatever is chosen (WG TA 2023 rec. 4)."""
    _own(person, actor)
    if frequency not in Frequency.values:
        raise Refused(_("Unknown choice."))
    preference, _created = NotificationPreference.objects.update_or_create(
        user=person, defaults={"frequency": frequency, "monthly_digest": monthly_digest})
    return preference


def mark_read(notice: Notification, *, actor) -> Notification:
    _own(notice.recipient, actor)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


def mark_all_read(person, *, actor) -> int:
    _own(person, actor)
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(read_at=timezone.now())


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_calendar_feed(person, *, actor) -> str:
    """A new private link to the person's deadlines; the previous one stops working. Shown once."""
    _own(person, actor)
    revoke_calendar_feeds(person, actor=actor)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    CalendarFeed.objects.create(user=person, token_hash=_hash(token))
    return token


def revoke_calendar_feeds(person, *, actor) -> int:
    _own(person, actor)
    return CalendarFeed.objects.filter(user=person, revoked_at__isnull=True).update(revoked_at=timezone.now())


def person_for_feed(token: str):
    """The active person behind a calendar link, or None (revoked, unknown, or the person left)."""
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=_hash(token), revoked_at__isnull=True).first()
    if feed is None or not feed.user.is_active:
        return None
    CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())
    return feed.user
