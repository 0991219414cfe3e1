"""The status report as JSON (the figures as they are) and as XLSX (its tables, with bar charts)."""

import io
import json

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from revmod.reports.interfaces.tables import Percent, Table


def to_json(report: dict) -> bytes:
    """The figures with the keys documented in docs/reports.md."""
    return json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8")


def to_xlsx(tables: list[Table], *, title: str, rtl: bool = False) -> bytes:
    """One sheet per table (title, source, the table, a native bar chart where there is one)."""
    book = Workbook()
    book.remove(book.active)
    for number, table in enumerate(tables, start=1):
        sheet = book.create_sheet(f"{number:02d} {table.key}"[:31])
        sheet.sheet_view.rightToLeft = rtl
        sheet.append([title])
        sheet.append([table.title])
        sheet.append([table.source])
        sheet["A2"].font = Font(bold=True, size=12)
        sheet.append(table.headers)
        for cell in sheet[4]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
            for cell, value in zip(sheet[sheet.max_row], row, strict=False):
                if isinstance(value, Percent):
                    cell.number_format = "0.0%"
        sheet.column_dimensions["A"].width = 48
        for index in range(2, len(table.headers) + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 16
        if table.chart and table.rows:
            _chart(sheet, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value):
    if isinstance(value, Percent):
        return float(value)
    return value if isinstance(value, (int, float)) else str(value)


def _chart(sheet, table: Table) -> None:
    """A bar chart over the charted columns of the rows just written (header on row 4)."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = table.title
    chart.height = max(6, 1.2 * len(table.chart.rows) * max(1, len(table.chart.series)) ** 0.5)
    first, last = 5, 4 + len(table.chart.rows)
    data = Reference(sheet, min_col=2, max_col=1 + len(table.chart.series), min_row=4, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    sheet.add_chart(chart, f"{get_column_letter(len(table.headers) + 2)}4")


def saq_to_xlsx(figures, *, title: str, headers: list[str], option_label, rtl: bool = False) -> bytes:
    """The SAQ statistics as one sheet: a row per question in questionnaire order, counts only."""
    book = Workbook()
    sheet = book.active
    sheet.title = "SAQ"
    sheet.sheet_view.rightToLeft = rtl
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for item in figures:
        options = "; ".join(f"{option_label(code)}: {count}" for code, count in item.options.items())
        sheet.append([item.question.label, item.question.text, item.applied, item.answered, options])
    for column, width in zip("ABCDE", (10, 80, 12, 12, 40), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
