"""The list of applicants is confidential to States and the secretariat until the chair's summary is published (P&R 53)."""

from datetime import timedelta

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from revmod.accounts.models import User
from revmod.dialogues.domain.decisions import admit_unopposed, object_to_applicant
from revmod.dialogues.domain.dialogues import publish_summary, send_list_to_states

pytestmark = pytest.mark.integration
NAMES = ("Atlas Logistics", "University of Accra Law Faculty", "Zenith Anti-Trafficking Network")


@pytest.fixture
def unrelated_person(db):
    person = User.objects.create_user(email="someone@example.org")
    TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    return person


def who_sees_the_list(cast, unrelated_person, client, login, url) -> set[str]:
    seers = set()
    people = {k: v for k, v in cast.items() if k != "anonymous"} | {"unrelated person": unrelated_person}
    for key, person in people.items():
        client.logout()
        page = login(person).get(url).content.decode()
        if all(name in page for name in NAMES):
            seers.add(key)
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    return seers


def test_the_list_of_applicants_is_seen_exactly_by_states_and_the_secretariat_until_published(
        cast, unrelated_person, dialogue, applicants, client, login):
    url = f"/dialogues/{dialogue.pk}/applicants/"
    assert who_sees_the_list(cast, unrelated_person, client, login, url) == {"secretariat"}  # not yet sent
    send_list_to_states(dialogue, actor=cast["secretariat"], today=dialogue.dates.applications_close_on + timedelta(days=1))
    states_and_secretariat = {"secretariat", "fp.reviewed", "expert.reviewed", "observer.reviewed", "fp.reviewer1",
                              "expert.reviewer1", "fp.reviewer2", "expert.reviewer2", "fp.unrelated"}
    assert who_sees_the_list(cast, unrelated_person, client, login, url) == states_and_secretariat
    assert login(cast["ngo"]).get(url).status_code == 404
    public = client.get(f"/dialogues/{dialogue.pk}/").content.decode()
    assert not any(name in public for name in NAMES)
    csv = login(cast["fp.unrelated"]).get(url + "?format=csv").content.decode()
    assert [line.split(",")[0] for line in csv.splitlines()[1:]] == list(NAMES)  # alphabetical, no ranking


def test_the_public_page_names_only_the_admitted_and_only_once_the_summary_is_published(cast, list_sent, applicants, client):
    object_to_applicant(applicants["private"], actor=cast["fp.reviewed"], party_id="GHA", reason="x",
                        today=list_sent.dates.objections_close_on)
    admit_unopposed(list_sent, actor=cast["secretariat"], today=list_sent.dates.objections_close_on + timedelta(days=1))
    url = f"/dialogues/{list_sent.pk}/"
    before = client.get(url).content.decode()
    assert not any(name in before for name in NAMES)
    publish_summary(list_sent, actor=cast["secretariat"], summary={"en": "Summary."}, today=list_sent.held_on)
    after = client.get(url).content.decode()
    assert [name in after for name in NAMES] == [False, True, True]  # Atlas was objected to: not admitted


def test_a_state_sees_its_own_objections_and_not_other_states(cast, list_sent, applicants, client, login):
    object_to_applicant(applicants["ngo"], actor=cast["fp.reviewer1"], party_id="KEN", reason="Reason given by Kenya.",
                        today=list_sent.dates.objections_close_on)
    url = f"/dialogues/{list_sent.pk}/applicants/"
    seen = {}
    for key in ("fp.reviewer1", "fp.reviewer2", "secretariat"):
        client.logout()
        seen[key] = "Reason given by Kenya." in login(cast[key]).get(url).content.decode()
    assert seen == {"fp.reviewer1": True, "fp.reviewer2": False, "secretariat": True}
