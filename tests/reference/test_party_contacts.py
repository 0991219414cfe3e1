"""The secretariat keeps each State's mission address and language of correspondence (P&R 18)."""

import re

import pytest

from revmod.audit.models import AuditEntry
from revmod.reference.models import Party

pytestmark = pytest.mark.integration

EXPECTED = re.compile(r'name="expected" value="([^"]+)"')


def _form(client, iso3: str) -> dict:
    page = client.get(f"/parties/{iso3}/").content.decode()
    party = Party.objects.get(pk=iso3)
    return {"expected": EXPECTED.search(page).group(1), "mission_email": party.mission_email,
            "correspondence_language": party.correspondence_language, "legal_tradition": party.legal_tradition,
            "focal_point_public_info": party.focal_point_public_info}


def test_the_secretariat_records_a_missions_address_and_language_in_the_audit_trail(cast, login):
    client = login(cast["secretariat"])
    listing = client.get("/parties/?no_mission=on").content.decode()
    assert "Ghana" in listing
    response = client.post("/parties/GHA/", {**_form(client, "GHA"), "mission_email": "mission.ghana@example.org",
                                             "correspondence_language": "fr"}, follow=True)
    assert "Saved." in response.content.decode()
    ghana = Party.objects.get(pk="GHA")
    assert (ghana.mission_email, ghana.correspondence_language) == ("mission.ghana@example.org", "fr")
    entry = AuditEntry.objects.filter(action="reference.party.contacts_changed").latest("id")
    assert entry.data["after"] == {"mission_email": "mission.ghana@example.org", "correspondence_language": "fr"}
    assert entry.data["before"]["mission_email"] == ""
    assert "Ghana" not in client.get("/parties/?no_mission=on").content.decode()


def test_a_colleagues_edit_in_between_is_never_overwritten(cast, login, client, django_user_model):
    first = login(cast["secretariat"])
    loaded = _form(first, "GHA")
    first.post("/parties/GHA/", {**loaded, "mission_email": "first@example.org"})
    response = first.post("/parties/GHA/", {**loaded, "mission_email": "second@example.org"})  # a stale form
    assert response.status_code == 409
    page = response.content.decode()
    assert "A colleague changed these details" in page and "first@example.org" in page and "second@example.org" in page
    assert Party.objects.get(pk="GHA").mission_email == "first@example.org"
    again = EXPECTED.search(page).group(1)  # saving again, having seen theirs, goes through
    first.post("/parties/GHA/", {**loaded, "expected": again, "mission_email": "second@example.org"})
    assert Party.objects.get(pk="GHA").mission_email == "second@example.org"


def test_a_wrong_address_is_refused_with_a_message_and_nothing_saved(cast, login):
    client = login(cast["secretariat"])
    response = client.post("/parties/GHA/", {**_form(client, "GHA"), "mission_email": "not an address"})
    assert response.status_code == 200 and "Enter a valid email address." in response.content.decode()
    assert Party.objects.get(pk="GHA").mission_email == ""


def test_states_party_users_do_not_see_the_secretariats_contact_pages(cast, login):
    client = login(cast["fp.reviewed"])
    assert client.get("/parties/").status_code == 404
    assert client.get("/parties/GHA/").status_code == 404
