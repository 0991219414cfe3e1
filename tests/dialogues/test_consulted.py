"""A State under review records the stakeholders it consulted for its answers (P&R 23)."""

import pytest

from revmod.dialogues.models import ConsultedStakeholder

pytestmark = pytest.mark.integration


def test_the_state_under_review_records_whom_it_consulted_and_only_the_reviews_participants_see_it(
        cast, cast_review, login, client):
    url = f"/dialogues/reviews/{cast_review.pk}/consulted/"
    entry = {"name": "Ghana Bar Association", "kind": "other", "how": "Workshop on the draft answers", "consulted_on": "2021-03-02"}
    login(cast["expert.reviewed"]).post(url, entry)
    assert list(ConsultedStakeholder.objects.values_list("name", "recorded_by")) == [("Ghana Bar Association", cast["expert.reviewed"].pk)]
    seen, can_add = {}, {}
    for key in ("secretariat", "fp.reviewed", "observer.reviewed", "fp.reviewer1", "fp.unrelated", "ngo"):
        client.logout()
        response = login(cast[key]).get(url)
        seen[key] = response.status_code == 200 and "Ghana Bar Association" in response.content.decode()
        can_add[key] = "Record a stakeholder" in response.content.decode()
    assert seen == {"secretariat": True, "fp.reviewed": True, "observer.reviewed": True, "fp.reviewer1": True,
                    "fp.unrelated": False, "ngo": False}
    assert [k for k, v in can_add.items() if v] == ["fp.reviewed"]


def test_a_reviewing_state_cannot_record_for_the_state_under_review(cast, cast_review, login):
    login(cast["fp.reviewer1"]).post(f"/dialogues/reviews/{cast_review.pk}/consulted/", {"name": "X", "kind": "ngo"})
    assert not ConsultedStakeholder.objects.exists()
