"""The OpenAPI document describes every endpoint, and every error under /api/v1/ has a JSON body."""

import json

import pytest
from django.test import Client

from tests.api.caller import Api

pytestmark = pytest.mark.integration

PATHS = {
    "/api/v1/accounts/me": {"get"},
    "/api/v1/reference/parties": {"get"},
    "/api/v1/reference/instruments": {"get"},
    "/api/v1/reviews/": {"get"},
    "/api/v1/reviews/{review_id}": {"get"},
    "/api/v1/reviews/steps/{step_id}/clear": {"post"},
    "/api/v1/reviews/steps/{step_id}/extensions": {"post"},
    "/api/v1/reviews/extensions/{extension_id}/decision": {"post"},
    "/api/v1/documents/{document_id}": {"get", "put"},
    "/api/v1/documents/{document_id}/versions": {"get"},
    "/api/v1/questionnaires/steps/{step_id}": {"get"},
    "/api/v1/questionnaires/steps/{step_id}/{instrument}": {"post"},
    "/api/v1/questionnaires/{response_id}": {"get"},
    "/api/v1/questionnaires/{response_id}/answers/{question_id}": {"put"},
    "/api/v1/questionnaires/{response_id}/submit": {"post"},
    "/api/v1/followup/records": {"get"},
    "/api/v1/followup/records/{record_id}": {"get"},
    "/api/v1/followup/records/{record_id}/reports": {"post"},
}


@pytest.fixture
def api(client, cast):
    return Api(client, cast)


def test_openapi_document_lists_every_endpoint_with_its_description(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert {path: set(ops) for path, ops in document["paths"].items()} == PATHS
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation.get("description"), (method, path)
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def json_error(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return response.json()["detail"]


def test_errors_have_json_bodies_and_never_500(api, cast_review):
    assert json_error(api.get("secretariat", "/nothing/here"), 404)
    assert json_error(api.get("secretariat", "/reviews"), 404)  # the path is /reviews/
    assert json_error(api.get("secretariat", "/reviews/not-a-number"), 422)
    assert json_error(api.get("secretariat", "/reviews/99999999999999999999999"), 404)  # beyond any id: not there
    assert json_error(api.get("secretariat", "/reviews/9223372036854775807"), 404)
    assert json_error(api.send("DELETE", "secretariat", f"/reviews/{cast_review.pk}"), 405)
    assert json_error(api.put("secretariat", "/documents/1", "[1, 2"), 400)  # not JSON at all


def test_the_api_root_points_at_the_openapi_document(client, db):
    assert client.get("/api/v1/").json() == {"openapi": "http://testserver/api/v1/openapi.json"}


def test_a_wrong_or_revoked_token_answers_401(api, cast):
    assert json_error(api.client.get("/api/v1/reviews/", headers={"Authorization": "Bearer rvm_wrong"}), 401)
    api.get("fp.reviewed", "/reviews/")
    cast["fp.reviewed"].api_tokens.update(revoked_at="2024-01-01T00:00Z")
    assert json_error(api.get("fp.reviewed", "/reviews/"), 401)


def test_token_requests_need_no_csrf_token_and_ignore_the_session(cast, cast_review):
    from revmod.accounts.domain import create_api_token

    browser = Client(enforce_csrf_checks=True)
    token = create_api_token(cast["fp.reviewed"], name="script")
    response = browser.post(f"/api/v1/reviews/steps/{cast_review.phases.get().steps.get(kind='consultation').pk}/clear",
                            headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400  # refused by the rules (consultation not recorded), not by CSRF
    browser.force_login(cast["secretariat"])
    assert browser.get("/api/v1/reviews/").status_code == 401  # a session is not an API credential


def test_me_tells_the_caller_their_roles(api, cast, cast_review):
    me = api.get("observer.reviewed", "/accounts/me").json()
    assert me["email"] == cast["observer.reviewed"].email
    assert me["roles"] == [{"review": cast_review.pk, "party": "GHA", "role": "observer"}]
