"""The database's refusal to change or remove audit entries, and the one way to lift it.

Migration 0002 puts triggers on the audit table that refuse every UPDATE and DELETE (and, on
PostgreSQL, TRUNCATE) unless the connection is unlocked (ASVS 7.3.3):

- SQLite: the triggers ask `revmod_audit_unlocked()`, a function that only revmod's own
  connections register (`register_unlock_function`). Any other client, such as the sqlite3
  shell, has no such function, so its UPDATE or DELETE fails too ("no such function").
- PostgreSQL: the trigger function reads the setting `revmod.audit_unlocked`, which `unlocked()`
  sets for the current transaction only.

Only the whole-database operations unlock: Django's `flush` (overridden in this app; used by
`revmod restore`, `revmod demo --reset` and transactional tests). The lock does not stop someone
who can run SQL as the application's database user (they can unlock too); the hash chain
(`revmod audit-verify`) still shows what they changed.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections, transaction

SQLITE_FUNCTION = "revmod_audit_unlocked"
POSTGRESQL_SETTING = "revmod.audit_unlocked"
_FLAG = "revmod_audit_unlocked"  # attribute of Django's SQLite connection wrapper read by the function


def register_unlock_function(sender, connection, **kwargs) -> None:
    """On every new SQLite connection, the function the triggers ask (connection_created receiver)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 0, lambda: getattr(connection, _FLAG, False))


@contextmanager
def unlocked(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Let this connection update and delete audit entries inside the block, one transaction.

    For whole-database operations only (flush, restore). An error inside rolls the block back
    and the lock is on again after it, whatever happened; blocks may nest.
    """
    connection = connections[using]
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            previous = _postgresql_setting(connection, "on")
            yield  # on an error, the rollback of this block undoes the setting
            _postgresql_setting(connection, previous)
            return
        previous = getattr(connection, _FLAG, False)
        setattr(connection, _FLAG, True)
        try:
            yield
        finally:
            setattr(connection, _FLAG, previous)


def _postgresql_setting(connection, value: str) -> str:
    """Set the unlock setting for the current transaction; returns its previous value."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(current_setting(%s, true), '')", [POSTGRESQL_SETTING])
        previous = cursor.fetchone()[0]
        cursor.execute("SELECT set_config(%s, %s, true)", [POSTGRESQL_SETTING, value])
    return previous
