"""Geometry of the simple horizontal bar charts drawn as inline SVG on the report page.

No script and no inline style (the site's CSP forbids both): bars are SVG shapes with
presentation attributes. The table beside each chart carries the same figures for screen
readers, so the drawing is hidden from them.
"""

from dataclasses import dataclass

from revmod.reports.interfaces.tables import Chart

# Colours with at least 3:1 contrast on white, told apart without colour by the legend order.
PALETTE = ("#005a9c", "#b35900", "#1d6b2f", "#6a3d9a", "#a4000f", "#4a4a4a")
WIDTH, LABEL, VALUE, BAR, GAP, HEADING = 640, 190, 50, 14, 3, 20


@dataclass
class Shape:
    kind: str  # "rect" or "text"
    x: float
    y: float
    width: float = 0
    height: float = 0
    fill: str = "#1b1b1b"
    text: str = ""
    anchor: str = "start"


def layout(chart: Chart, *, rtl: bool = False) -> dict:
    """Shapes of a grouped bar chart, mirrored for right-to-left languages; with its legend."""
    area = WIDTH - LABEL - VALUE
    scale = area / chart.maximum
    shapes, y = [], 0.0
    grouped = len(chart.series) > 1
    for label, values in chart.rows:
        if grouped:
            shapes.append(_text(label, 4, y + HEADING - 6, rtl))
            y += HEADING
        for index, value in enumerate(values):
            width = max(float(value) * scale, 0)
            name = chart.series[index] if grouped else label
            shapes.append(_text(name, 12 if grouped else 4, y + BAR - 2, rtl))
            shapes.append(_rect(LABEL, y, width, PALETTE[index % len(PALETTE)], rtl))
            shapes.append(_text(_number(value), LABEL + width + 4, y + BAR - 2, rtl))
            y += BAR + GAP
        y += GAP * 2
    legend = [{"name": name, "fill": PALETTE[i % len(PALETTE)]} for i, name in enumerate(chart.series)] if grouped else []
    return {"width": WIDTH, "height": max(y, 1), "shapes": shapes, "legend": legend}


def _number(value) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _text(text: str, x: float, y: float, rtl: bool) -> Shape:
    return Shape("text", WIDTH - x if rtl else x, y, text=str(text)[:40], anchor="end" if rtl else "start")


def _rect(x: float, y: float, width: float, fill: str, rtl: bool) -> Shape:
    return Shape("rect", WIDTH - x - width if rtl else x, y, width=width, height=BAR, fill=fill)
