"""The secretariat's status report, its downloads and the SAQ statistics; to others they do not exist (STYLE 7)."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from revmod.core.i18n import localized, short_language
from revmod.questionnaires.answers import OPTION_LABELS, readable
from revmod.questionnaires.models import Question, QuestionnaireDefinition
from revmod.reference.models import Party
from revmod.reports.domain.audit import record_answers_read, record_export
from revmod.reports.domain.queries.saq import Filters, answers_to, saq_statistics
from revmod.reports.domain.queries.status import status_report
from revmod.reports.interfaces.charts import layout
from revmod.reports.interfaces.exporters import saq_to_xlsx
from revmod.reports.interfaces.forms import AsOfForm, SaqFilterForm
from revmod.reports.interfaces.names import names_for
from revmod.reports.interfaces.render import FORMATS, export_status, report_title
from revmod.reports.interfaces.tables import build_tables
from revmod.reviews import policy


def _secretariat_only(request) -> None:
    """The reports are the secretariat's (Status 2024 para 54); to others they do not exist."""
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
    """A download of the report; every one is in the audit trail."""
    _secretariat_only(request)
    if fmt not in FORMATS:
        raise Http404
    form = AsOfForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(" ".join(form.errors["as_of"]), content_type="text/plain; charset=utf-8")
    as_of, language = form.day(), short_language(get_language())
    export = export_status(as_of, fmt=fmt, language=language)
    record_export("status", actor=request.user, request=request,
                  data={"as_of": as_of.isoformat(), "format": fmt, "language": language})
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


def _saq_filters(request) -> SaqFilterForm:
    """The filters asked for; the first questionnaire with no filter when nothing was asked."""
    data = request.GET.copy()
    if not data.get("questionnaire"):
        first = QuestionnaireDefinition.objects.values_list("pk", flat=True).first()
        data["questionnaire"] = "" if first is None else str(first)
    return SaqFilterForm(data)


def _filters_of(form: SaqFilterForm) -> Filters:
    return Filters(group=form.cleaned_data["group"], region=getattr(form.cleaned_data["region"], "pk", None))


def _bad_filters(form: SaqFilterForm) -> HttpResponseBadRequest:
    """A filter that is not one (a hand-edited address): said in the user's language, nothing shown."""
    return HttpResponseBadRequest(" ".join(e for errors in form.errors.values() for e in errors),
                                  content_type="text/plain; charset=utf-8")


def option_label(code: str, language: str) -> str:
    return localized(OPTION_LABELS.get(code), language) or code


def saq(request):
    """Per question, how the States answered: counts in questionnaire order, no State named."""
    _secretariat_only(request)
    form = _saq_filters(request)
    context = {"form": form, "figures": None}
    if form.is_valid():
        states, figures = saq_statistics(form.cleaned_data["questionnaire"], _filters_of(form))
        language = short_language(get_language())
        for item in figures:
            item.shown_options = [(option_label(code, language), count, f"{count / item.applied:.0%}" if item.applied else "")
                                  for code, count in item.options.items()]
        context.update(states=states, figures=figures, query=request.GET.urlencode(),
                       definition=form.cleaned_data["questionnaire"])
    return render(request, "reports/saq.html", context)


def saq_export(request):
    """The statistics as a workbook (counts only, no State named); every download is audited."""
    _secretariat_only(request)
    form = _saq_filters(request)
    if not form.is_valid():
        return _bad_filters(form)
    definition, language = form.cleaned_data["questionnaire"], short_language(get_language())
    filters = _filters_of(form)
    states, figures = saq_statistics(definition, filters)
    title = _("%(questionnaire)s: answers submitted by %(states)s States") % {"questionnaire": definition, "states": states}
    content = saq_to_xlsx(figures, title=title, rtl=get_language_bidi(),
                          headers=[_("Question"), _("Text"), _("Put to"), _("Answered"), _("Answers")],
                          option_label=lambda code: option_label(code, language))
    record_export("saq", actor=request.user, request=request, data={
        "definition": definition.pk, "group": filters.group, "region": filters.region, "language": language})
    response = HttpResponse(content, content_type=FORMATS["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="revmod-saq-{definition.pk}-{language}.xlsx"'
    return response


def saq_answers(request, definition: int, question: int):
    """The drill-down: each State's answer to one question, States in alphabetical order; audited."""
    _secretariat_only(request)
    question = get_object_or_404(Question.objects.select_related("definition", "article"),
                                 pk=question, definition_id=definition)
    form = _saq_filters(request)
    if not form.is_valid():
        return _bad_filters(form)
    filters = _filters_of(form)
    found = answers_to(question, filters)
    names = {iso3: localized(n) or iso3 for iso3, n in Party.objects.filter(
        iso3__in=[party for party, _value in found]).values_list("iso3", "names")}
    language = short_language(get_language())
    rows = sorted(({"state": names[party], "answer": readable(question.kind, value, language)} for party, value in found),
                  key=lambda row: row["state"])
    record_answers_read(question, actor=request.user, request=request, data={
        "question": question.label, "definition": question.definition_id, "group": filters.group,
        "region": filters.region, "states": len(rows)})
    return render(request, "reports/saq_answers.html", {
        "question": question, "rows": rows, "filters": filters, "query": request.GET.urlencode()})
