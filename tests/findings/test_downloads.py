"""'Submissions': DOCX and PDF laid out like a UN document, in six languages, through the access policy."""

import io
import re
import zlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document as Docx

from revmod.audit.models import AuditEntry
from revmod.documents.export import Submission, to_docx, to_pdf
from revmod.findings.domain.feedback import save_overview, submit_feedback
from revmod.findings.domain.observations import add_item, mark_confidential, open_lists, save_summary, submit_list, submit_summary
from revmod.findings.interfaces.rendering import list_html
from revmod.reference.models import Article
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.findings.conftest import clear_by_all

pytestmark = pytest.mark.integration


def pdf_fonts(data: bytes) -> set[str]:
    """The names of the fonts a PDF embeds (font dictionaries may sit in compressed object streams)."""
    blobs = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            blobs.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return {name.decode().split("+", 1)[-1] for name in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", b"".join(blobs))}


def sample(language, body):
    from datetime import date

    return Submission(symbol="CTOC/IRM/GHA/1/UNTOC/LO", title="T", state="Ghana", language=language,
                      dated_on=date(2026, 3, 2), body_html=body)


@pytest.mark.unit
def test_arabic_is_set_right_to_left_in_an_arabic_font_and_chinese_in_noto_cjk():
    arabic = to_pdf(sample("ar", "<h3>المادة ٥</h3><p>تجريم المشاركة في جماعة إجرامية منظمة.</p>"))
    chinese = to_pdf(sample("zh", "<h3>第五条</h3><p>参与有组织犯罪集团行为的刑事定罪。</p>"))
    assert arabic.startswith(b"%PDF-") and chinese.startswith(b"%PDF-")
    assert "Noto-Naskh-Arabic" in pdf_fonts(arabic)
    assert {"Noto-Sans-CJK-SC"} <= pdf_fonts(chinese)
    docx = Docx(io.BytesIO(to_docx(sample("ar", "<p>نص</p>"))))
    assert docx.paragraphs[-1]._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None


@pytest.mark.unit
def test_the_docx_has_the_un_header_and_the_bodys_headings_and_lists():
    docx = Docx(io.BytesIO(to_docx(sample("fr", "<h3>Article 5</h3><p>Texte <strong>gras</strong>.</p><ul><li>Point</li></ul>"))))
    lines = [(p.style.name, p.text) for p in docx.paragraphs]
    assert [text for _style, text in lines[:6]] == [
        "CTOC/IRM/GHA/1/UNTOC/LO", lines[1][1], "2 mars 2026", lines[3][1], "Ghana", "T"]
    assert lines[3][1].endswith("Français") and lines[5][0] == "Heading 1"
    assert ("Heading 2", "Article 5") in lines and ("List Bullet", "Point") in lines
    bold = [r.text for p in docx.paragraphs for r in p.runs if r.bold]
    assert bold == ["gras"]


@pytest.fixture
def submitted_feedback(cast, untoc_feedback):
    save_overview(untoc_feedback, text="Good progress on article 5.", base_version=0, actor=cast["expert.reviewer1"])
    return submit_feedback(untoc_feedback, actor=cast["fp.reviewer1"])


def test_submitted_feedback_downloads_for_the_reviews_participants_only(cast, login, client, submitted_feedback):
    url = f"/findings/feedback/{submitted_feedback.pk}/pdf/?lang=fr"
    seen = {}
    for key in ("secretariat", "fp.reviewed", "observer.reviewed", "expert.reviewer2", "fp.unrelated", "ngo"):
        client.logout()
        seen[key] = login(cast[key]).get(url).status_code
    assert seen == {"secretariat": 200, "fp.reviewed": 200, "observer.reviewed": 200, "expert.reviewer2": 200,
                    "fp.unrelated": 404, "ngo": 404}
    entries = AuditEntry.objects.filter(action="findings.submission.downloaded")
    assert entries.count() == 4 and {e.data["language"] for e in entries} == {"fr"}


def test_a_draft_and_an_unknown_format_are_not_downloads(cast, login, untoc_feedback):
    assert login(cast["fp.reviewer1"]).get(f"/findings/feedback/{untoc_feedback.pk}/pdf/").status_code == 404
    submit_feedback(save_overview(untoc_feedback, text="x", base_version=0, actor=cast["expert.reviewer1"]), actor=cast["fp.reviewer1"])
    assert login(cast["fp.reviewer1"]).get(f"/findings/feedback/{untoc_feedback.pk}/exe/").status_code == 404


def test_the_docx_download_is_the_submitted_feedback(cast, login, submitted_feedback):
    response = login(cast["expert.reviewed"]).get(f"/findings/feedback/{submitted_feedback.pk}/docx/?lang=en")
    assert response["Content-Disposition"] == 'attachment; filename="CTOC_IRM_GHA_1_UNTOC_FB_en.docx"'
    texts = [p.text for p in Docx(io.BytesIO(response.content)).paragraphs]
    assert texts[0] == "CTOC/IRM/GHA/1/UNTOC/FB" and "Good progress on article 5." in texts


@pytest.fixture
def finalized_list(cast, lists_phase):
    """A phase carried to the end, its UNTOC list with one confidential item (P&R 38-39)."""
    for observation_list in open_lists(lists_phase):
        articles = list(observation_list.instrument.articles.filter(cluster=1).values_list("pk", flat=True))[:1]
        add_item(observation_list, kind="challenge", text=f"Open gap {observation_list.instrument_id}.", article_ids=articles,
                 actor=cast["expert.reviewer1"])
        secret = add_item(observation_list, kind="ta_need", text="Secret need.", article_ids=articles, actor=cast["expert.reviewer1"])
        mark_confidential(secret, confidential=True, actor=cast["fp.reviewed"])
        submit_list(observation_list, actor=cast["fp.reviewer1"])
        save_summary(observation_list, text="Short summary.", base_version=0, actor=cast["expert.reviewer2"])
    clear_by_all(step_of(lists_phase, StepKind.OBSERVATIONS), cast, ["fp.reviewed", "fp.reviewer1", "fp.reviewer2"])
    submit_summary(lists_phase, actor=cast["expert.reviewer1"])
    clear_by_all(step_of(lists_phase, StepKind.SUMMARY), cast, ["fp.reviewed", "fp.reviewer1", "fp.reviewer2"])
    return lists_phase.observation_lists.get(instrument="UNTOC")


def test_the_working_group_version_goes_to_every_states_party_user_without_confidential_parts(cast, login, client, finalized_list):
    base = f"/findings/lists/{finalized_list.pk}"
    seen = {}
    for key in ("fp.reviewer1", "fp.unrelated", "ngo"):
        client.logout()
        page = login(cast[key])
        seen[key] = (page.get(f"{base}/review/docx/").status_code, page.get(f"{base}/working_group/docx/").status_code)
    assert seen == {"fp.reviewer1": (200, 200), "fp.unrelated": (404, 200), "ngo": (404, 404)}
    full = "\n".join(p.text for p in Docx(io.BytesIO(login(cast["fp.reviewer1"]).get(f"{base}/review/docx/").content)).paragraphs)
    public = "\n".join(p.text for p in Docx(io.BytesIO(login(cast["fp.unrelated"]).get(f"{base}/working_group/docx/").content)).paragraphs)
    assert "Secret need." in full and "Open gap UNTOC." in full
    assert "Secret need." not in public and "Open gap UNTOC." in public and "CTOC/IRM/GHA/1/UNTOC/LO/CRP" in public


def test_a_submitted_step_document_downloads_to_those_who_may_read_it_and_outsiders_get_404(cast, login, client, feedback_phase):
    saq = step_of(feedback_phase, StepKind.SAQ).documents.get(instrument="UNTOC")
    response = login(cast["expert.reviewer1"]).get(f"/findings/documents/{saq.pk}/pdf/?lang=zh")
    assert response.status_code == 200 and "Noto-Sans-CJK-SC" in pdf_fonts(response.content)
    draft = step_of(feedback_phase, StepKind.FEEDBACK).documents.get(instrument="UNTOC")
    assert login(cast["expert.reviewer1"]).get(f"/findings/documents/{draft.pk}/pdf/").status_code == 404
    client.logout()
    assert login(cast["ngo"]).get(f"/findings/documents/{saq.pk}/pdf/").status_code == 404
    client.logout()
    assert login(cast["fp.unrelated"]).get(f"/findings/documents/{saq.pk}/docx/").status_code == 200  # P&R 40


def _add_items(untoc_list, cast, n):
    article = Article.objects.get(instrument="UNTOC", number=5)
    for i in range(n):
        add_item(untoc_list, kind="challenge", text=f"Gap {i}.", article_ids=[article.pk], actor=cast["expert.reviewer1"])


def _queries(client, untoc_list) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as export:
        list_html(untoc_list)
    with CaptureQueriesContext(connection) as page:
        assert client.get(f"/findings/lists/{untoc_list.pk}/").status_code == 200
    return len(export), len(page)


def test_the_list_export_and_page_take_the_same_queries_for_1_and_3_items(cast, login, untoc_list):
    client = login(cast["expert.reviewer1"])
    _queries(client, untoc_list)  # warms the per-process caches (content types, session)
    _add_items(untoc_list, cast, 1)
    one = _queries(client, untoc_list)
    _add_items(untoc_list, cast, 2)
    assert _queries(client, untoc_list) == one


def test_the_feedback_export_and_page_take_the_same_queries_for_1_and_3_clarifications(cast, login, untoc_feedback):
    from revmod.findings.domain.feedback import ask_clarification
    from revmod.findings.interfaces.rendering import feedback_html

    client = login(cast["expert.reviewer2"])

    def queries():
        with CaptureQueriesContext(connection) as export:
            feedback_html(untoc_feedback)
        with CaptureQueriesContext(connection) as page:
            assert client.get(f"/findings/feedback/{untoc_feedback.pk}/").status_code == 200
        return len(export), len(page)

    queries()
    entries = list(untoc_feedback.entries.all())
    ask_clarification(entries[0], question="Q0?", actor=cast["expert.reviewer1"])
    one = queries()
    for i, entry in enumerate(entries[1:3], start=1):
        ask_clarification(entry, question=f"Q{i}?", actor=cast["expert.reviewer1"])
    assert queries() == one
