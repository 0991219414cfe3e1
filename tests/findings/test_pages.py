"""The findings pages: who sees them, edits that never overwrite a colleague's, bad input kept and explained."""

import pytest

from revmod.audit.models import AuditEntry
from revmod.findings.domain.feedback import ask_clarification, save_entry
from revmod.findings.domain.observations import add_item, add_section
from revmod.findings.models import ObservationItem
from revmod.reference.models import Article

pytestmark = pytest.mark.integration


def test_the_pages_answer_404_to_outsiders_and_record_every_read(cast, login, client, untoc_feedback, untoc_list):
    urls = [f"/findings/phases/{untoc_feedback.phase_id}/", f"/findings/feedback/{untoc_feedback.pk}/", f"/findings/lists/{untoc_list.pk}/"]
    seen = {}
    for key in ("secretariat", "observer.reviewed", "expert.reviewer1", "fp.unrelated", "ngo"):
        client.logout()
        page = login(cast[key])
        seen[key] = [page.get(url).status_code for url in urls]
    assert seen == {"secretariat": [200] * 3, "observer.reviewed": [200] * 3, "expert.reviewer1": [200] * 3,
                    "fp.unrelated": [404] * 3, "ngo": [404] * 3}
    client.logout()
    assert client.get(urls[1]).status_code == 302
    reads = AuditEntry.objects.filter(action__in=["findings.feedback.read", "findings.list.read"])
    assert sorted(e.actor.email for e in reads) == sorted(cast[k].email for k in ("secretariat", "observer.reviewed", "expert.reviewer1") for _ in (1, 2))


def test_a_late_save_shows_both_texts_and_keeps_the_users_text(cast, login, untoc_feedback):
    entry = untoc_feedback.entries.get(article__number=5)
    save_entry(entry, text="Kenya wrote this.", answer_ids=[], base_version=0, actor=cast["expert.reviewer1"])
    page = login(cast["expert.reviewer2"]).post(f"/findings/entries/{entry.pk}/", {"text": "Norway's late text", "base_version": 0})
    html = page.content.decode()
    assert page.status_code == 409
    assert "Someone saved a newer version" in html and "Kenya wrote this." in html and "Norway&#x27;s late text" in html
    assert 'name="base_version" value="1"' in html
    entry.refresh_from_db()
    assert entry.text == "<p>Kenya wrote this.</p>"


def test_the_state_under_review_answers_a_clarification_on_the_page(cast, login, untoc_feedback):
    question = ask_clarification(untoc_feedback.entries.get(article__number=6), question="Which court?", actor=cast["expert.reviewer1"])
    response = login(cast["fp.reviewed"]).post(f"/findings/clarifications/{question.pk}/answer/", {"answer": "The High Court."})
    assert response.status_code == 302
    page = login(cast["expert.reviewer2"]).get(f"/findings/feedback/{untoc_feedback.pk}/").content.decode()
    assert "Which court?" in page and "The High Court." in page


def test_an_over_long_summary_is_refused_with_the_count_and_the_text_kept(cast, login, untoc_list):
    page = login(cast["expert.reviewer1"]).post(f"/findings/lists/{untoc_list.pk}/summary/", {"text": "字" * 5002, "base_version": 0})
    html = page.content.decode()
    assert page.status_code == 400
    assert "The summary has 5002 words; at most 5000 are allowed. Shorten it by 2 words." in html and "字" * 5002 in html
    untoc_list.refresh_from_db()
    assert untoc_list.summary == ""


def test_only_the_state_under_review_is_offered_and_allowed_to_keep_parts_confidential(cast, login, client, untoc_list):
    article = Article.objects.get(instrument="UNTOC", number=5)
    section = add_section(untoc_list, article_ids=[article.pk], text="Section.", actor=cast["expert.reviewer1"])
    item = add_item(untoc_list, section=section, kind="challenge", text="Gap.", actor=cast["expert.reviewer1"])
    assert "Keep confidential" not in login(cast["expert.reviewer1"]).get(f"/findings/lists/{untoc_list.pk}/").content.decode()
    login(cast["expert.reviewer1"]).post(f"/findings/parts/item/{item.pk}/confidential/", {"confidential": "1"})
    assert not ObservationItem.objects.get(pk=item.pk).confidential
    client.logout()
    page = login(cast["expert.reviewed"])
    assert "Keep confidential" in page.get(f"/findings/lists/{untoc_list.pk}/").content.decode()
    page.post(f"/findings/parts/item/{item.pk}/confidential/", {"confidential": "1"})
    assert ObservationItem.objects.get(pk=item.pk).confidential
    assert page.post(f"/findings/parts/other/{item.pk}/confidential/", {"confidential": "1"}).status_code == 404


def test_items_are_added_on_the_page_and_bad_ones_explained(cast, login, untoc_list):
    article = Article.objects.get(instrument="UNTOC", number=23)
    page = login(cast["expert.reviewer2"])
    page.post(f"/findings/lists/{untoc_list.pk}/items/", {"kind": "good_practice", "text": "Witness protection unit.", "articles": [article.pk]})
    response = page.post(f"/findings/lists/{untoc_list.pk}/items/", {"kind": "good_practice", "text": "No article.", "articles": ["x"]}, follow=True)
    assert "Choose one or more articles of this instrument." in response.content.decode()
    assert list(untoc_list.items.values_list("text", flat=True)) == ["<p>Witness protection unit.</p>"]


def test_the_phase_page_offers_downloads_of_what_is_submitted_only(cast, login, untoc_feedback):
    from revmod.findings.domain.feedback import save_overview, submit_feedback

    page = login(cast["observer.reviewed"])
    html = page.get(f"/findings/phases/{untoc_feedback.phase_id}/").content.decode()
    saq = untoc_feedback.phase.steps.get(kind="saq").documents.get(instrument="UNTOC")
    assert f'action="/findings/documents/{saq.pk}/pdf/"' in html
    assert f'action="/findings/feedback/{untoc_feedback.pk}/pdf/"' not in html
    submit_feedback(save_overview(untoc_feedback, text="x", base_version=0, actor=cast["expert.reviewer1"]), actor=cast["fp.reviewer1"])
    html = page.get(f"/findings/phases/{untoc_feedback.phase_id}/").content.decode()
    assert f'action="/findings/feedback/{untoc_feedback.pk}/pdf/"' in html
    assert f'formaction="/findings/feedback/{untoc_feedback.pk}/docx/"' in html


@pytest.mark.unit
@pytest.mark.parametrize(("body", "shown"), [
    ("<p>One &amp; two<br>three</p><p>Four</p>", "One & two\nthree\n\nFour"),
    ("<p>Bold <strong>x</strong></p>", "<p>Bold <strong>x</strong></p>"),
    ("", ""),
])
def test_simple_rich_text_is_edited_as_the_plain_text_it_was_typed_as(body, shown):
    from revmod.findings.templatetags.findings_tags import editable

    assert editable(body) == shown


def test_a_tampered_form_is_a_conflict_not_an_error(cast, login, untoc_list):
    page = login(cast["expert.reviewer1"]).post(f"/findings/lists/{untoc_list.pk}/summary/", {"text": "Short.", "base_version": "x"})
    assert page.status_code == 409 and "Someone saved a newer version" in page.content.decode()
    assert login(cast["expert.reviewer1"]).post(f"/findings/parts/item/{10**9}/", {"text": "x"}).status_code == 404
