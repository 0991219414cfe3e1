"""Follow-up records are confidential to the review; the overview is counts for States; practices for all States (P&R 37, 42, 44)."""

import pytest

from revmod.audit.models import AuditEntry

pytestmark = pytest.mark.integration
PEOPLE = ("secretariat", "fp.reviewed", "expert.reviewed", "observer.reviewed", "fp.reviewer1", "fp.reviewer2",
          "fp.unrelated", "ngo")


def test_each_member_of_the_cast_sees_exactly_the_records_of_their_reviews(cast, records, login, client):
    texts = {key: item.text for key, item in records.items()}
    seen = {}
    for person in PEOPLE:
        client.logout()
        page = login(cast[person]).get("/followup/").content.decode()
        seen[person] = {key for key, text in texts.items() if text in page}
    ghana = {"need", "recommendation", "challenge", "secret need"}
    assert seen == {"secretariat": ghana | {"mexico need"}, "fp.reviewed": ghana, "expert.reviewed": ghana,
                    "observer.reviewed": ghana, "fp.reviewer1": ghana, "fp.reviewer2": ghana,
                    "fp.unrelated": {"mexico need"}, "ngo": set()}


def test_a_record_not_yours_and_a_record_that_does_not_exist_both_answer_404(cast, records, login, client):
    assert login(cast["fp.unrelated"]).get(f"/followup/records/{records['need'].pk}/").status_code == 404
    assert client.get("/followup/records/999999/").status_code == 404
    assert client.get(f"/followup/records/{records['practice'].pk}/").status_code == 404
    client.logout()
    assert client.get("/followup/").status_code == 302


def test_reading_a_record_is_in_the_audit_trail(cast, records, login):
    login(cast["fp.reviewer1"]).get(f"/followup/records/{records['need'].pk}/")
    entry = AuditEntry.objects.get(action="followup.record.read")
    assert (entry.actor, entry.review, entry.target_id) == (cast["fp.reviewer1"], records["need"].list.review, str(records["need"].pk))


def test_the_overview_is_for_states_parties_and_the_secretariat_and_names_no_state(cast, records, login, client):
    status = {}
    for person in PEOPLE:
        client.logout()
        response = login(cast[person]).get("/followup/technical-assistance/")
        status[person] = response.status_code
        if response.status_code == 200:
            page = response.content.decode()
            assert "Ghana" not in page and "Mexico" not in page and "Case management" not in page
    assert status == {p: 200 for p in PEOPLE if p != "ngo"} | {"ngo": 404}
