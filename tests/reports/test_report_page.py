"""The secretariat's report page, its downloads and `revmod report`: who sees them, what they hold."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document as WordDocument
from lxml import etree
from openpyxl import load_workbook

from revmod.audit.models import AuditEntry
from revmod.reports.domain.queries.status import status_report
from tests.conftest import make_review

pytestmark = pytest.mark.integration

URLS = ("/reports/", "/reports/status.json", "/reports/status.xlsx", "/reports/status.docx")


def test_report_and_downloads_are_404_for_everyone_but_the_secretariat(cast, login, client):
    for key, person in cast.items():
        if key == "secretariat":
            continue
        client.logout()
        if key != "anonymous":
            login(person)
        for url in URLS:
            assert client.get(url).status_code == 404, (key, url)
    assert not AuditEntry.objects.filter(action="reports.status.exported").exists()


def test_secretariat_sees_every_figure_with_its_chart(cast, login):
    page = login(cast["secretariat"]).get("/reports/?as_of=2024-05-21").content.decode()
    for title in ("Figure 1.", "Figure 2.", "Figure 3.", "Figure 4.", "Figure 5.", "Figure 6.", "Figure 7.",
                  "The 70% rule, by group", "Status 2024 para 23, figure 2"):
        assert title in page, title
    # 17 tables, 10 with a chart; the institutions' is empty on that date (the cast was approved today)
    assert page.count("<table>") == 17 and page.count("<svg viewBox") == 9
    assert "<script" not in page and "style=" not in page  # the CSP forbids both
    assert "Ghana" not in page  # no State named beside its progress (P&R 4-5)


def test_a_date_that_is_not_one_is_told_and_nothing_is_exported(cast, login):
    client = login(cast["secretariat"])
    page = client.get("/reports/?as_of=2024-02-30").content.decode()
    assert 'role="alert"' in page and "Enter a valid date." in page
    response = client.get("/reports/status.docx?as_of=2024-02-30", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400 and "Saisissez une date valide." in response.content.decode()
    assert not AuditEntry.objects.filter(action="reports.status.exported").exists()


def test_report_page_is_right_to_left_in_arabic(cast, login):
    page = login(cast["secretariat"]).get("/reports/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in page and 'text-anchor="end"' in page


def test_json_download_is_the_report_as_of_the_date_and_is_audited(cast, login):
    response = login(cast["secretariat"]).get("/reports/status.json?as_of=2021-12-31")
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == status_report(date(2021, 12, 31))
    entry = AuditEntry.objects.get(action="reports.status.exported")
    assert entry.actor == cast["secretariat"]
    assert entry.data == {"as_of": "2021-12-31", "format": "json", "language": "en"}


def test_xlsx_has_a_sheet_and_a_chart_per_figure(cast, login):
    response = login(cast["secretariat"]).get("/reports/status.xlsx?as_of=2024-05-21", HTTP_ACCEPT_LANGUAGE="fr")
    book = load_workbook(io.BytesIO(response.content))
    figure_2 = book["09 figure_2"]
    assert [c.value for c in figure_2[5]][1:7] == [2, 0, 0, 0, 0, 2]  # Ghana and Mexico, not started
    assert len(figure_2._charts) == 1
    assert len(book.sheetnames) == 17


def test_docx_has_the_tables_and_native_charts_and_reads_right_to_left_in_arabic(cast, login):
    response = login(cast["secretariat"]).get("/reports/status.docx?as_of=2024-05-21", HTTP_ACCEPT_LANGUAGE="ar")
    document = WordDocument(io.BytesIO(response.content))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(headings) == 17 and len(document.tables) == 17
    assert all("<w:bidi/>" in p._p.xml for p in headings)
    assert "(Status 2024 para 23, figure 2)" in [p.text for p in document.paragraphs]
    charts = [rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/chart")]
    assert len(charts) == 9  # one Word chart per table with a chart and data on that date
    assert len(document.inline_shapes) == 9
    assert all(b'<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="maxMin"/>' in c.blob for c in charts)


def test_docx_chart_holds_the_figure_and_its_editable_data(cast, login):
    """Figure 2 as a Word chart: one series per status, one bar per group, the data in a workbook."""
    response = login(cast["secretariat"]).get("/reports/status.docx?as_of=2024-05-21")
    document = WordDocument(io.BytesIO(response.content))
    charts = [rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/chart")]
    figure_2 = next(c for c in charts if b"self-assessment questionnaire" in c.blob and b"completed" in c.blob)
    xml = etree.fromstring(figure_2.blob)
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    series = xml.findall(".//c:ser", ns)
    assert [s.findtext("c:tx//c:v", namespaces=ns) for s in series] == [
        "not started", "self-assessment questionnaire", "written feedback", "list of observations", "completed"]
    assert [v.text for v in series[0].findall("c:val//c:v", ns)] == ["2", "0", "0"]  # Ghana and Mexico, group 1
    assert xml.find(".//c:valAx/c:scaling/c:orientation", ns).get("val") == "minMax"
    workbook = load_workbook(io.BytesIO(next(iter(figure_2.related_parts.values())).blob))
    assert [c.value for c in workbook.active[2]] == ["Group 1", 2, 0, 0, 0, 0]
    descriptions = [s._inline.docPr.get("descr") for s in document.inline_shapes]
    assert "Bar chart: Figure 2. Status of country reviews, by group. The table above gives the same figures." in descriptions


def test_report_command_writes_each_format(cast, tmp_path):
    out = io.StringIO()
    call_command("report", "status", "--as-of", "2021-12-31", "--format", "json", "--out", str(tmp_path / "r.json"),
                 stdout=out)
    assert json.loads((tmp_path / "r.json").read_text()) == status_report(date(2021, 12, 31))
    for fmt, language in (("xlsx", "ru"), ("docx", "zh")):
        target = tmp_path / f"r.{fmt}"
        call_command("report", "status", "--as-of", "2024-05-21", "--format", fmt, "--language", language,
                     "--out", str(target), stdout=out)
        assert target.stat().st_size > 5000
    assert AuditEntry.objects.filter(action="reports.status.exported", actor=None).count() == 3


def test_page_and_downloads_take_the_same_queries_at_one_and_three_reviews(cast, login, groups):
    client = login(cast["secretariat"])

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)
    urls = ("/reports/?as_of=2024-05-21", "/reports/status.xlsx", "/reports/status.docx")
    client.get(urls[0])  # the session's first request saves it once
    before = [count(url) for url in urls]
    make_review("ARG", group=groups[2], same="BRA", other="ESP")
    make_review("CHL", group=groups[3], same="URY", other="ITA")
    assert [count(url) for url in urls] == before
