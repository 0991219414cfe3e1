"""A passkey added on the profile page, then used at login instead of the code, in a real chromium.

Chromium's virtual authenticator (DevTools protocol, WebAuthn domain) plays the person's device:
a platform passkey with user verification. pytest-django's live server is addressed as
http://localhost:PORT, a secure context, so the relying party ID is "localhost".
"""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import Page, expect

from revmod.accounts.views import REAUTH_KEY
from revmod.audit.models import AuditEntry
from revmod.demo.cast import DEMO_PASSWORD, current_code, demo_password_hash

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    """The login checks the password as always, against a cheap hash (as in test_review_journey)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    demo_password_hash.cache_clear()
    yield
    demo_password_hash.cache_clear()


@pytest.fixture
def relying_party(settings, live_server):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    assert live_server.url.startswith("http://localhost:")


def virtual_authenticator(page: Page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
        "isUserVerified": True, "automaticPresenceSimulation": True}})


def password_given_long_ago(page: Page) -> None:
    """The session as it is eleven minutes after the password was last given."""
    [key] = [c["value"] for c in page.context.cookies() if c["name"] == "sessionid"]
    session = SessionStore(session_key=key)
    session[REAUTH_KEY] -= 11 * 60
    session.save()


def password_step(page: Page, live_server, person) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill(person.email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/accounts/verify/")


def test_a_person_adds_a_passkey_then_logs_in_with_it(
        page: Page, page_errors, reference_data, relying_party, live_server, cast, cast_review):
    person = cast["fp.reviewed"]
    virtual_authenticator(page)

    # Password and code, then a passkey from the profile page.
    password_step(page, live_server, person)
    expect(page.get_by_role("button", name="Use a passkey")).to_have_count(0)  # none yet
    page.get_by_label("Code from your authenticator app").fill(current_code(person))
    with page.expect_navigation():
        page.get_by_role("button", name="Verify", exact=True).click()
    page.goto(f"{live_server.url}/accounts/profile/")
    expect(page.get_by_role("button", name="Remove the passkey added on", exact=False)).to_have_count(0)
    password_given_long_ago(page)
    with page.expect_navigation():  # refused by the server: the page asks for the password again
        page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your password")
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(f"{live_server.url}/accounts/profile/")
    with page.expect_navigation():  # the page reloads with its list and message
        page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_role("status")).to_have_text("Your passkey has been added.")
    expect(page.get_by_role("button", name="Remove the passkey added on", exact=False)).to_have_count(1)
    assert WebAuthnCredential.objects.filter(user=person).count() == 1

    # Log out; log in again, in Arabic, with the password and then the passkey.
    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#lang-select").select_option("ar")
    with page.expect_navigation():
        page.locator("form.lang button[type=submit]").click()
    password_step(page, live_server, person)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    with page.expect_navigation():
        page.locator("#passkey-verification-button").click()
    expect(page).to_have_url(f"{live_server.url}/reviews/")

    # The confidential page of the person's review opens; the trail shows the passkey login.
    review = page.goto(f"{live_server.url}/reviews/{cast_review.pk}/")
    assert (review.status, page.url) == (200, f"{live_server.url}/reviews/{cast_review.pk}/")
    expect(page.locator("main h1")).to_contain_text("غانا")  # "Review of Ghana", in Arabic
    factors = list(AuditEntry.objects.filter(action="accounts.login.verified", actor=person)
                   .order_by("id").values_list("data__factor", flat=True))
    assert factors == ["totp", "passkey"]
    assert [a for a in AuditEntry.objects.filter(actor=person).values_list("action", flat=True)
            if a.startswith("accounts.passkey")] == ["accounts.passkey.added"]
    assert [e for e in page_errors if "status of 401" not in e] == []  # the one refusal above, and nothing else
