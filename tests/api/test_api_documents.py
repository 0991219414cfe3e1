"""Documents over the API: reads are audited, saves never overwrite a colleague's newer version."""

import pytest

from revmod.audit.models import AuditEntry
from revmod.reviews.domain.steps import clear_output, step_of
from revmod.reviews.enums import StepKind
from tests.api.caller import Api
from tests.reviews.test_workflow import consult, write_all

pytestmark = pytest.mark.integration


@pytest.fixture
def api(client, cast):
    return Api(client, cast)


@pytest.fixture
def document(cast, cast_review):
    return step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ).documents.get(instrument="UNTOC")


def test_reading_a_document_gives_its_current_version_and_is_audited(api, cast, document):
    saved = api.put("expert.reviewed", f"/documents/{document.pk}", {"body": "Our law.", "base_version": 0})
    assert saved.status_code == 200
    read = api.get("fp.reviewer1", f"/documents/{document.pk}").json()
    assert read["number"] == 1 and read["body"] == "<p>Our law.</p>" and read["word_count"] == 2
    assert read["author"] == "Abena Owusu" and read["saved_at"] and read["can_edit"] is False
    assert AuditEntry.objects.filter(action="documents.document.read", actor=cast["fp.reviewer1"],
                                     target_id=str(document.pk)).count() == 1


def test_a_save_from_a_stale_version_answers_409_and_the_newer_text_is_intact(api, document):
    mine = api.put("expert.reviewed", f"/documents/{document.pk}", {"body": "<p>Mine</p>", "base_version": 0})
    assert mine.status_code == 200
    late = api.put("fp.reviewed", f"/documents/{document.pk}", {"body": "<p>Theirs</p>", "base_version": 0})
    assert late.status_code == 409
    assert late.json()["current_version"] == 1 and "newer version" in late.json()["detail"]
    current = api.get("fp.reviewed", f"/documents/{document.pk}").json()
    assert current["number"] == 1 and current["body"] == "<p>Mine</p>"
    history = api.get("fp.reviewed", f"/documents/{document.pk}/versions").json()
    assert [(v["number"], v["author"]) for v in history] == [(1, "Abena Owusu")]


def test_an_observer_cannot_save_and_outsiders_get_404(api, document):
    refused = api.put("observer.reviewed", f"/documents/{document.pk}", {"body": "x", "base_version": 0})
    assert refused.status_code == 400 and refused.json() == {"detail": "You cannot edit this document now."}
    for who in ("fp.unrelated", "ngo"):
        assert api.get(who, f"/documents/{document.pk}").status_code == 404, who
        assert api.get(who, f"/documents/{document.pk}/versions").status_code == 404, who
        assert api.put(who, f"/documents/{document.pk}", {"body": "x", "base_version": 0}).status_code == 404, who
    assert api.get("anonymous", f"/documents/{document.pk}").status_code == 401
    document.refresh_from_db()
    assert document.current_version == 0


def test_a_save_without_base_version_answers_422_and_saves_nothing(api, document):
    response = api.put("expert.reviewed", f"/documents/{document.pk}", {"body": "x"})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "base_version"
    document.refresh_from_db()
    assert document.current_version == 0


def test_submitted_answers_are_open_to_every_states_party_user(api, cast, document):
    """P&R 40: SAQ answers are available to all States parties once submitted."""
    assert api.get("fp.unrelated", f"/documents/{document.pk}").status_code == 404
    write_all(document.step, cast["expert.reviewed"])
    clear_output(document.step, actor=cast["fp.reviewed"])
    assert api.get("fp.unrelated", f"/documents/{document.pk}").status_code == 200
    assert api.get("ngo", f"/documents/{document.pk}").status_code == 404
