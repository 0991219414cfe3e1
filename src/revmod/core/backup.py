"""Backups of the whole platform: the database as portable JSON plus the uploaded files, verified.

A backup is one `.tar.gz` with `manifest.json` (format, time, counts, SHA-256 of every member),
`data.json` (Django's serialized rows of every revmod table, read in one consistent
transaction) and `files/` (the uploads). It restores onto SQLite or PostgreSQL alike.
"""

import hashlib
import io
import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction

FORMAT = "revmod-backup-1"
SKIPPED = {"sessions.session", "contenttypes.contenttype", "auth.permission", "django_tasks_db.dbtaskresult"}


def _models():
    return [m for m in apps.get_models() if m._meta.label_lower not in SKIPPED and m._meta.managed]


def _add(archive: tarfile.TarFile, name: str, data: bytes, manifest: dict) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime = len(data), int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))
    manifest["members"][name] = hashlib.sha256(data).hexdigest()


def _snapshot() -> tuple[bytes, dict[str, int]]:
    """Every row, read in one transaction so the dump is consistent with itself.

    On PostgreSQL the transaction is a repeatable-read snapshot; called inside a transaction
    already open (the tests' own), it reads within that one.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        counts, objects = {}, []
        for model in _models():
            rows = list(model._base_manager.order_by("pk"))
            counts[model._meta.label_lower] = len(rows)
            objects.extend(rows)
        return serializers.serialize("json", objects).encode(), counts


def backup(path: Path) -> dict:
    """Write a backup to `path`; returns its manifest."""
    data, counts = _snapshot()
    manifest = {"format": FORMAT, "created_at": datetime.now(UTC).isoformat(), "counts": counts, "members": {}}
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(path, "w:gz") as archive:
        _add(archive, "data.json", data, manifest)
        for file in sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []:
            _add(archive, f"files/{file.relative_to(media).as_posix()}", file.read_bytes(), manifest)
        _add(archive, "manifest.json", json.dumps(manifest, indent=1).encode(), {"members": {}})
    return manifest


def verify(path: Path) -> tuple[dict, list[str]]:
    """The manifest and every problem found: missing, extra or altered members."""
    problems = []
    with tarfile.open(path, "r:gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
        if manifest.get("format") != FORMAT:
            return manifest, [f"not a revmod backup (format {manifest.get('format')!r})"]
        names = {m.name for m in archive.getmembers() if m.isfile()} - {"manifest.json"}
        for name in sorted(names - set(manifest["members"])):
            problems.append(f"{name}: not in the manifest")
        for name, digest in manifest["members"].items():
            if name not in names:
                problems.append(f"{name}: missing")
            elif hashlib.sha256(archive.extractfile(name).read()).hexdigest() != digest:
                problems.append(f"{name}: altered")
    return manifest, problems


def restore(path: Path) -> dict:
    """Replace the database and files with the backup's, after verifying it; all or nothing."""
    manifest, problems = verify(path)
    if problems:
        raise ValueError("; ".join(problems))
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(path, "r:gz") as archive, transaction.atomic():
        if connection.vendor == "postgresql":  # TRUNCATE refuses while deferred checks are pending
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        # revmod's flush (audit app) lifts the audit trail's append-only lock while it empties the tables.
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        objects = serializers.deserialize("json", archive.extractfile("data.json").read())
        with connection.constraint_checks_disabled():
            for obj in objects:
                obj.save()
        connection.check_constraints()
        _reset_sequences()
        for name in manifest["members"]:
            if name.startswith("files/"):
                target = (media / name[len("files/"):]).resolve()
                if media.resolve() not in target.parents:
                    raise ValueError(f"{name}: outside the files folder")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(name).read())
    return manifest


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), _models()):
            cursor.execute(sql)
