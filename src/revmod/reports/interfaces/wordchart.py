"""Native Word bar charts: a DrawingML chart part with its data as an embedded workbook.

A native chart, rather than a picture, because the secretariat pastes the figures into its
reports and edits them there: Word draws it in the document's own fonts and language, "Edit
data" opens the embedded workbook, and no image library is needed. The chart carries its
values in a cache too, so it shows even where the workbook is never opened.
"""

import io
from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Emu, Inches
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from revmod.reports.interfaces.charts import PALETTE
from revmod.reports.interfaces.tables import Chart

NAMESPACES = ('xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
WIDTH = Inches(6)
SHEET = "Sheet1"


def add_chart(document, chart: Chart, *, description: str, rtl: bool = False) -> None:
    """Append a paragraph holding the chart; `description` is its alternative text."""
    package = document.part.package
    number = sum(1 for p in package.iter_parts() if p.partname.startswith("/word/charts/")) + 1
    chart_part = Part(PackURI(f"/word/charts/chart{number}.xml"), CT.DML_CHART, b"", package)
    workbook = Part(PackURI(f"/word/embeddings/revmod-chart-{number}.xlsx"), CT.SML_SHEET, workbook_of(chart), package)
    chart_part._blob = chart_xml(chart, data_rel=chart_part.relate_to(workbook, RT.PACKAGE), rtl=rtl)
    rel = document.part.relate_to(chart_part, RT.CHART)
    bars = len(chart.rows) * len(chart.series)
    height = Emu(int(Inches(1.1) + Inches(0.24) * bars + (Inches(0.35) if len(chart.series) > 1 else 0)))
    document.add_paragraph().add_run()._r.append(parse_xml(_inline(rel, number, height, description)))


def workbook_of(chart: Chart) -> bytes:
    """The chart's data as the workbook Word opens with "Edit data": labels in A, one series a column."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(["", *chart.series])
    for label, values in chart.rows:
        sheet.append([str(label), *[float(v) for v in values]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def chart_xml(chart: Chart, *, data_rel: str, rtl: bool) -> bytes:
    """A clustered horizontal bar chart, categories top to bottom, mirrored for right-to-left."""
    last = len(chart.rows) + 1
    categories = "".join(f'<c:pt idx="{i}"><c:v>{escape(str(label))}</c:v></c:pt>' for i, (label, _) in enumerate(chart.rows))
    series = []
    for index, name in enumerate(chart.series):
        column = get_column_letter(index + 2)
        values = "".join(f'<c:pt idx="{i}"><c:v>{float(v[index]):g}</c:v></c:pt>' for i, (_, v) in enumerate(chart.rows))
        series.append(
            f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
            f'<c:tx><c:strRef><c:f>{SHEET}!${column}$1</c:f><c:strCache><c:ptCount val="1"/>'
            f'<c:pt idx="0"><c:v>{escape(str(name))}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{PALETTE[index % len(PALETTE)].lstrip("#").upper()}"/></a:solidFill></c:spPr>'
            '<c:invertIfNegative val="0"/>'
            '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
            '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
            f'<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${last}</c:f><c:strCache><c:ptCount val="{len(chart.rows)}"/>'
            f'{categories}</c:strCache></c:strRef></c:cat>'
            f'<c:val><c:numRef><c:f>{SHEET}!${column}$2:${column}${last}</c:f><c:numCache><c:formatCode>General</c:formatCode>'
            f'<c:ptCount val="{len(chart.rows)}"/>{values}</c:numCache></c:numRef></c:val></c:ser>')
    legend = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' if len(chart.series) > 1 else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace {NAMESPACES}>'
        '<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{"".join(series)}<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>'
        '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="{"r" if rtl else "l"}"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="{"maxMin" if rtl else "minMax"}"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="1001"/><c:crosses val="max"/><c:crossBetween val="between"/>{_unit(chart)}</c:valAx>'
        f'</c:plotArea>{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:externalData r:id="{data_rel}"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
    ).encode()


def _unit(chart: Chart) -> str:
    """Whole steps on the value axis when the counts are small (no "0.5 reviews")."""
    counts = all(float(v).is_integer() for _, values in chart.rows for v in values)
    return '<c:majorUnit val="1"/>' if counts and chart.maximum <= 10 else ""


def _inline(rel: str, number: int, height: int, description: str) -> str:
    return (
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<wp:extent cx="{int(WIDTH)}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + number}" name="Chart {number}" descr="{escape(description, {chr(34): "&quot;"})}"/>'
        '<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{rel}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
    )
