"""Writing and verifying the audit trail; the only code that creates AuditEntry rows."""

import hashlib
import json
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from revmod.audit.models import AuditEntry

GENESIS = "0" * 64
_LOCK_KEY = 727_001  # PostgreSQL advisory lock that serialises appends to the chain


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + payload).encode()).hexdigest()


def _fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "actor": entry.actor_id,
        "action": entry.action,
        "target": f"{entry.target_type}:{entry.target_id}",
        "review": entry.review_id,
        "data": entry.data,
        "ip": entry.ip,
    }


def record(action: str, *, actor, target=None, review=None, data: dict | None = None,
           request=None) -> AuditEntry:
    """Append one entry to the chain, inside the caller's transaction.

    Side effects, in order: takes the chain lock (PostgreSQL advisory lock; SQLite writes are
    already serialised), reads the last hash, saves the new entry with its hash.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        last = AuditEntry.objects.order_by("-id").values_list("hash", flat=True).first()
        now = timezone.now()
        entry = AuditEntry(
            # Milliseconds: what every serializer keeps, so a restored chain still verifies.
            at=now.replace(microsecond=now.microsecond // 1000 * 1000),
            actor=actor if getattr(actor, "pk", None) else None,
            action=action,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            review=review,
            data=data or {},
            ip=_client_ip(request),
            prev_hash=last or GENESIS,
        )
        entry.hash = _digest(entry.prev_hash, _fields(entry))
        entry.save(force_insert=True)
        return entry


def _client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def verify_chain(anchors: dict[int, str] | None = None) -> list[str]:
    """Every break in the chain, as readable lines; empty when the trail is intact.

    `anchors` are (entry id -> hash) pairs written down earlier outside the database (`revmod
    audit-verify --head`, e.g. daily by cron to another machine). A chain rewritten from an
    altered entry onwards verifies on its own, but no longer matches the anchors taken before.
    """
    problems, anchors = [], dict(anchors or {})
    prev = GENESIS
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.prev_hash != prev:
            problems.append(f"entry {entry.pk}: previous hash does not match (entry removed or reordered)")
        if _digest(entry.prev_hash, _fields(entry)) != entry.hash:
            problems.append(f"entry {entry.pk}: content changed after it was written")
        if entry.pk in anchors and anchors.pop(entry.pk) != entry.hash:
            problems.append(f"entry {entry.pk}: differs from the anchor taken earlier (the trail was rewritten)")
        prev = entry.hash
    problems += [f"entry {pk}: anchored earlier but no longer in the trail (removed)" for pk in sorted(anchors)]
    return problems


def chain_head() -> tuple[int, str] | None:
    """The last entry's id and hash: the anchor to keep outside the database."""
    return AuditEntry.objects.order_by("-id").values_list("id", "hash").first()
