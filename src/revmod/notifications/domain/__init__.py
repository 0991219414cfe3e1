"""Queuing notices: one row per recipient and event, delivered by a background task."""

from django.db import IntegrityError, transaction
from django.utils import translation

from revmod.notifications.models import Notification


def notify(key: str, *, people, subject, body, review=None, extra_emails=()) -> list[Notification]:
    """Queue one notice per person (in their own language) and per extra address.

    `subject` and `body` are lazy translatable strings or callables(person) -> str; `key`
    names the event so the same notice is never queued twice. Side effects, in order:
    inserts Notification rows (skipping ones already there), then, once the transaction
    commits, enqueues their delivery.
    """
    created = []
    targets = [(p, p.email, p.language) for p in people] + [(None, e, "en") for e in extra_emails]
    for person, email, language in targets:
        with translation.override(language or "en"):
            text_subject = str(subject(person) if callable(subject) else subject)
            text_body = str(body(person) if callable(body) else body)
        try:
            with transaction.atomic():
                created.append(Notification.objects.create(
                    key=f"{key}:{email.lower()}"[:200], recipient=person, email=email,
                    subject=text_subject, body=text_body, review=review,
                ))
        except IntegrityError:
            continue
    if created:
        ids = [n.pk for n in created]
        transaction.on_commit(lambda: _enqueue(ids))
    return created


def _enqueue(ids: list[int]) -> None:
    from revmod.notifications.tasks import deliver_notification

    for pk in ids:
        deliver_notification.enqueue(pk)
