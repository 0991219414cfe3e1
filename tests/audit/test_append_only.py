"""The database itself refuses to change or remove audit entries; only flush and restore may (ASVS 7.3.3)."""

import sqlite3

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from revmod.audit.append_only import unlocked
from revmod.audit.domain import record, verify_chain
from revmod.audit.models import AuditEntry
from revmod.core.backup import backup

pytestmark = pytest.mark.integration

REFUSED = "the audit trail is append-only"
TABLE = AuditEntry._meta.db_table
STATEMENTS = {
    "sqlite": [f"UPDATE {TABLE} SET action = 'forged'", f"DELETE FROM {TABLE}"],
    "postgresql": [f"UPDATE {TABLE} SET action = 'forged'", f"DELETE FROM {TABLE}",
                   # the foreign-key checks of this test's inserts first, or TRUNCATE refuses for that reason
                   f"SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED; TRUNCATE {TABLE} CASCADE"],
}


def _entries(count: int = 3) -> list[AuditEntry]:
    return [record("documents.document.read", actor=None, data={"n": n}) for n in range(count)]


def _refused_sql() -> list[str]:
    """The statements among STATEMENTS that the database did not refuse (each tried in its own savepoint)."""
    accepted = []
    for sql in STATEMENTS[connection.vendor]:
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)
        except IntegrityError as error:
            assert REFUSED in str(error)
        else:
            accepted.append(sql)
    return accepted


@pytest.mark.django_db
def test_raw_sql_update_delete_and_truncate_of_the_audit_table_are_refused():
    _entries()
    trail = list(AuditEntry.objects.values_list("action", "hash"))
    assert _refused_sql() == []
    assert list(AuditEntry.objects.values_list("action", "hash")) == trail
    assert verify_chain() == []


@pytest.mark.django_db
def test_orm_update_delete_and_save_of_an_audit_entry_are_refused():
    entry = _entries(1)[0]
    trail = list(AuditEntry.objects.values_list("action", "hash"))
    entry.action = "forged"
    attempts = [lambda: AuditEntry.objects.filter(pk=entry.pk).update(data={"forged": True}),
                lambda: AuditEntry.objects.filter(pk=entry.pk).delete(),
                lambda: entry.delete(),
                lambda: entry.save()]
    for attempt in attempts:
        with pytest.raises(IntegrityError, match=REFUSED), transaction.atomic():
            attempt()
    assert list(AuditEntry.objects.values_list("action", "hash")) == trail and verify_chain() == []


@pytest.mark.django_db
def test_the_lock_is_back_after_an_unlocked_block_even_one_that_failed():
    _entries()
    with pytest.raises(ValueError), unlocked():
        AuditEntry.objects.update(action="forged")
        raise ValueError("restore failed half-way")
    with unlocked(), unlocked():  # nested, as restore's flush inside a test's own unlock would be
        pass
    assert _refused_sql() == []
    assert not AuditEntry.objects.filter(action="forged").exists()


@pytest.mark.django_db
def test_a_restore_removes_later_entries_and_audit_verify_then_passes(tmp_path, capsys):
    _entries(2)
    path = tmp_path / "backup.tar.gz"
    backup(path)
    kept = list(AuditEntry.objects.values_list("hash", flat=True))
    _entries(2)
    call_command("restore", str(path), "--yes")
    assert list(AuditEntry.objects.values_list("hash", flat=True)) == kept
    call_command("audit_verify")
    assert capsys.readouterr().out.splitlines()[-1] == f"Audit trail intact: {len(kept)} entries."
    assert _refused_sql() == []


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_audit_table_and_locks_it_again():
    _entries()
    call_command("flush", interactive=False, verbosity=0)
    assert AuditEntry.objects.count() == 0
    _entries(1)
    assert _refused_sql() == []
    assert AuditEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_sqlite_client_other_than_revmod_cannot_change_the_trail(tmp_path):
    """The sqlite3 shell, or any program without revmod's function, is refused as well."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: on PostgreSQL every client meets the same trigger, tested above")
    _entries()
    copy = tmp_path / "copy.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    other = sqlite3.connect(copy)
    try:
        for sql in STATEMENTS["sqlite"]:
            with pytest.raises(sqlite3.OperationalError, match="no such function: revmod_audit_unlocked"):
                other.execute(sql)
        assert other.execute(f"SELECT count(*) FROM {TABLE} WHERE action = 'forged'").fetchone() == (0,)
    finally:
        other.close()
