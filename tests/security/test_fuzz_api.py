"""Schemathesis against the OpenAPI document at /api/v1/openapi.json: no answer is a 500 (issue 7).

Every operation of the document gets generated requests (path ids, query values and JSON
bodies within and around the schema), sent through the WSGI application in this process, so
they run inside the test's transaction against the cast's review. Callers: the secretariat
(sees every review) and the focal point of the State under review; the number of cases is
bounded so the whole run stays under a minute, and printed.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from revmod.accounts.domain import create_api_token
from revmod.documents.domain import save_version
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration
EXAMPLES_PER_OPERATION = 15


@pytest.fixture
def wsgi_application():
    """The WSGI handler, without closing the database connection after each request: the test's
    transaction must outlive the requests (as Django's test client does; PostgreSQL would close it)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def review_with_text(cast, cast_review):
    saq = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)
    for document in saq.documents.all():
        save_version(document, body="<p>Answer.</p>", base_version=0, actor=cast["expert.reviewed"])
    return cast_review


def test_no_generated_request_gets_a_server_error(cast, review_with_text, wsgi_application, capsys):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_application)
    callers = {key: {"Authorization": f"Bearer {create_api_token(cast[key], name='fuzz')}"}
               for key in ("secretariat", "fp.reviewed")}
    cases, failures = [], []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def probe(case):
            for headers in callers.values():
                response = case.call(headers=headers)
                cases.append(1)
                kind = response.headers.get("content-type") or [""]
                kind = kind[0] if isinstance(kind, list) else kind
                if response.status_code >= 500 or not kind.startswith("application/json"):
                    failures.append(f"{case.method} {case.formatted_path} {case.query} {case.body!r}: "
                                    f"{response.status_code} {response.text[:200]}")

        probe()
    with capsys.disabled():
        print(f"\nschemathesis: {len(cases)} fuzz cases against {len(list(schema.get_all_operations()))} API operations")
    assert not failures, "\n".join(failures[:20])
    assert len(cases) >= 100
