"""Sending queued notices by e-mail: claim, send, record the outcome; retries and lost work found again.

A notice is claimed with one conditional UPDATE before it is sent, so two workers never
send it both; a worker that dies leaves a stale claim, which `requeue_due` turns into a
retry. The one case that can still send twice is a crash after the mail server accepted
the message and before the outcome was saved: no mail system can tell that case apart.
"""

import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F, Q
from django.utils import timezone

from revmod.notifications import conf
from revmod.notifications.enums import NoticeState
from revmod.notifications.models import Notification
from revmod.notifications.schedule import retry_delay_seconds

SENDABLE = (NoticeState.PENDING, NoticeState.FAILED)


def deliver(ids: list[int]) -> int:
    """Send each of these notices that is still due, over one mail connection; returns how many went.

    Reads the batch in one query, then per notice: a conditional claim, the SMTP
    transaction, the outcome (two writes), so a worker that dies loses at most one notice's outcome.
    """
    notices = {n.pk: n for n in Notification.objects.filter(pk__in=set(ids), state__in=SENDABLE)}
    if not notices:
        return 0
    connection = get_connection()
    try:
        connection.open()  # one connection for the batch; if it fails, each send records the error
    except Exception:  # noqa: BLE001  (the send below fails the same way and keeps the error)
        _close(connection)
    sent = 0
    try:
        for pk in dict.fromkeys(ids):
            notice = notices.get(pk)
            if notice is not None and claim(notice):
                sent += send(notice, connection)
    finally:
        _close(connection)
    return sent


def claim(notice: Notification) -> bool:
    """Take the notice for sending unless it was sent, is being sent, bounced or is not yet due.

    One conditional UPDATE: of two workers holding the same notice, only one gets it.
    """
    now = timezone.now()
    claimed = (
        Notification.objects.filter(pk=notice.pk, state__in=SENDABLE, attempts__lt=conf.max_attempts())
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(state=NoticeState.SENDING, claimed_at=now, last_attempt_at=now, attempts=F("attempts") + 1)
    )
    if claimed:
        notice.state, notice.claimed_at, notice.last_attempt_at = NoticeState.SENDING, now, now
        notice.attempts += 1  # as the UPDATE did; read with the batch, a moment ago
    return bool(claimed)


def email_of(notice: Notification, connection=None) -> EmailMessage:
    headers = {
        "Auto-Submitted": "auto-generated",  # RFC 3834: out-of-office replies stay away
        "Content-Language": notice.language,
        "X-Revmod-Notice": str(notice.pk),
    }
    return EmailMessage(notice.subject, notice.body, settings.DEFAULT_FROM_EMAIL, [notice.email],
                        cc=list(notice.cc), headers=headers, connection=connection)


def send(notice: Notification, connection) -> bool:
    """One attempt; a refused recipient is a bounce (not retried), any other error a retry later."""
    try:
        email_of(notice, connection).send()
    except smtplib.SMTPRecipientsRefused as error:
        _finish(notice, NoticeState.BOUNCED, error=_describe(error))
        return False
    except Exception as error:  # kept for the secretariat's log; retried with backoff
        _close(connection)
        _finish(notice, NoticeState.FAILED, error=_describe(error))
        return False
    _finish(notice, NoticeState.SENT)
    return True


def _finish(notice: Notification, state: str, *, error: str = "") -> None:
    now = timezone.now()
    fields = {"state": state, "last_error": error[:2000], "claimed_at": None, "next_attempt_at": None}
    if state == NoticeState.SENT:
        fields["sent_at"] = now
    elif state == NoticeState.FAILED and notice.attempts < conf.max_attempts():
        fields["next_attempt_at"] = now + timedelta(seconds=retry_delay_seconds(notice.attempts, conf.retry_base_seconds()))
    Notification.objects.filter(pk=notice.pk).update(**fields)


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{address}: {code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
                         for address, (code, reply) in error.recipients.items())
    return f"{type(error).__name__}: {error}"


def _close(connection) -> None:
    try:
        connection.close()
    except Exception:  # a dead connection cannot be closed politely; the next send opens a new one
        if hasattr(connection, "connection"):
            connection.connection = None


def requeue_due(now=None) -> int:
    """Enqueue again what is due and not under way: retries, stale claims, lost enqueues.

    Side effects, in order: stale claims become failed attempts due now; due notices get a
    fresh `enqueued_at`; their delivery is enqueued after commit. Returns how many.
    """
    from revmod.notifications.domain import enqueue

    now = now or timezone.now()
    Notification.objects.filter(
        state=NoticeState.SENDING, claimed_at__lt=now - timedelta(minutes=conf.STALE_CLAIM_MINUTES),
    ).update(state=NoticeState.FAILED, next_attempt_at=now, claimed_at=None,
             last_error="The delivery was interrupted (the worker stopped); tried again.")
    lost = now - timedelta(minutes=conf.LOST_ENQUEUE_MINUTES)
    retry = Q(state=NoticeState.FAILED, next_attempt_at__lte=now) & (
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=F("next_attempt_at")))
    forgotten = Q(state=NoticeState.PENDING, created_at__lt=lost) & (
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=now - timedelta(hours=1)))
    ids = list(Notification.objects.filter(retry | forgotten, attempts__lt=conf.max_attempts())
               .order_by("pk").values_list("pk", flat=True))
    if ids:
        enqueue(ids)
    return len(ids)
