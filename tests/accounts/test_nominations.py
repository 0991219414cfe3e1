"""Nominations as they really happen: note verbale, activation e-mail, profile, approval, handover."""

import re
from datetime import timedelta

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django.utils import timezone

from revmod.accounts.domain import approve_nomination, record_nomination, submit_profile
from revmod.accounts.enums import NominationStatus
from revmod.accounts.models import ActivationLink, Nomination, User
from revmod.core.errors import Refused
from revmod.reference.models import Party
from tests.conftest import verified_login

pytestmark = pytest.mark.integration


def nominate(cast, review, *, email="new.fp@example.org", role="expert", party="GHA", replaces=None):
    return record_nomination(review, actor=cast["secretariat"], party=Party.objects.get(pk=party), role=role,
                             name="Efua Asante", email=email, title="Senior State Attorney",
                             note_verbale_ref="NV/GHA/2025/7", replaces=replaces)


def activation_link(smtp_server, email) -> str:
    [message] = smtp_server.wait_for(1)
    assert message["To"] == email
    return re.search(r"/accounts/activate/[\w-]+/", smtp_server.body(message)).group(0)


def totp_now(secret_b32: str) -> str:
    import base64

    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    return f"{TOTP(key).token():06d}"


def activate(client, path) -> None:
    page = client.get(path).content.decode()
    secret = re.search(r'<code class="secret">(\w+)</code>', page).group(1)
    response = client.post(path, {"password1": "a long passphrase 2026", "password2": "a long passphrase 2026",
                                  "token": totp_now(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_nominee_activates_submits_a_profile_and_gets_access_on_approval(
        cast, cast_review, client, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        nomination = nominate(cast, cast_review)
    path = activation_link(smtp_server, "new.fp@example.org")
    activate(client, path)
    person = User.objects.get(email="new.fp@example.org")
    assert person.is_active and person.check_password("a long passphrase 2026")
    assert client.get(path).status_code == 410  # the link is used up
    client.force_login(person)
    assert client.get(f"/reviews/{cast_review.pk}/").status_code == 302  # second factor first
    submit_profile(person, actor=person, first_name="Efua", last_name="Asante", gender="female",
                   institution_type="justice")
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.PROFILE_SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        approve_nomination(nomination, actor=cast["secretariat"])
    assert any("approved" in m["Subject"] for m in smtp_server.messages_to("new.fp@example.org"))


def test_an_expired_link_is_refused_and_a_new_one_can_be_asked_for(
        cast, cast_review, client, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        nominate(cast, cast_review)
    path = activation_link(smtp_server, "new.fp@example.org")
    ActivationLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(path)
    assert response.status_code == 410 and "has expired" in response.content.decode()
    smtp_server.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/new-link/", {"email": "NEW.FP@example.org"})
    new_path = activation_link(smtp_server, "new.fp@example.org")
    assert new_path != path
    activate(client, new_path)


def test_asking_for_a_link_for_an_unknown_address_looks_the_same(cast, client, smtp_server):
    response = client.post("/accounts/new-link/", {"email": "nobody@example.org"})
    assert response.status_code == 200 and "If this address belongs" in response.content.decode()
    assert smtp_server.messages == []


def test_approval_before_the_profile_is_refused(cast, cast_review):
    nomination = nominate(cast, cast_review)
    with pytest.raises(Refused, match="profile has not been submitted"):
        approve_nomination(nomination, actor=cast["secretariat"])


def test_a_second_focal_point_must_be_a_replacement(cast, cast_review):
    """One focal point per State per review at a time (P&R 18)."""
    nomination = nominate(cast, cast_review, role="focal_point")
    person = nomination.person
    submit_profile(person, actor=person, first_name="Efua", last_name="Asante", gender="female", institution_type="justice")
    with pytest.raises(Refused, match="already has a focal point"):
        approve_nomination(Nomination.objects.get(pk=nomination.pk), actor=cast["secretariat"])


def test_a_replacement_ends_the_previous_focal_point_and_keeps_the_history(cast, cast_review):
    old = Nomination.objects.get(review=cast_review, party="GHA", role="focal_point")
    nomination = nominate(cast, cast_review, role="focal_point", replaces=old)
    person = nomination.person
    submit_profile(person, actor=person, first_name="Efua", last_name="Asante", gender="female", institution_type="justice")
    approve_nomination(Nomination.objects.get(pk=nomination.pk), actor=cast["secretariat"])
    old.refresh_from_db()
    assert old.ended_at is not None and old.status == NominationStatus.APPROVED
    active = Nomination.objects.filter(review=cast_review, party="GHA", role="focal_point", ended_at__isnull=True)
    assert [n.person.email for n in active] == ["new.fp@example.org"]


def test_only_the_secretariat_records_nominations(cast, cast_review):
    for key in ("fp.reviewed", "expert.reviewer1"):
        with pytest.raises(Refused):
            record_nomination(cast_review, actor=cast[key], party=Party.objects.get(pk="GHA"), role="expert",
                              name="X Y", email="x@example.org")
    assert not User.objects.filter(email="x@example.org").exists()


def test_a_state_outside_the_review_cannot_be_nominated_to_it(cast, cast_review):
    with pytest.raises(Refused, match="neither the State under review nor a reviewing State"):
        nominate(cast, cast_review, party="MEX")


def test_overdue_nominations_are_listed_for_the_secretariat(cast, cast_review, login):
    page = login(cast["secretariat"]).get("/accounts/nominations/").content.decode()
    # Mexico's reviewing States (Peru, France) have named nobody, months after the start.
    assert "PER" in page and "FRA" in page
    assert login(cast["fp.reviewed"]).get("/accounts/nominations/").status_code == 404


def test_approving_asks_for_the_password_again_after_ten_minutes(cast, cast_review, client):
    nomination = nominate(cast, cast_review)
    person = nomination.person
    submit_profile(person, actor=person, first_name="Efua", last_name="Asante", gender="female", institution_type="justice")
    secretariat = cast["secretariat"]
    from tests.conftest import verified_login

    verified_login(client, secretariat)
    response = client.post(f"/accounts/nominations/{nomination.pk}/", {"action": "approve"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/confirm/")
    assert Nomination.objects.get(pk=nomination.pk).status == NominationStatus.PROFILE_SUBMITTED
    client.post("/accounts/confirm/", {"password": "revmod-demo-2026", "next": f"/accounts/nominations/{nomination.pk}/"})
    client.post(f"/accounts/nominations/{nomination.pk}/", {"action": "approve"})
    assert Nomination.objects.get(pk=nomination.pk).status == NominationStatus.APPROVED


def test_the_secretariat_resets_the_access_of_someone_who_lost_their_phone(
        cast, cast_review, client, login, smtp_server, django_capture_on_commit_callbacks):
    """ASVS 2.5.6: the old password, authenticator, passkeys, sessions and API tokens all stop
    working; the person sets new ones from a fresh link and is back in, with the audit trail showing it."""
    from django.test import Client

    from revmod.accounts.domain import create_api_token, person_for_token
    from revmod.audit.models import AuditEntry

    person = cast["fp.reviewed"]
    nomination = Nomination.objects.get(person=person, review=cast_review)
    their_phone = login(person, Client())  # a session open somewhere, and an API token
    token = create_api_token(person, name="national system")
    assert their_phone.get(f"/reviews/{cast_review.pk}/").status_code == 200
    secretariat = login(cast["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(f"/accounts/nominations/{nomination.pk}/reset-access/", follow=True)
    assert "Access reset" in response.content.decode()
    assert their_phone.get(f"/reviews/{cast_review.pk}/")["Location"].startswith("/accounts/login/")
    assert person_for_token(token) is None
    person.refresh_from_db()
    assert not person.has_usable_password() and not TOTPDevice.objects.filter(user=person).exists()
    entry = AuditEntry.objects.get(action="accounts.access.reset")
    assert entry.actor_id == cast["secretariat"].pk and entry.target_id == str(person.pk)
    path = activation_link(smtp_server, person.email)
    assert "reset your access" in smtp_server.body(smtp_server.messages_to(person.email)[0])
    activate(Client(), path)
    assert User.objects.get(pk=person.pk).check_password("a long passphrase 2026")


def test_a_reset_with_a_stale_password_confirms_it_then_returns_to_the_nomination(cast, cast_review, client):
    """A POST-only action asks for the password and comes back to its page, not to an address that only takes POST."""
    nomination = Nomination.objects.get(person=cast["fp.reviewed"], review=cast_review)
    verified_login(client, cast["secretariat"])  # password not given recently
    response = client.post(f"/accounts/nominations/{nomination.pk}/reset-access/")
    assert response["Location"] == f"/accounts/confirm/?next=%2Faccounts%2Fnominations%2F{nomination.pk}%2F"
    assert cast["fp.reviewed"].has_usable_password()


def test_nobody_resets_their_own_access_and_only_the_secretariat_resets_any(cast, cast_review, login):
    nomination = Nomination.objects.get(person=cast["fp.reviewed"], review=cast_review)
    assert login(cast["fp.reviewer1"]).post(f"/accounts/nominations/{nomination.pk}/reset-access/").status_code == 404
    assert cast["fp.reviewed"].has_usable_password()
