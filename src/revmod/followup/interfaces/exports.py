"""The technical assistance overview as XLSX (one sheet per grouping) and DOCX (one table per grouping) (P&R 44).

Both render the same `Overview` as the page, so the three cannot disagree; rows keep the
reference order of the page.
"""

import io

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml import OxmlElement
from openpyxl import Workbook
from openpyxl.styles import Font

from revmod.followup.domain.queries.overview import Overview
from revmod.followup.enums import Grouping, Progress
from revmod.followup.rules import NOT_REPORTED

STATUS_COLUMNS = (Progress.MET, Progress.PARTLY_MET, Progress.NOT_MET, NOT_REPORTED)


def headers(grouping: str) -> list[str]:
    return [str(Grouping(grouping).label).capitalize(), _("needs identified"), str(Progress.MET.label),
            str(Progress.PARTLY_MET.label), str(Progress.NOT_MET.label), _("not reported yet")]


def table_rows(overview: Overview, grouping: str) -> list[list]:
    return [[row.label, row.tally.identified, *(row.tally.count(s) for s in STATUS_COLUMNS)]
            for row in overview.groups[grouping]]


def period_label(overview: Overview) -> str:
    if overview.start is None:
        return _("Lists finalized up to %(end)s; needs as they stood on that day.") % {"end": date_format(overview.end)}
    return _("Lists finalized from %(start)s to %(end)s; needs as they stood on the last day.") % {
        "start": date_format(overview.start), "end": date_format(overview.end)}


def to_xlsx(overview: Overview, *, title: str, rtl: bool = False) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for grouping in Grouping.values:
        sheet = book.create_sheet(str(Grouping(grouping).label)[:31])
        sheet.sheet_view.rightToLeft = rtl
        sheet.append([title])
        sheet.append([period_label(overview)])
        sheet.append(headers(grouping))
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in table_rows(overview, grouping):
            sheet.append(row)
        sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_docx(overview: Overview, *, title: str, rtl: bool = False) -> bytes:
    document = Document()
    _bidi(document.add_heading(title, level=1), rtl)
    _bidi(document.add_paragraph(period_label(overview)), rtl)
    for grouping in Grouping.values:
        _bidi(document.add_heading(str(Grouping(grouping).label).capitalize(), level=2), rtl)
        grid = document.add_table(rows=1, cols=6)
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, headers(grouping), strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        for row in table_rows(overview, grouping):
            for cell, value in zip(grid.add_row().cells, row, strict=True):
                cell.text = str(value)
        if rtl:
            grid._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _bidi(paragraph, rtl: bool) -> None:
    if rtl:
        paragraph.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:bidi"))
