"""The signed-in pages do what their buttons say: objecting, the Bureau's decision, documents, cancelling (P&R 53)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from revmod.dialogues.models import BackgroundDocument, Decision, Objection

pytestmark = pytest.mark.integration


def test_a_focal_point_objects_on_the_list_and_the_secretariat_records_the_bureaus_decision(
        cast, list_sent, applicants, login, client, today):
    ngo = applicants["ngo"]
    url = f"/dialogues/{list_sent.pk}/applicants/"
    page = login(cast["fp.reviewer2"]).get(url).content.decode()
    assert page.count("Record the objection") == 3
    response = client.post(f"/dialogues/applications/{ngo.pk}/object/", {"party": "NOR", "reason": "Not an NGO in fact."}, follow=True)
    assert "objection to Zenith Anti-Trafficking Network is recorded" in response.content.decode()
    assert list(Objection.objects.values_list("party", flat=True)) == ["NOR"]
    client.logout()
    page = login(cast["secretariat"]).get(url).content.decode()
    assert "objection: before the Bureau" in page and "Not an NGO in fact." in page
    client.post(f"/dialogues/applications/{ngo.pk}/bureau/", {"outcome": "not_admitted", "decided_on": today.isoformat(),
                                                              "reason": "The Bureau upheld the objection."})
    assert Decision.objects.get(application=ngo).reason == "The Bureau upheld the objection."


def test_the_secretariat_adds_a_background_document_that_everyone_can_download(cast, dialogue, login, client):
    pdf = SimpleUploadedFile("agenda-fr.pdf", b"%PDF-1.7 ordre du jour", content_type="application/pdf")
    login(cast["secretariat"]).post(f"/dialogues/{dialogue.pk}/documents/add/", {"language": "fr", "title": "Ordre du jour", "file": pdf})
    client.logout()
    document = BackgroundDocument.objects.get()
    assert "Ordre du jour" in client.get(f"/dialogues/{dialogue.pk}/").content.decode()
    download = client.get(f"/dialogues/{dialogue.pk}/documents/{document.pk}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.7 ordre du jour"


def test_cancelling_before_applications_close_shows_why_it_is_refused(cast, dialogue, login):
    response = login(cast["secretariat"]).post(f"/dialogues/{dialogue.pk}/cancel/", {"reason": "Too few."}, follow=True)
    assert "The chair may cancel only after applications close" in response.content.decode()
    dialogue.refresh_from_db()
    assert dialogue.cancelled_at is None and dialogue.stage(dialogue.held_on - timedelta(days=20)) == "open"


def test_the_dialogues_page_offers_the_secretariat_only_the_acts_open_now(cast, dialogue, login):
    page = login(cast["secretariat"]).get(f"/dialogues/{dialogue.pk}/").content.decode()
    assert "Add a background document" in page
    assert not any(act in page for act in ("Send the list to States", "Admit applicants", "Cancel for the chair", "Chair's summary"))


def test_a_long_list_of_applicants_comes_in_pages_that_keep_the_csv_whole(cast, list_sent, applicants, login, monkeypatch):
    """A list of 2,000 applicants would weigh half a megabyte: pages stay light on a slow line, and
    the CSV still holds every applicant."""
    from revmod.dialogues.views import manage

    monkeypatch.setattr(manage, "APPLICANTS_PER_PAGE", 2)
    client = login(cast["secretariat"])
    url = f"/dialogues/{list_sent.pk}/applicants/"
    first, second = client.get(url).content.decode(), client.get(f"{url}?page=2").content.decode()
    names = [a.organisation.name for a in applicants.values()]
    on_first, on_second = [n for n in names if n in first], [n for n in names if n in second]
    assert len(on_first) == 2 and len(on_second) == len(names) - 2 and not set(on_first) & set(on_second)
    assert f"{len(names)} applicants" in first and "Page 1 of 2" in first and "page=2" in first
    assert len(client.get(f"{url}?format=csv").content.decode().strip().splitlines()) == len(names) + 1
