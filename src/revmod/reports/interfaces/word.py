"""The status report as a Word document: each figure's table and its native chart, ready to paste.

The charts are Word charts (`wordchart.py`), editable where they are pasted; the table above
each one carries the same figures, and the chart's alternative text says so.
"""

import io

from docx import Document
from docx.oxml import OxmlElement

from revmod.reports.interfaces.tables import Table
from revmod.reports.interfaces.wordchart import add_chart


def to_docx(tables: list[Table], *, title: str, subtitle: str, chart_label: str, rtl: bool = False) -> bytes:
    """`chart_label` is a sentence with a %(title)s placeholder: the chart's alternative text."""
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
            add_chart(document, table.chart, description=chart_label % {"title": table.title}, rtl=rtl)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, headers: list[str], rows: list[list[str]], rtl: bool):
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    for row in rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text
    if rtl:
        grid._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        for paragraph in (p for r in grid.rows for c in r.cells for p in c.paragraphs):
            _paragraph(paragraph, rtl)
    return grid


def _paragraph(paragraph, rtl: bool):
    """Mark a paragraph and its runs right to left when the language reads so."""
    if rtl:
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for run in paragraph.runs:
            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
    return paragraph
