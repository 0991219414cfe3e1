"""Nothing is lost: concurrent saves never overwrite each other, a crash mid-request writes nothing (issue 7).

The crash is a real database failure in the middle of a real request: Django's
connection.execute_wrapper makes the audit entry's INSERT fail after the version row and the
document's counter were written in the same transaction, as a full disk or a killed database
connection would. The concurrent saves are two HTTP clients in two threads, each with its own
database connection, released at the same instant.
"""

import json
import os
import subprocess
import sys

import pytest
from django.db import DatabaseError, connection
from django.test import Client

from revmod.accounts.domain import create_api_token
from revmod.audit.models import AuditEntry
from revmod.documents.domain import save_version
from revmod.documents.models import Document, DocumentVersion
from revmod.reference.domain import load_instruments, load_parties
from revmod.reference.models import Party
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.conftest import verified_login
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def _document(cast, cast_review) -> Document:
    document = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ).documents.get(instrument_id="UNTOC")
    save_version(document, body="<p>First text.</p>", base_version=0, actor=cast["expert.reviewed"])
    return Document.objects.get(pk=document.pk)


def _fail_audit_inserts(execute, sql, params, many, context):
    if sql.lstrip().upper().startswith("INSERT") and "audit" in sql.split("(")[0].lower():
        raise DatabaseError("simulated crash: the database connection was lost")
    return execute(sql, params, many, context)


def test_a_crash_in_the_middle_of_a_save_leaves_nothing_half_written(cast, cast_review):
    document = _document(cast, cast_review)
    entries = AuditEntry.objects.count()
    client = verified_login(Client(raise_request_exception=False), cast["expert.reviewed"])
    with connection.execute_wrapper(_fail_audit_inserts):
        response = client.post(f"/documents/{document.pk}/", {"body": "<p>Second text.</p>", "base_version": 1})
    assert response.status_code == 500
    assert list(DocumentVersion.objects.filter(document=document).values_list("body", flat=True)) == ["<p>First text.</p>"]
    assert Document.objects.get(pk=document.pk).current_version == 1  # the counter moved, then was rolled back
    assert AuditEntry.objects.count() == entries
    response = client.post(f"/documents/{document.pk}/", {"body": "<p>Second text.</p>", "base_version": 1})
    assert response.status_code == 302 and Document.objects.get(pk=document.pk).current_version == 2


@pytest.fixture
def reference_data(transactional_db):
    """The reference data, loaded again if an earlier transactional test flushed it."""
    if not Party.objects.exists():
        load_instruments()
        load_parties()


RACE = """
import json, sys, threading
import django
django.setup()
from django.db import connection
from django.test import Client
from revmod.documents.models import DocumentVersion

document, tokens = int(sys.argv[1]), sys.argv[2:]
start, results = threading.Barrier(len(tokens)), {}

def save(token):
    body = json.dumps({"body": f"<p>Text of {token[-6:]}.</p>", "base_version": 1})
    start.wait(timeout=30)
    response = Client().put(f"/api/v1/documents/{document}", body, content_type="application/json",
                            headers={"Authorization": f"Bearer {token}"})
    results[token[-6:]] = [response.status_code, response.json()]
    connection.close()

threads = [threading.Thread(target=save, args=(token,)) for token in tokens]
[t.start() for t in threads]
[t.join(timeout=60) for t in threads]
versions = list(DocumentVersion.objects.filter(document_id=document).order_by("number").values_list("body", flat=True))
print(json.dumps({"results": results, "versions": versions}))
"""


def _database_url(tmp_path) -> str:
    """The committed test database, as a URL another process can open (SQLite: copied to a file first,
    since the in-memory test database cannot be shared; WAL and the busy timeout then apply as in production)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "race.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
        return f"sqlite:///{path}"
    return (f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST'] or 'localhost'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}")


@pytest.mark.django_db(transaction=True)
def test_two_people_saving_the_same_version_at_once_one_wins_the_other_gets_a_conflict(
        reference_data, cast, cast_review, tmp_path):
    """Two clients in two threads of another process, each with its own database connection."""
    document = _document(cast, cast_review)
    tokens = [create_api_token(cast[key], name="race") for key in ("expert.reviewed", "fp.reviewed")]
    env = {**os.environ, "DATABASE_URL": _database_url(tmp_path), "REVMOD_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "revmod.settings", "REVMOD_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    result = subprocess.run([sys.executable, "-c", RACE, str(document.pk), *tokens], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    statuses = sorted(status for status, _body in seen["results"].values())
    assert statuses == [200, 409], seen
    [winner] = [who for who, (status, _body) in seen["results"].items() if status == 200]
    [loser] = [body for status, body in seen["results"].values() if status == 409]
    assert loser["current_version"] == 2
    assert seen["versions"] == ["<p>First text.</p>", f"<p>Text of {winner}.</p>"]
