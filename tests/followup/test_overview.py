"""The technical assistance overview: needs of a period by instrument, cluster, article and regional group, met or not (P&R 44)."""

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from revmod.findings.enums import ItemKind
from revmod.followup.domain.progress import report_progress
from revmod.followup.domain.queries.overview import ta_overview
from revmod.followup.enums import Grouping
from tests.followup.conftest import finalized_list, item

pytestmark = pytest.mark.integration


def figures(overview, grouping):
    """{label: (identified, met, partly met, not met, not reported)} of the rows with needs."""
    return {row.label: (row.tally.identified, row.tally.count("met"), row.tally.count("partly_met"),
                        row.tally.count("not_met"), row.tally.count("not_reported"))
            for row in overview.groups[grouping] if row.tally.identified}


def test_needs_are_grouped_and_counted_as_they_stood_at_the_end_of_the_period(cast, records):
    first = report_progress(records["need"], actor=cast["fp.reviewed"], status="partly_met", as_of=date(2024, 6, 1),
                            progress="Started")
    report_progress(records["need"], actor=cast["fp.reviewed"], status="met", as_of=date(2024, 12, 1), progress="Done",
                    seen_report=first.pk)
    overview = ta_overview(start=date(2024, 1, 1), end=date(2024, 11, 30))
    assert overview.total.identified == 2  # Ghana's and Mexico's; not the confidential one, nor the draft's
    assert figures(overview, Grouping.INSTRUMENT) == {"Trafficking in Persons Protocol": (2, 0, 1, 0, 1)}
    assert figures(overview, Grouping.ARTICLE) == {"Trafficking in Persons Protocol, article 6": (2, 0, 1, 0, 1),
                                                    "Trafficking in Persons Protocol, article 9": (1, 0, 1, 0, 0)}
    assert [row.tally.identified for row in overview.groups[Grouping.CLUSTER]] == [0, 2, 0, 0]
    regions = figures(overview, Grouping.REGIONAL_GROUP)
    assert sorted(regions.values()) == [(1, 0, 0, 0, 1), (1, 0, 1, 0, 0)]  # Latin America; Africa
    later = ta_overview(end=date(2024, 12, 31))
    assert figures(later, Grouping.INSTRUMENT) == {"Trafficking in Persons Protocol": (2, 1, 0, 0, 1)}


def test_the_period_selects_lists_by_the_day_they_were_finalized(cast, records):
    assert ta_overview(start=date(2024, 3, 15), end=date(2024, 3, 15)).total.identified == 1
    assert ta_overview(start=date(2024, 3, 16), end=date(2024, 9, 30)).total.identified == 0
    assert ta_overview(end=date(2024, 3, 14)).total.identified == 0


def test_rows_keep_the_reference_order_never_an_order_by_figures(cast, cast_review):
    som = finalized_list(cast_review, "SOM")
    for number in range(3):
        item(som, ItemKind.TA_NEED, f"need {number}", 9)
    item(finalized_list(cast_review, "UNTOC"), ItemKind.TA_NEED, "one need", 29)
    overview = ta_overview(end=date(2024, 12, 31))
    assert [row.key for row in overview.groups[Grouping.INSTRUMENT]] == ["UNTOC", "TIP", "SOM", "FIR"]
    assert [row.label for row in overview.groups[Grouping.ARTICLE]] == [
        "Convention (UNTOC), article 29", "Smuggling of Migrants Protocol, article 9"]


def test_the_page_and_its_xlsx_and_docx_exports_agree(cast, records, login):
    client = login(cast["fp.unrelated"])
    page = client.get("/followup/technical-assistance/?end=2024-12-31").content.decode()
    assert "2 needs identified." in page
    book = load_workbook(io.BytesIO(client.get("/followup/technical-assistance/?end=2024-12-31&format=xlsx").content))
    sheet = book["instrument"]
    assert [c.value for c in sheet[4]] == ["Convention (UNTOC)", 0, 0, 0, 0, 0]
    assert [c.value for c in sheet[5]] == ["Trafficking in Persons Protocol", 2, 0, 0, 0, 2]
    document = Document(io.BytesIO(client.get("/followup/technical-assistance/?end=2024-12-31&format=docx").content))
    cells = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert cells[2] == ["Trafficking in Persons Protocol", "2", "0", "0", "0", "2"]


def test_a_period_that_ends_before_it_starts_is_refused_clearly(cast, records, login):
    page = login(cast["secretariat"]).get("/followup/technical-assistance/?start=2024-12-01&end=2024-01-01").content.decode()
    assert "must not be after its end" in page and "needs identified." not in page


def test_the_exports_read_right_to_left_in_arabic(cast, records, login, settings):
    client = login(cast["secretariat"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.get("/followup/technical-assistance/?format=xlsx")
    assert response["Content-Disposition"].endswith('-ar.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == 4 and all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
