"""Queuing notices: one row per recipient and event, e-mailed by a background task after commit.

`notify` is the one way the rest of revmod queues a notice; the scheduler's scans build many
`Draft`s at once and hand them to `queue`, which inserts them in bulk.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from revmod.notifications import conf
from revmod.notifications.enums import CRITICAL_KINDS, Frequency, NoticeKind, NoticeState
from revmod.notifications.models import Notification, NotificationPreference

logger = logging.getLogger(__name__)
KEY_LENGTH = 200


@dataclass
class Draft:
    """A notice about to be queued; `key` already names the event and the address."""

    key: str
    email: str
    subject: str
    body: str
    kind: str = NoticeKind.ACCOUNT
    recipient: object = None
    language: str = "en"
    review_id: int | None = None
    step_id: int | None = None
    cc: list[str] = field(default_factory=list)
    critical: bool | None = None

    @property
    def is_critical(self) -> bool:
        return self.kind in CRITICAL_KINDS if self.critical is None else self.critical


def notice_key(event: str, email: str) -> str:
    return f"{event}:{email.lower()}"[:KEY_LENGTH]


def initial_state(draft: Draft, preference: NotificationPreference | None) -> str:
    """Critical notices go at once; the rest as the person asked: now, in a daily digest, or inbox only."""
    if draft.is_critical or preference is None or draft.kind == NoticeKind.DAILY_DIGEST:
        return NoticeState.PENDING
    if preference.frequency == Frequency.OFF:
        return NoticeState.INBOX_ONLY
    if preference.frequency == Frequency.DAILY and draft.kind != NoticeKind.MONTHLY_DIGEST:
        return NoticeState.HELD
    return NoticeState.PENDING


def notify(key: str, *, people, subject, body, review=None, extra_emails=(), kind: str = NoticeKind.ACCOUNT,
           step=None, cc: Iterable[str] = (), critical: bool | None = None) -> list[Notification]:
    """Queue one notice per person (in their own language) and per extra address.

    `extra_emails` holds addresses, or (address, language) pairs for those written to in a
    language of their own (a mission, P&R 18); a bare address is written to in English.
    `subject` and `body` are lazy translatable strings or callables(person) -> str; `key`
    names the event so the same notice is never queued twice. Side effects, in order:
    inserts Notification rows (skipping ones already there), then, once the transaction
    commits, enqueues the delivery of those to be e-mailed now.
    """
    extra = [(e, "en") if isinstance(e, str) else e for e in extra_emails]
    targets = [(p, p.email, p.language or "en") for p in people] + [(None, e, lang) for e, lang in extra if e]
    drafts = []
    for person, email, language in targets:
        with translation.override(language):
            drafts.append(Draft(
                key=notice_key(key, email), email=email, recipient=person, language=language,
                subject=_text(subject, person), body=_text(body, person), kind=kind, critical=critical,
                review_id=getattr(review, "pk", None), step_id=getattr(step, "pk", None), cc=list(cc)))
    return queue(drafts)


def _text(value: str | Callable, person) -> str:
    return str(value(person) if callable(value) else value)


def queue(drafts: list[Draft], *, known_keys: set[str] | None = None,
          preferences: dict[int, NotificationPreference | None] | None = None) -> list[Notification]:
    """Insert the drafts not queued before, in bulk; enqueue the delivery of those to send now.

    `known_keys` and `preferences` let a scan pass what it already loaded in one query each.
    Returns the new notices.
    """
    rows = _fresh_rows(drafts, known_keys, preferences)
    if not rows:
        return []
    keys = {row["key"] for row in rows}
    created = [n for n in _inserted(rows).order_by("pk") if n.key in keys]
    _enqueue_after_commit([n.pk for n in created if n.state == NoticeState.PENDING])
    return created


def queue_count(drafts: list[Draft], *, known_keys: set[str] | None = None,
                preferences: dict[int, NotificationPreference | None] | None = None) -> int:
    """`queue` for a scan of thousands of notices: the same rows, no model object built for each.

    Returns how many notices were new.
    """
    rows = _fresh_rows(drafts, known_keys, preferences)
    if not rows:
        return 0
    keys = {row["key"] for row in rows}
    new = [(pk, state) for pk, key, state in _inserted(rows).values_list("pk", "key", "state") if key in keys]
    _enqueue_after_commit([pk for pk, state in new if state == NoticeState.PENDING])
    return len(new)


def _inserted(rows: list[dict]):
    """Insert the rows; the notices they made, and possibly a few more of the same instant, which
    the callers tell apart by key (a filter on thousands of keys would be a query too long)."""
    try:
        with transaction.atomic():
            created_at, before = insert_rows(rows)
    except IntegrityError:  # another process queued some of them meanwhile: keep the others
        return Notification.objects.filter(pk__in=[n.pk for n in _create_each([Notification(**row) for row in rows])])
    return Notification.objects.filter(pk__gt=before, created_at=created_at)


def _fresh_rows(drafts: list[Draft], known_keys: set[str] | None,
                preferences: dict[int, NotificationPreference | None] | None) -> list[dict]:
    """The column values of the drafts whose key was not queued before (each key once)."""
    unique = list({d.key: d for d in reversed(drafts)}.values())[::-1]
    known = existing_keys([d.key for d in unique]) if known_keys is None else known_keys
    fresh = [d for d in unique if d.key not in known]
    if fresh and preferences is None:
        preferences = preferences_of({d.recipient.pk for d in fresh if d.recipient is not None})
    return [_row(d, preferences.get(d.recipient.pk) if d.recipient is not None else None)  # type: ignore[union-attr]
            for d in fresh]


def _enqueue_after_commit(ids: list[int]) -> None:
    if ids:
        transaction.on_commit(partial(enqueue, ids))


def _row(draft: Draft, preference: NotificationPreference | None) -> dict:
    """The notice's column values (a model object for each of thousands would cost more than the scan)."""
    return {
        "key": draft.key[:KEY_LENGTH], "kind": draft.kind, "critical": draft.is_critical,
        "recipient_id": getattr(draft.recipient, "pk", None), "email": draft.email,
        "cc": [c for c in draft.cc if c.lower() != draft.email.lower()], "language": draft.language,
        "subject": " ".join(draft.subject.split())[:300], "body": draft.body, "review_id": draft.review_id,
        "step_id": draft.step_id, "state": initial_state(draft, preference)}


# Written by `insert_rows` in this order; every other column keeps its default (NULL, 0, "").
_COLUMNS = ("key", "kind", "critical", "recipient_id", "email", "cc", "language", "subject", "body",
            "review_id", "step_id", "state", "created_at", "attempts", "last_error")


def insert_rows(rows: list[dict]) -> tuple[object, int]:
    """Insert the rows (column values, as `_row` makes them) in one `executemany`.

    The ORM's bulk_create compiles every row and, on SQLite, splits the batch every 45 rows:
    a scan of 10,000 reviews would spend most of its time there. Returns what finds the new
    rows in one query: the `created_at` they all share and the highest id before them.
    Raises IntegrityError, inserting nothing, if a key exists.
    """
    now = timezone.now()
    meta = Notification._meta
    cc_field = meta.get_field("cc")
    fixed = {"created_at": connection.ops.adapt_datetimefield_value(now), "attempts": 0, "last_error": ""}
    prepared_cc: dict[tuple[str, ...], object] = {}
    params = []
    for row in rows:
        cc = tuple(row["cc"])
        if cc not in prepared_cc:
            prepared_cc[cc] = cc_field.get_db_prep_save(list(cc), connection)
        params.append([prepared_cc[cc] if c == "cc" else fixed[c] if c in fixed else row[c] for c in _COLUMNS])
    before = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(c.removesuffix("_id")).column) for c in _COLUMNS)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(_COLUMNS))})",
                           params)
    return now, before


def _create_each(rows: list[Notification]) -> list[Notification]:
    created = []
    for row in rows:
        try:
            with transaction.atomic():
                row.save(force_insert=True)
            created.append(row)
        except IntegrityError:
            continue
    return created


def existing_keys(keys: list[str]) -> set[str]:
    """The keys among these already queued (in chunks: SQLite limits a query's parameters)."""
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        found.update(Notification.objects.filter(key__in=chunk).values_list("key", flat=True))
    return found


def preferences_of(user_ids: set[int]) -> dict[int, NotificationPreference]:
    if not user_ids:
        return {}
    return {p.user_id: p for p in NotificationPreference.objects.filter(user_id__in=user_ids)}


def enqueue(ids: list[int]) -> None:
    """Hand the notices to the task queue in batches; if the queue is down, the scheduler retries."""
    from revmod.notifications.tasks import deliver_notifications

    for start in range(0, len(ids), conf.BATCH_SIZE):
        batch = ids[start:start + conf.BATCH_SIZE]
        Notification.objects.filter(pk__in=batch).update(enqueued_at=timezone.now())
        try:
            deliver_notifications.enqueue(batch)
        except Exception:  # the notices stay pending; `requeue_due` enqueues them again
            logger.exception("Could not enqueue the delivery of notices %s", batch)
