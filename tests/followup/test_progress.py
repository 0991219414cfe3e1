"""The State under review reports what it has done on each record; the history is kept (P&R 44, 46)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from revmod.audit.models import AuditEntry
from revmod.core.errors import EditConflict, Refused
from revmod.followup.domain.progress import report_progress
from revmod.followup.domain.queries.records import history_of, records_visible_to
from revmod.followup.models import ProgressReport

pytestmark = pytest.mark.integration


def test_the_records_are_the_needs_recommendations_and_challenges_of_finalized_lists(cast, records):
    found = {item.text for item in records_visible_to(cast["secretariat"])}
    assert found == {records[k].text for k in ("need", "recommendation", "challenge", "secret need", "mexico need")}


def test_each_record_has_its_state_instrument_articles_and_cluster(cast, records, login):
    page = login(cast["fp.reviewed"]).get(f"/followup/records/{records['need'].pk}/").content.decode()
    assert "Ghana" in page and "Trafficking in Persons Protocol" in page
    assert "TIP 6" in page and "TIP 9" in page
    assert {a.cluster_id for a in records["need"].articles.all()} == {2}


def test_the_state_reports_need_met_by_whom_with_dates_and_the_history_is_kept(cast, records, login):
    need, client = records["need"], login(cast["expert.reviewed"])
    url = f"/followup/records/{need.pk}/"
    client.post(url, {"status": "partly_met", "as_of": "2024-06-01", "met_by": "UNODC", "progress": "Two trainings held.",
                      "seen_report": 0})
    first = ProgressReport.objects.get()
    client.post(url, {"status": "met", "as_of": "2024-09-30", "met_by": "UNODC and IOM", "progress": "All inspectors trained.",
                      "seen_report": first.pk})
    assert [(r.status, r.as_of, r.met_by, r.party_id) for r in history_of(need)] == [
        ("met", date(2024, 9, 30), "UNODC and IOM", "GHA"), ("partly_met", date(2024, 6, 1), "UNODC", "GHA")]
    page = login(cast["secretariat"]).get("/followup/?status=met").content.decode()
    assert "Training of labour inspectors" in page and "Criminalize attempt" not in page
    assert AuditEntry.objects.filter(action="followup.progress.reported", review=need.list.review).count() == 2


def test_progress_on_a_recommendation_has_its_own_statuses(cast, records):
    with pytest.raises(Refused, match="status from the list"):
        report_progress(records["recommendation"], actor=cast["fp.reviewed"], status="met", as_of=date(2024, 5, 1),
                        progress="Bill drafted")
    report = report_progress(records["recommendation"], actor=cast["fp.reviewed"], status="in_progress",
                             as_of=date(2024, 5, 1), progress="Bill drafted", met_by="ignored for a recommendation")
    assert (report.status, report.met_by) == ("in_progress", "")


@pytest.mark.parametrize("key, status, as_of, progress, message", [
    ("need", "met", "future", "Done", "cannot be in the future"),
    ("need", "met", date(2024, 3, 1), "Done", "before the list was finalized"),
    ("need", "met", date(2024, 5, 1), "   ", "Say what has been done"),
    ("practice", "met", date(2024, 5, 1), "Done", "Only the needs, recommendations and challenges"),
    ("draft need", "met", date(2024, 5, 1), "Done", "Only the needs, recommendations and challenges"),
])
def test_bad_reports_are_refused_with_a_clear_message_and_nothing_saved(cast, records, key, status, as_of, progress, message):
    as_of = timezone.localdate() + timedelta(days=1) if as_of == "future" else as_of
    actor = cast["fp.unrelated"] if key == "draft need" else cast["fp.reviewed"]
    with pytest.raises(Refused, match=message):
        report_progress(records[key], actor=actor, status=status, as_of=as_of, progress=progress)
    assert not ProgressReport.objects.exists()


def test_only_the_state_under_review_reports(cast, records):
    for key in ("observer.reviewed", "fp.reviewer1", "fp.unrelated", "secretariat"):
        with pytest.raises(Refused, match="focal point and experts"):
            report_progress(records["need"], actor=cast[key], status="met", as_of=date(2024, 5, 1), progress="Done")
    assert not ProgressReport.objects.exists()


def test_a_report_sent_after_someone_elses_is_not_saved_and_the_text_comes_back(cast, records, login):
    need = records["need"]
    report_progress(need, actor=cast["fp.reviewed"], status="not_met", as_of=date(2024, 5, 1), progress="Request sent to donors")
    with pytest.raises(EditConflict):
        report_progress(need, actor=cast["expert.reviewed"], status="met", as_of=date(2024, 6, 1), progress="Met", seen_report=0)
    response = login(cast["expert.reviewed"]).post(f"/followup/records/{need.pk}/", {
        "status": "met", "as_of": "2024-06-01", "progress": "My careful account of the training", "seen_report": 0})
    page = response.content.decode()
    assert "Someone reported on this record after you opened it" in page and "My careful account of the training" in page
    assert ProgressReport.objects.count() == 1


def test_the_secretariat_sees_how_many_records_stand_where(cast, records, login):
    report_progress(records["need"], actor=cast["fp.reviewed"], status="met", as_of=date(2024, 5, 1), progress="Done")
    page = login(cast["secretariat"]).get("/followup/").content.decode()
    assert "5 records." in page and "not reported yet: 4 · need met: 1" in page
