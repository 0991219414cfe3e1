"""Sessions end when idle and at an absolute limit; sensitive acts ask for the password again (issue 7, ASVS 3.3, 3.7)."""

import time

import pytest

from revmod.accounts.middleware import SEEN_KEY, STARTED_KEY
from revmod.accounts.models import ApiToken

pytestmark = pytest.mark.integration


def _age(client, *, started_ago=0, seen_ago=0):
    session = client.session
    now = time.time()
    session[STARTED_KEY], session[SEEN_KEY] = now - started_ago, now - seen_ago
    session.save()


def test_an_idle_session_ends_and_the_login_page_says_why(cast, login, settings):
    client = login(cast["fp.reviewed"])
    assert client.get("/reviews/").status_code == 200
    _age(client, seen_ago=settings.REVMOD_SESSION_IDLE_SECONDS + 1)
    response = client.get("/reviews/", follow=True)
    assert response.redirect_chain[0][0].startswith("/accounts/login/?next=%2Freviews%2F&expired=1")
    assert "Your session has ended" in response.content.decode()
    assert client.get("/reviews/").status_code == 302  # logged out for good, not just redirected once


def test_a_session_in_use_still_ends_at_the_absolute_limit(cast, login, settings):
    client = login(cast["secretariat"])
    _age(client, started_ago=settings.SESSION_COOKIE_AGE - 5)
    assert client.get("/reviews/").status_code == 200
    _age(client, started_ago=settings.SESSION_COOKIE_AGE + 1)
    assert client.get("/reviews/")["Location"].startswith("/accounts/login/")


def test_a_session_used_within_the_idle_limit_goes_on(cast, login, settings):
    client = login(cast["expert.reviewed"])
    _age(client, started_ago=3600, seen_ago=settings.REVMOD_SESSION_IDLE_SECONDS - 120)
    assert client.get("/reviews/").status_code == 200
    assert time.time() - client.session[SEEN_KEY] < 5  # the request counted as activity


def test_a_new_api_token_asks_for_the_password_again_after_ten_minutes(cast, client):
    from tests.conftest import verified_login

    verified_login(client, cast["fp.reviewed"])
    session = client.session
    session["revmod_password_confirmed_at"] = time.time() - 11 * 60
    session.save()
    response = client.post("/accounts/profile/tokens/", {"name": "script"})
    assert response["Location"].startswith("/accounts/confirm/?next=")
    assert not ApiToken.objects.filter(person=cast["fp.reviewed"]).exists()
    client.post("/accounts/confirm/", {"password": "revmod-demo-2026", "next": "/accounts/profile/"})
    client.post("/accounts/profile/tokens/", {"name": "script"})
    assert ApiToken.objects.filter(person=cast["fp.reviewed"]).count() == 1


def test_an_unverified_session_sees_no_review(cast, cast_review, client):
    """Password alone is not enough: without the second factor every confidential page sends to the code page."""
    client.force_login(cast["expert.reviewed"])
    for url in ("/reviews/", f"/reviews/{cast_review.pk}/", "/notifications/", "/audit/"):
        assert client.get(url)["Location"].startswith("/accounts/verify/"), url


def test_an_unverified_session_cannot_make_itself_an_api_token_or_a_passkey(cast, client):
    """The account's own pages are behind the second factor too: a stolen password, confirmed
    again, must not buy an API token or a passkey that would skip the code (ASVS 2.2.1)."""
    person = cast["expert.reviewed"]
    client.force_login(person)
    client.post("/accounts/confirm/", {"password": "any"})
    for url in ("/accounts/profile/", "/accounts/passkeys/registration/begin/"):
        assert client.get(url)["Location"].startswith("/accounts/verify/"), url
    response = client.post("/accounts/profile/tokens/", {"name": "exfiltration"})
    assert response["Location"].startswith("/accounts/verify/")
    assert not person.api_tokens.exists()
    assert client.get("/accounts/verify/").status_code == 200
