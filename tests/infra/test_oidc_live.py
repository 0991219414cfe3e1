"""SSO by OpenID Connect against a real provider: django-oauth-toolkit in its own process on
127.0.0.1 (tests/infra/oidc_provider), its own SQLite file and a fresh RS256 key. revmod runs
under pytest-django's live server with its OIDC settings pointed at that provider; a requests
Session plays the browser over real HTTP, through revmod's login page, the provider's login page,
the callback and the second factor. revmod's server-side calls (token, userinfo, JWKS) are real.
"""

import html
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import requests

from revmod.accounts.models import User
from revmod.audit.models import AuditEntry
from revmod.demo.cast import CAST, current_code

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET = "revmod", "client-secret-of-revmod-at-the-test-provider"
PASSWORD = "provider-password-2026"
EMAILS = {member.key: member.email for member in CAST}
PROVIDER_USERS = [  # username at the provider, e-mail, whether the provider says it is verified
    ("kwame", EMAILS["fp.reviewed"], True),
    ("stranger", "stranger@example.org", True),
    ("abena", EMAILS["expert.reviewed"], False),
]
REFUSED = ("Signing in with your organisation's account did not succeed. It works only for a person nominated "
           "here under the same e-mail address, which the organisation has verified.")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    """The provider's address, once it has migrated its database and registered revmod as a client."""
    folder, port = tmp_path_factory.mktemp("oidc_provider"), _free_port()
    seed = folder / "seed.json"
    seed.write_text(json.dumps({
        "client": {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uri": f"{live_server.url}/oidc/callback/"},
        "users": [{"username": u, "password": PASSWORD, "email": e, "email_verified": v} for u, e, v in PROVIDER_USERS]}))
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"} and not k.startswith("REVMOD_")}
    log = (folder / "provider.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "tests.infra.oidc_provider.serve", str(port), str(seed)], cwd=ROOT,
                               env={**env, "OIDC_PROVIDER_DB": str(folder / "provider.sqlite3")}, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (folder / "provider.log").read_text()[-3000:]
            try:
                if requests.get(f"{url}/o/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "the provider did not start"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def sso(settings, provider, reference_data, cast):
    """revmod with the sign-on configured for the provider, as REVMOD_OIDC_* would (settings.py)."""
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = CLIENT_ID, CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider}/o/authorize/"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider}/o/token/"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider}/o/userinfo/"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{provider}/o/.well-known/jwks.json"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "revmod.accounts.oidc.NominatedPersonBackend"]
    return provider


def _csrf(page: requests.Response) -> str:
    match = CSRF.search(page.text)
    assert match, page.text[:2000]
    return match.group(1)


def start_sign_on(browser: requests.Session, site: str) -> str:
    """Follow the login page's SSO link; returns the provider's authorization address revmod sent us to."""
    login = browser.get(f"{site}/accounts/login/")
    link = re.search(r'<a href="([^"]+)">Sign in with your organisation(?:&#x27;|\')s account</a>', login.text)
    assert link, "the login page offers no sign-on"
    start = browser.get(urljoin(login.url, link.group(1)), allow_redirects=False)
    assert start.status_code == 302, start.status_code
    return start.headers["Location"]


def sign_in_at_provider(browser: requests.Session, authorize: str, username: str) -> str:
    """Log in on the provider's own page; returns the callback address with the code that it sends back."""
    to_login = browser.get(authorize, allow_redirects=False)
    form = browser.get(urljoin(authorize, to_login.headers["Location"]))
    done = browser.post(form.url, data={"csrfmiddlewaretoken": _csrf(form), "username": username, "password": PASSWORD,
                                        "next": parse_qs(urlparse(form.url).query)["next"][0]}, allow_redirects=False)
    assert done.status_code == 302, done.text[:2000]
    back = browser.get(urljoin(form.url, done.headers["Location"]), allow_redirects=False)
    assert back.status_code == 302 and "code=" in back.headers["Location"], back.text[:2000]
    return back.headers["Location"]


def callback_for(site: str, username: str, browser: requests.Session | None = None) -> tuple[requests.Session, str]:
    browser = browser or requests.Session()
    return browser, sign_in_at_provider(browser, start_sign_on(browser, site), username)


def assert_refused(page: requests.Response, site: str) -> None:
    """Back on the login page with the message, no error on the way, and nobody signed in."""
    assert all(step.status_code < 500 for step in [*page.history, page]), [s.status_code for s in [*page.history, page]]
    assert page.url == f"{site}/accounts/login/" and page.status_code == 200
    assert REFUSED in html.unescape(page.text)
    assert html.unescape(page.text).count(REFUSED) == 1


def assert_signed_out(browser: requests.Session, site: str) -> None:
    assert browser.get(f"{site}/reviews/").url.startswith(f"{site}/accounts/login/")


def test_a_nominated_person_signs_in_then_gives_the_second_factor(sso, live_server, cast, cast_review):
    person, site = cast["fp.reviewed"], live_server.url
    browser, callback = callback_for(site, "kwame")
    page = browser.get(callback)
    assert page.url == f"{site}/accounts/verify/" and "<h1>Second factor</h1>" in page.text  # SSO is only the first factor
    assert browser.get(f"{site}/reviews/{cast_review.pk}/").url == f"{site}/accounts/verify/"
    page = browser.post(page.url, data={"csrfmiddlewaretoken": _csrf(page), "token": current_code(person)})
    assert page.url == f"{site}/reviews/{cast_review.pk}/" and page.status_code == 200  # the page asked for before the code
    assert "<h1>My reviews</h1>" in browser.get(f"{site}/reviews/").text
    assert list(AuditEntry.objects.filter(action__startswith="accounts.sign_on").values_list("action", "actor_id")) == [
        ("accounts.sign_on", person.pk)]
    person.is_active = False  # the secretariat ends the nomination: the open session ends too
    person.save()
    assert_signed_out(browser, site)


def test_a_provider_user_without_an_account_here_is_refused_and_nobody_is_created(sso, live_server):
    people = User.objects.count()
    browser, callback = callback_for(live_server.url, "stranger")
    assert_refused(browser.get(callback), live_server.url)
    assert User.objects.count() == people and not User.objects.filter(email="stranger@example.org").exists()
    refusal = AuditEntry.objects.get(action="accounts.sign_on.refused")
    assert refusal.actor_id is None and refusal.data == {"reason": "no such person"}
    assert_signed_out(browser, live_server.url)


def test_an_email_the_provider_has_not_verified_is_refused(sso, live_server):
    """Abena exists here (the expert of the State under review), but her provider does not vouch for the address."""
    browser, callback = callback_for(live_server.url, "abena")
    assert_refused(browser.get(callback), live_server.url)
    assert_signed_out(browser, live_server.url)


def test_a_tampered_state_is_refused(sso, live_server):
    browser, callback = callback_for(live_server.url, "kwame")
    tampered = re.sub(r"state=[^&]+", "state=forged-by-someone-else", callback)
    assert_refused(browser.get(tampered), live_server.url)
    assert_signed_out(browser, live_server.url)


def test_a_code_used_once_is_refused_the_second_time(sso, live_server):
    """Replayed in another browser, as is (its state is unknown there: a lost or expired session) and
    under that browser's own fresh state (the provider refuses a code already used)."""
    site = live_server.url
    first, callback = callback_for(site, "kwame")
    assert first.get(callback).url == f"{site}/accounts/verify/"
    other = requests.Session()
    assert_refused(other.get(callback), site)
    authorize = start_sign_on(other, site)
    own_state = parse_qs(urlparse(authorize).query)["state"][0]
    assert_refused(other.get(re.sub(r"state=[^&]+", f"state={own_state}", callback)), site)
    assert_signed_out(other, site)


def test_an_id_token_not_signed_by_the_published_key_is_refused(sso, live_server, settings):
    """The JWKS revmod trusts holds another key under the same kid: the signature check must fail."""
    settings.OIDC_OP_JWKS_ENDPOINT = f"{sso}/other/jwks.json"
    browser, callback = callback_for(live_server.url, "kwame")
    assert_refused(browser.get(callback), live_server.url)
    assert_signed_out(browser, live_server.url)


def test_the_password_form_never_redeems_a_code(sso, live_server):
    """A login address carrying a valid code and state signs nobody in by that code (only the callback does)."""
    site = live_server.url
    browser, callback = callback_for(site, "kwame")
    login = browser.get(f"{site}/accounts/login/?{urlparse(callback).query}")
    page = browser.post(login.url, data={"csrfmiddlewaretoken": _csrf(login), "username": EMAILS["fp.reviewed"],
                                         "password": "not-the-password"})
    assert page.status_code == 200 and page.url == login.url
    assert_signed_out(browser, site)
    assert browser.get(callback).url == f"{site}/accounts/verify/"  # the code was not spent: the real callback still works


def test_an_id_token_from_another_issuer_is_refused_when_the_issuer_is_set(sso, live_server, settings):
    """REVMOD_OIDC_ISSUER pins the provider: a token that names another issuer is refused, the right one passes."""
    site = live_server.url
    settings.OIDC_OP_ISSUER = "https://login.elsewhere.example"
    browser, callback = callback_for(site, "kwame")
    assert_refused(browser.get(callback), site)
    assert AuditEntry.objects.get(action="accounts.sign_on.refused").data == {"reason": "SuspiciousOperation"}
    settings.OIDC_OP_ISSUER = requests.get(f"{sso}/o/.well-known/openid-configuration", timeout=5).json()["issuer"]
    browser, callback = callback_for(site, "kwame")
    assert browser.get(callback).url == f"{site}/accounts/verify/"
