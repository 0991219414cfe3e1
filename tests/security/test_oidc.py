"""SSO by OpenID Connect: off by default; configured by environment, it sends the browser to the
organisation's provider, finds only existing people by verified e-mail, and still asks for the
second factor (issue 7). Here its configuration and matching rules; the whole flow against a live
provider is in tests/infra/test_oidc_live.py.
"""

import json

import pytest
from django.test import override_settings

from revmod.accounts.oidc import NominatedPersonBackend
from tests.security.test_deploy import production_env, run

pytestmark = pytest.mark.integration
PROVIDER = "https://id.example.org"
OIDC_ENV = {"REVMOD_OIDC_CLIENT_ID": "revmod", "REVMOD_OIDC_CLIENT_SECRET": "s3cret",
            "REVMOD_OIDC_AUTHORIZATION_ENDPOINT": f"{PROVIDER}/authorize", "REVMOD_OIDC_TOKEN_ENDPOINT": f"{PROVIDER}/token",
            "REVMOD_OIDC_USER_ENDPOINT": f"{PROVIDER}/userinfo", "REVMOD_OIDC_JWKS_ENDPOINT": f"{PROVIDER}/jwks"}

PROBE = """
import json, django
from urllib.parse import parse_qs, urlparse
django.setup()
from django.core.management import call_command
call_command("migrate", "sessions", verbosity=0)  # the sign-on's state and nonce live in the session
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
login = client.get("/accounts/login/", secure=True, headers={"host": "revmod.example.org"}).content.decode()
start = client.get("/oidc/authenticate/", secure=True, headers={"host": "revmod.example.org"})
target = urlparse(start["Location"])
print(json.dumps({"link": "/oidc/authenticate/" in login, "status": start.status_code,
                  "to": f"{target.scheme}://{target.netloc}{target.path}", "query": parse_qs(target.query),
                  "backends": settings.AUTHENTICATION_BACKENDS, "create": settings.OIDC_CREATE_USER}))
"""


def test_sso_is_off_by_default(client, db):
    assert client.get("/oidc/authenticate/").status_code == 404
    assert "/oidc/" not in client.get("/accounts/login/").content.decode()


def test_configured_sso_sends_the_browser_to_the_provider(tmp_path):
    result = run(PROBE, production_env(tmp_path, **OIDC_ENV))
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["link"] and seen["status"] == 302 and seen["to"] == f"{PROVIDER}/authorize"
    query = seen["query"]
    assert query["client_id"] == ["revmod"] and query["response_type"] == ["code"] and query["scope"] == ["openid email"]
    assert query["redirect_uri"] == ["https://revmod.example.org/oidc/callback/"]
    assert query["state"][0] and query["nonce"][0]
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) >= 43  # PKCE
    assert seen["backends"][-1] == "revmod.accounts.oidc.NominatedPersonBackend" and seen["create"] is False


CONFIGURED = override_settings(
    OIDC_RP_CLIENT_ID="revmod", OIDC_RP_CLIENT_SECRET="s3cret", OIDC_OP_TOKEN_ENDPOINT=f"{PROVIDER}/token",
    OIDC_OP_USER_ENDPOINT=f"{PROVIDER}/userinfo", OIDC_OP_JWKS_ENDPOINT=f"{PROVIDER}/jwks", OIDC_RP_SIGN_ALGO="RS256",
    OIDC_CREATE_USER=False, AUTHENTICATION_BACKENDS=["rules.permissions.ObjectPermissionBackend",
                                                     "django.contrib.auth.backends.ModelBackend",
                                                     "revmod.accounts.oidc.NominatedPersonBackend"])


@CONFIGURED
def test_a_sign_on_finds_only_an_existing_active_person_by_verified_email(cast):
    backend = NominatedPersonBackend()
    person = cast["fp.reviewed"]
    claims = {"email": person.email.upper(), "email_verified": True}
    assert backend.verify_claims(claims)
    assert list(backend.filter_users_by_claims(claims)) == [person]
    assert not backend.verify_claims({"email": person.email, "email_verified": False})
    assert not backend.verify_claims({"email": person.email})
    assert list(backend.filter_users_by_claims({"email": "stranger@example.org", "email_verified": True})) == []
    assert backend.create_user({"email": "stranger@example.org"}) is None
    person.is_active = False
    person.save()
    assert list(backend.filter_users_by_claims(claims)) == []


@CONFIGURED
def test_after_a_sign_on_the_second_factor_is_still_asked(cast, cast_review, client):
    """The provider's session logs the person in (as the callback does); the review stays behind the code page."""
    client.force_login(cast["fp.reviewed"], backend="revmod.accounts.oidc.NominatedPersonBackend")
    assert client.get(f"/reviews/{cast_review.pk}/")["Location"].startswith("/accounts/verify/")
