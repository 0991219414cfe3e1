"""The status report as a Word document: each figure's table and a bar chart, ready to paste.

Pillow is not installed, so the charts are not pictures: each is a small table whose bars are
runs of block characters, which Word keeps editable and which read right to left in Arabic.
"""

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.shared import Pt, RGBColor

from revmod.reports.interfaces.charts import PALETTE
from revmod.reports.interfaces.tables import Chart, Table

BAR_CELLS = 30  # the longest bar, in block characters
BLOCK = "\u2588"


def to_docx(tables: list[Table], *, title: str, subtitle: str, chart_label: str, rtl: bool = False) -> bytes:
    document = Document()
    _paragraph(document.add_heading(title, level=1), rtl)
    _paragraph(document.add_paragraph(subtitle), rtl)
    for table in tables:
        _paragraph(document.add_heading(table.title, level=2), rtl)
        source = document.add_paragraph()
        source.add_run(f"({table.source})").italic = True
        _paragraph(source, rtl)
        _table(document, table.headers, [[str(v) for v in row] for row in table.rows], rtl)
        if table.chart and table.rows:
            _paragraph(document.add_paragraph(chart_label), rtl)
            _chart(document, table.chart, rtl)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, headers: list[str], rows: list[list[str]], rtl: bool):
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, headers):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    for row in rows:
        for cell, text in zip(grid.add_row().cells, row):
            cell.text = text
    if rtl:
        grid._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        for paragraph in (p for r in grid.rows for c in r.cells for p in c.paragraphs):
            _paragraph(paragraph, rtl)
    return grid


def _chart(document, chart: Chart, rtl: bool) -> None:
    """One row per bar: its label, the bar, the value; series in the palette's colours."""
    grouped = len(chart.series) > 1
    grid = document.add_table(rows=0, cols=3)
    for label, values in chart.rows:
        for index, value in enumerate(values):
            cells = grid.add_row().cells
            cells[0].text = f"{label} · {chart.series[index]}" if grouped else str(label)
            run = cells[1].paragraphs[0].add_run(BLOCK * max(0, round(float(value) / chart.maximum * BAR_CELLS)))
            run.font.color.rgb = RGBColor.from_string(PALETTE[index % len(PALETTE)].lstrip("#").upper())
            run.font.size = Pt(8)
            cells[2].text = str(value)
    if rtl:
        grid._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        for paragraph in (p for r in grid.rows for c in r.cells for p in c.paragraphs):
            _paragraph(paragraph, rtl)


def _paragraph(paragraph, rtl: bool):
    """Mark a paragraph and its runs right to left when the language reads so."""
    if rtl:
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for run in paragraph.runs:
            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
    return paragraph

