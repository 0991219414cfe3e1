"""The follow-up over the API: each sees the records of their own reviews, the State reports, nothing is overwritten."""


import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from revmod.audit.models import AuditEntry
from revmod.findings.enums import ItemKind
from revmod.followup.models import ProgressReport
from tests.api.caller import Api
from tests.followup.conftest import finalized_list, item

pytestmark = pytest.mark.integration

GHANA = ["Training of labour inspectors to identify victims", "Criminalize attempt to commit trafficking",
         "No data on prosecutions", "Case management software"]
MEXICO = ["Shelters for victims"]


@pytest.fixture
def api(client, cast):
    return Api(client, cast)


def texts(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["text"] for row in response.json()["items"]]


def report(api, who, record, headers=None, **changes):
    body = {"status": "partly_met", "as_of": "2024-06-01", "met_by": "UNODC", "progress": "Two trainings held.",
            "seen_report": 0, **changes}
    return api.post(who, f"/followup/records/{record.pk}/reports", body, **(headers or {}))


def test_each_member_of_the_cast_lists_exactly_the_records_of_their_reviews(api, records):
    expected = {"secretariat": GHANA + MEXICO, "fp.reviewed": GHANA, "observer.reviewed": GHANA,
                "expert.reviewer1": GHANA, "fp.reviewer2": GHANA, "fp.unrelated": MEXICO, "ngo": []}
    for who, wanted in expected.items():
        assert texts(api.get(who, "/followup/records")) == wanted, who
    assert api.get("anonymous", "/followup/records").status_code == 401


def test_a_record_gives_its_state_instrument_articles_and_clusters(api, records):
    record = api.get("fp.reviewer1", f"/followup/records/{records['need'].pk}").json()
    assert (record["party"], record["party_name"], record["instrument"], record["kind"]) == ("GHA", "Ghana", "TIP", "ta_need")
    assert [a["label"] for a in record["articles"]] == ["TIP 6", "TIP 9"] and record["clusters"] == [2]
    assert record["finalized_on"] == "2024-03-15" and record["status"] is None and record["history"] == []
    assert record["statuses"] == ["not_met", "partly_met", "met"] and record["latest_report"] == 0
    assert record["can_report"] is False  # a reviewing State reads, the State under review reports


def test_another_states_record_answers_404_like_one_that_does_not_exist(api, records):
    need = records["need"]
    for who in ("fp.unrelated", "ngo"):
        mine, missing = api.get(who, f"/followup/records/{need.pk}"), api.get(who, "/followup/records/987654321")
        assert (mine.status_code, mine.json()) == (missing.status_code, missing.json()) == (404, {"detail": "Not Found"})
        assert report(api, who, need).status_code == 404, who
    assert api.get("fp.reviewed", f"/followup/records/{records['practice'].pk}").status_code == 404  # not followed up
    assert api.get("fp.reviewed", f"/followup/records/{records['draft need'].pk}").status_code == 404  # not finalized
    assert not ProgressReport.objects.exists()


def test_a_report_sent_over_the_api_is_recorded_and_shown_on_the_record_page(api, cast, records, login):
    need = records["need"]
    sent = report(api, "expert.reviewed", need)
    assert sent.status_code == 201, sent.content
    assert sent.json()["status_label"] == "need partly met" and sent.json()["reported_by"] == "Abena Owusu"
    record = api.get("secretariat", f"/followup/records/{need.pk}").json()
    assert (record["status"], record["status_as_of"], record["latest_report"]) == ("partly_met", "2024-06-01", sent.json()["id"])
    assert [(r["status"], r["met_by"], r["progress"]) for r in record["history"]] == [
        ("partly_met", "UNODC", "Two trainings held.")]
    page = login(cast["fp.reviewer2"]).get(f"/followup/records/{need.pk}/").content.decode()
    assert "Two trainings held." in page and "need partly met" in page
    assert AuditEntry.objects.filter(action="followup.progress.reported", actor=cast["expert.reviewed"],
                                     review=need.list.review).count() == 1
    assert texts(api.get("secretariat", "/followup/records?status=partly_met")) == GHANA[:1]
    assert texts(api.get("secretariat", "/followup/records?status=not_reported&kind=ta_need")) == GHANA[3:] + MEXICO


def test_a_report_from_a_stale_view_answers_409_and_the_newer_report_is_kept(api, records):
    need = records["need"]
    first = report(api, "expert.reviewed", need).json()
    late = report(api, "fp.reviewed", need, status="met", progress="All trained.")
    assert late.status_code == 409
    assert late.json()["current_version"] == first["id"] and "reported on this record after you" in late.json()["detail"]
    assert list(ProgressReport.objects.values_list("progress", flat=True)) == ["Two trainings held."]
    again = report(api, "fp.reviewed", need, status="met", as_of="2024-09-30", progress="All trained.", seen_report=first["id"])
    assert again.status_code == 201
    history = api.get("fp.reviewed", f"/followup/records/{need.pk}").json()["history"]
    assert [r["progress"] for r in history] == ["All trained.", "Two trainings held."]


def test_a_report_the_rules_refuse_answers_400_with_the_reason_in_the_callers_language(api, records):
    need = records["need"]
    refused = report(api, "fp.reviewer1", need)
    assert refused.status_code == 400
    assert refused.json() == {"detail": "The State under review's focal point and experts report on its follow-up."}
    wrong = report(api, "fp.reviewed", records["recommendation"], {"Accept-Language": "fr"}, status="met")
    assert wrong.status_code == 400 and wrong.json() == {"detail": "Choisissez un statut dans la liste."}
    early = report(api, "fp.reviewed", need, as_of="2024-03-01")
    assert early.status_code == 400 and "before the list was finalized" in early.json()["detail"]
    assert not ProgressReport.objects.exists()


def test_reads_of_the_list_and_of_a_record_are_in_the_audit_trail(api, cast, records):
    api.get("fp.reviewer1", "/followup/records?party=gha&kind=ta_need")
    api.get("fp.reviewer1", f"/followup/records/{records['need'].pk}")
    entries = AuditEntry.objects.filter(actor=cast["fp.reviewer1"], action__startswith="followup.").order_by("id")
    assert [(e.action, e.target_id, e.data) for e in entries] == [
        ("followup.records.read", "", {"party": "gha", "kind": "ta_need"}),
        ("followup.record.read", str(records["need"].pk), {})]


def test_the_list_is_paged_counted_and_refuses_an_unknown_status(api, records):
    page = api.get("secretariat", "/followup/records?limit=2&offset=3").json()
    assert page["count"] == 5 and [row["text"] for row in page["items"]] == GHANA[3:] + MEXICO
    assert page["counts"] == [{"status": "not_reported", "label": "not reported yet", "count": 5}]
    assert api.get("secretariat", "/followup/records?status=finished").status_code == 422
    assert api.get("secretariat", "/followup/records?limit=0").status_code == 422


def test_the_list_makes_as_many_queries_for_one_record_as_for_three(api, cast, cast_review):
    tip = finalized_list(cast_review, "TIP")
    item(tip, ItemKind.TA_NEED, "One", 6)
    api.get("fp.reviewed", "/followup/records")  # the token, made once
    with CaptureQueriesContext(connection) as one:
        assert len(texts(api.get("fp.reviewed", "/followup/records"))) == 1
    item(tip, ItemKind.RECOMMENDATION, "Two", 5, 9)
    item(tip, ItemKind.CHALLENGE, "Three", 13)
    with CaptureQueriesContext(connection) as three:
        assert len(texts(api.get("fp.reviewed", "/followup/records"))) == 3
    assert len(three) == len(one)
