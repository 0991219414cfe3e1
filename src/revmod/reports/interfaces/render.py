"""One status report in one format and language: the bytes, their media type and a file name."""

from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _

from revmod.reports.domain.queries.status import status_report
from revmod.reports.interfaces.exporters import to_json, to_xlsx
from revmod.reports.interfaces.names import names_for
from revmod.reports.interfaces.tables import build_tables
from revmod.reports.interfaces.word import to_docx

FORMATS = {
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
DJANGO_LANGUAGE = {"zh": "zh-hans"}


@dataclass(frozen=True)
class Export:
    content: bytes
    content_type: str
    filename: str


def report_title() -> str:
    return _("Status of the country reviews of the Review Mechanism")


def export_status(as_of: date, *, fmt: str, language: str = "en") -> Export:
    """The status report as of `as_of`; table headings and names in `language` (one of the six)."""
    report = status_report(as_of)
    filename = f"revmod-status-{as_of.isoformat()}-{language}.{fmt}"
    if fmt == "json":
        return Export(to_json(report), FORMATS[fmt], filename)
    with translation.override(DJANGO_LANGUAGE.get(language, language)):
        tables = build_tables(report, names_for(report))
        rtl = translation.get_language_bidi()
        if fmt == "xlsx":
            content = to_xlsx(tables, title=report_title(), rtl=rtl)
        else:
            subtitle = _("As of %(day)s. Figures from revmod; no State is ranked.") % {"day": as_of.isoformat()}
            content = to_docx(tables, title=report_title(), subtitle=subtitle, rtl=rtl,
                              chart_label=_("Bar chart: %(title)s. The table above gives the same figures."))
    return Export(content, FORMATS[fmt], filename)
