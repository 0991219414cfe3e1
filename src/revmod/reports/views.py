"""The secretariat's status report page and its downloads; everyone else gets 404 (STYLE 7)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, get_language_bidi

from revmod.core.i18n import short_language
from revmod.reports.domain.queries.status import status_report
from revmod.reports.interfaces.charts import layout
from revmod.reports.interfaces.forms import AsOfForm
from revmod.reports.interfaces.names import names_for
from revmod.reports.interfaces.render import FORMATS, export_status, report_title
from revmod.reports.interfaces.tables import build_tables
from revmod.reviews import policy


def _secretariat_only(request) -> None:
    """The report is the secretariat's (Status 2024 para 54); to others it does not exist."""
    if not policy.is_secretariat(request.user):
        raise Http404


def status(request):
    _secretariat_only(request)
    form = AsOfForm(request.GET or None)
    as_of = form.day()
    report = status_report(as_of)
    rtl = get_language_bidi()
    tables = [{"table": t, "chart": layout(t.chart, rtl=rtl) if t.chart and t.rows else None}
              for t in build_tables(report, names_for(report))]
    return render(request, "reports/status.html", {
        "form": form, "as_of": as_of, "tables": tables, "title": report_title(),
        "formats": list(FORMATS),
    })


def status_export(request, fmt: str):
    _secretariat_only(request)
    if fmt not in FORMATS:
        raise Http404
    export = export_status(AsOfForm(request.GET or None).day(), fmt=fmt, language=short_language(get_language()))
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response
