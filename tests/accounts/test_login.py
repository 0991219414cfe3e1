"""Logging in with a password and a second factor."""

import time

import pytest

from revmod.demo.cast import DEMO_PASSWORD, current_code

pytestmark = pytest.mark.integration


def test_login_needs_the_password_then_the_code(cast, cast_review, client):
    person = cast["fp.reviewed"]
    response = client.post("/accounts/login/", {"username": person.email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/reviews/").status_code == 302
    bad = client.post("/accounts/verify/", {"token": "000000"})
    assert "This code is not valid" in bad.content.decode()
    time.sleep(1.1)  # one failure throttles the device for a second (django-otp)
    client.post("/accounts/verify/", {"token": current_code(person)})
    assert client.get(f"/reviews/{cast_review.pk}/").status_code == 200


def test_a_link_opened_before_logging_in_is_where_the_person_lands_after_the_code(cast, cast_review, client):
    """A link in an e-mail leads to its page once both factors are given, not to the home page;
    a next address on another site is never followed."""
    person = cast["fp.reviewed"]
    page = f"/reviews/{cast_review.pk}/?tab=documents"
    client.post("/accounts/login/", {"username": person.email, "password": DEMO_PASSWORD})
    assert client.get(page)["Location"] == "/accounts/verify/"
    response = client.post("/accounts/verify/", {"token": current_code(person)})
    assert response["Location"] == page
    client.logout()
    client.post("/accounts/login/", {"username": person.email, "password": DEMO_PASSWORD})
    time.sleep(1.1)  # each code once: wait for the next one would take 30 s, a reused code is refused; use ?next=
    response = client.get("/accounts/verify/?next=https://evil.example/")
    assert 'value="https://evil.example/"' not in response.content.decode()


def test_a_wrong_password_is_refused_in_the_users_language(cast, client):
    response = client.post("/accounts/login/", {"username": cast["fp.reviewed"].email, "password": "nope"},
                           HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Saisissez" in response.content.decode()  # Django's own French message


def test_pages_are_served_right_to_left_in_arabic(cast, client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in page


def test_an_account_is_locked_after_five_failed_passwords(cast, client):
    email = cast["fp.reviewed"].email
    for _attempt in range(5):
        client.post("/accounts/login/", {"username": email, "password": "guess"})
    response = client.post("/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
