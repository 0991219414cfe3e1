"""Passkeys as a second factor: who may add, use and remove one, and what the trail keeps."""

import json

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from revmod.accounts.views import REAUTH_KEY
from revmod.audit.models import AuditEntry
from revmod.demo.cast import DEMO_PASSWORD, current_code
from revmod.notifications.models import Notification
from tests.conftest import verified_login
from tests.support.authenticator import SoftPasskey

pytestmark = pytest.mark.integration

ORIGIN = "http://localhost:8000"
CEREMONY = "/accounts/passkeys/"


@pytest.fixture(autouse=True)
def _relying_party(settings):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [ORIGIN]


def _post(client, path, body=None):
    return client.post(CEREMONY + path, json.dumps(body or {}), content_type="application/json")


def add_passkey(client) -> SoftPasskey:
    """The registration ceremony, as the profile page's script runs it, with a software passkey."""
    passkey = SoftPasskey(rp_id="localhost", origin=ORIGIN)
    options = _post(client, "registration/begin/").json()
    response = _post(client, "registration/complete/", passkey.create(options))
    assert response.status_code == 200, response.content
    return passkey


def password_only(person) -> Client:
    """A client past the password, not yet past the second factor."""
    client = Client()
    assert client.post("/accounts/login/", {"username": person.email, "password": DEMO_PASSWORD}).status_code == 302
    return client


def test_adding_a_passkey_needs_the_password_given_in_the_last_ten_minutes(cast):
    person = cast["fp.reviewed"]
    client = verified_login(Client(), person)
    refused = _post(client, "registration/begin/")
    assert refused.status_code == 401
    assert refused.json()["code"] == "password_confirmation_required"
    assert refused.json()["detail"] == "Confirm your password to add a passkey."
    client.post("/accounts/confirm/", {"password": DEMO_PASSWORD, "next": "/accounts/profile/"})
    add_passkey(client)
    assert WebAuthnCredential.objects.filter(user=person).count() == 1
    assert list(AuditEntry.objects.filter(action="accounts.passkey.added").values_list("actor", flat=True)) == [person.pk]
    assert list(Notification.objects.filter(recipient=person).values_list("subject", flat=True)) == [
        "A passkey was added to your account"]


def test_the_profile_lists_the_persons_passkeys_with_a_remove_button(cast, login):
    person = cast["fp.reviewed"]
    client = login(person)
    add_passkey(client)
    page = client.get("/accounts/profile/").content.decode()
    assert 'id="passkey-register-button"' in page
    assert page.count("Remove the passkey added on") == 1
    assert "Your passkey has been added." in page


def test_a_passkey_completes_the_login_like_a_code(cast, login):
    person = cast["fp.reviewed"]
    passkey = add_passkey(login(person))
    client = password_only(person)
    assert client.get("/reviews/")["Location"] == "/accounts/verify/"
    assert "Use a passkey" in client.get("/accounts/verify/").content.decode()
    options = _post(client, "authentication/begin/").json()
    done = _post(client, "authentication/complete/?next=/reviews/", passkey.get(options))
    assert done.json()["redirect_url"] == "/reviews/"
    assert client.get("/reviews/").status_code == 200
    assert REAUTH_KEY in client.session
    entry = AuditEntry.objects.filter(action="accounts.login.verified").latest("id")
    assert (entry.actor_id, entry.data["factor"]) == (person.pk, "passkey")


def test_a_passkey_login_refuses_a_next_address_on_another_site(cast, login):
    person = cast["fp.reviewed"]
    passkey = add_passkey(login(person))
    client = password_only(person)
    options = _post(client, "authentication/begin/").json()
    done = _post(client, "authentication/complete/?next=https://evil.example/", passkey.get(options))
    assert done.json()["redirect_url"] == "/reviews/"


def test_another_persons_passkey_does_not_complete_my_login(cast, login):
    kwame, intruder = cast["fp.reviewed"], cast["fp.unrelated"]
    passkey = add_passkey(login(kwame))
    client = password_only(intruder)
    options = _post(client, "authentication/begin/").json()
    refused = _post(client, "authentication/complete/", passkey.get(options))
    assert refused.status_code == 403
    assert client.get("/reviews/")["Location"] == "/accounts/verify/"


def test_there_is_no_login_with_a_passkey_alone(cast, login):
    passkey = add_passkey(login(cast["fp.reviewed"]))
    anonymous = Client()
    assert _post(anonymous, "authentication/begin/")["Location"].startswith("/accounts/login/")
    assert _post(anonymous, "authentication/complete/", passkey.get({"challenge": "AAAA"}))["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in anonymous.session


def test_the_verify_page_offers_a_passkey_only_to_people_who_have_one(cast):
    page = password_only(cast["fp.reviewed"]).get("/accounts/verify/").content.decode()
    assert "Use a passkey" not in page


def test_removing_a_passkey_needs_the_password_again(cast):
    person = cast["fp.reviewed"]
    credential = WebAuthnCredential.objects.create(user=person, credential_id=b"old", public_key=b"key")
    client = verified_login(Client(), person)
    response = client.post(f"/accounts/profile/passkeys/{credential.pk}/remove/")
    assert response["Location"] == "/accounts/confirm/?next=%2Faccounts%2Fprofile%2F"
    assert WebAuthnCredential.objects.filter(pk=credential.pk).exists()


def test_removing_a_passkey_is_recorded_and_told_to_the_person(cast, login):
    person = cast["fp.reviewed"]
    credential = WebAuthnCredential.objects.create(user=person, credential_id=b"old", public_key=b"key")
    response = login(person).post(f"/accounts/profile/passkeys/{credential.pk}/remove/", follow=True)
    assert "The passkey has been removed." in response.content.decode()
    assert not WebAuthnCredential.objects.filter(pk=credential.pk).exists()
    entry = AuditEntry.objects.get(action="accounts.passkey.removed")
    assert (entry.actor_id, entry.data) == (person.pk, {"passkey": credential.pk})
    assert list(Notification.objects.filter(recipient=person).values_list("subject", flat=True)) == [
        "A passkey was removed from your account"]


def test_the_last_second_factor_cannot_be_removed(cast, login):
    person = cast["fp.reviewed"]
    credential = WebAuthnCredential.objects.create(user=person, credential_id=b"only", public_key=b"key")
    TOTPDevice.objects.filter(user=person).delete()
    client = login(person)
    response = client.post(f"/accounts/profile/passkeys/{credential.pk}/remove/", follow=True)
    assert "This is your only second factor: add another one before removing it." in response.content.decode()
    assert WebAuthnCredential.objects.filter(pk=credential.pk).exists()
    assert not AuditEntry.objects.filter(action="accounts.passkey.removed").exists()


def test_another_persons_passkey_cannot_be_removed_and_looks_absent(cast, login):
    kwame, intruder = cast["fp.reviewed"], cast["fp.unrelated"]
    credential = WebAuthnCredential.objects.create(user=kwame, credential_id=b"kwame", public_key=b"key")
    client = login(intruder)
    theirs = client.post(f"/accounts/profile/passkeys/{credential.pk}/remove/")
    absent = client.post("/accounts/profile/passkeys/987654321/remove/")
    assert (theirs.status_code, absent.status_code) == (404, 404)
    assert WebAuthnCredential.objects.filter(pk=credential.pk).exists()


def test_a_code_login_is_recorded_and_keeps_next_on_this_site(cast):
    person = cast["fp.reviewed"]
    client = password_only(person)
    response = client.post("/accounts/verify/?next=https://evil.example/", {"token": current_code(person)})
    assert response["Location"] == "/reviews/"
    entry = AuditEntry.objects.get(action="accounts.login.verified")
    assert (entry.actor_id, entry.data["factor"]) == (person.pk, "totp")


def test_the_passkey_buttons_are_labelled_in_arabic_right_to_left(cast, login):
    client = login(cast["fp.reviewed"])
    page = client.get("/accounts/profile/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert 'id="passkey-register-button"' in page and 'role="alert"' in page
