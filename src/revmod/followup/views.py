"""Pages of the follow-up: the records and their reports, the technical assistance overview,
good practices in filling in the questionnaire (P&R 42-46)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from revmod.audit.domain import record
from revmod.core.errors import EditConflict, Refused
from revmod.core.i18n import short_language
from revmod.core.paging import page_of
from revmod.followup import policy
from revmod.followup.domain import practices as sharing
from revmod.followup.domain.progress import report_progress
from revmod.followup.domain.queries.overview import short_name, ta_overview
from revmod.followup.domain.queries.records import (
    history_of, latest_report_id, read_record, read_records, record_for, records_visible_to, status_counts,
)
from revmod.followup.enums import Grouping, progress_label
from revmod.followup.interfaces import exports
from revmod.followup.interfaces.forms import PeriodForm, PracticeForm, ProgressForm, RecordFilter
from revmod.followup.models import QuestionnairePractice
from revmod.reviews.policy import reviews_visible_to

EXPORTS = {"xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.to_xlsx),
           "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", exports.to_docx)}


def _refused(request, error: Refused) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
def records(request):
    """The follow-up records the person may see: their reviews', or all for the secretariat (P&R 44, 46)."""
    reviews = list(reviews_visible_to(request.user))
    form = RecordFilter(request.GET or None, parties=[r.party for r in reviews])
    filters = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    found = records_visible_to(request.user, **filters)
    page, query = page_of(request, found, 50)
    counts = [(label, n) for _status, label, n in status_counts(found)]
    read_records(request.user, filters, request=request)
    rows = [(item, progress_label(item.latest_status), short_name(item.list.instrument_id)) for item in page]
    return render(request, "followup/records.html", {"form": form, "page": page, "rows": rows, "query": query,
                                                     "counts": counts})


@login_required
def record_detail(request, pk):
    """One record, its history, and the State's report form; not the person's record answers 404 (P&R 37, 44, 46)."""
    item = record_for(request.user, pk)
    if item is None:
        raise Http404
    review = item.list.review
    form = ProgressForm(request.POST or None, kind=item.kind,
                        initial={"as_of": timezone.localdate(), "seen_report": latest_report_id(item)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report_progress(item, actor=request.user, status=data["status"], as_of=data["as_of"], progress=data["progress"],
                            met_by=data.get("met_by") or "", seen_report=data.get("seen_report") or 0)
        except EditConflict as error:
            _refused(request, error)
            fresh = request.POST.copy()
            fresh["seen_report"] = str(error.current_version)
            form = ProgressForm(fresh, kind=item.kind)
        except Refused as error:
            _refused(request, error)
        else:
            messages.success(request, _("Your State's report is recorded."))
            return redirect("followup:record", pk=item.pk)
    read_record(item, request.user, request=request)
    return render(request, "followup/record.html", {
        "item": item, "review": review, "status": progress_label(item.latest_status), "history": history_of(item),
        "instrument": short_name(item.list.instrument_id),
        "form": form, "can_report": policy.can_report(request.user, review)})


@login_required
def overview(request):
    """Needs identified in a period, grouped, met or not: a page, XLSX and DOCX for the working group (P&R 44)."""
    if not policy.can_view_overview(request.user):
        raise Http404
    form = PeriodForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "followup/overview.html", {"form": form, "overview": None})
    data = form.cleaned_data if form.is_bound else {}
    result = ta_overview(start=data.get("start"), end=data.get("end"))
    title = _("Technical assistance needs identified in country reviews")
    fmt = request.GET.get("format")
    if fmt in EXPORTS:
        record("followup.overview.exported", actor=request.user, request=request,
               data={"format": fmt, "start": str(result.start or ""), "end": str(result.end)})
        content_type, render_file = EXPORTS[fmt]
        response = HttpResponse(render_file(result, title=title, rtl=translation.get_language_bidi()), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="ta-needs-{result.end:%Y-%m-%d}-{short_language()}.{fmt}"'
        return response
    tables = [(Grouping(g).label, exports.headers(g), exports.table_rows(result, g)) for g in Grouping.values]
    query = request.GET.copy()
    query.pop("format", None)
    return render(request, "followup/overview.html", {"form": form, "overview": result, "title": title, "tables": tables,
                                                      "period": exports.period_label(result), "query": query.urlencode()})


def _reviews_to_share_for(user) -> list:
    if policy.is_secretariat(user):
        return []
    return [review for review in reviews_visible_to(user) if policy.can_share_practice(user, review)]


@login_required
def practices(request):
    """Good practices in filling in the questionnaire, read by all States parties; shared by a State (P&R 42)."""
    if not policy.can_read_practices(request.user):
        raise Http404
    own = _reviews_to_share_for(request.user)
    form = PracticeForm(request.POST or None, reviews=own, initial={"language": short_language()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        review = next((r for r in own if str(r.pk) == data["review"]), None)
        try:
            if review is None:
                raise Refused(_("The focal point of the State under review shares its good practices."))
            sharing.share_practice(review, actor=request.user, title=data["title"], text=data["text"],
                                   instrument=data["instrument"], language=data["language"])
        except Refused as error:
            _refused(request, error)
        else:
            messages.success(request, _("The practice is shared with all States parties."))
            return redirect("followup:practices")
    items = (QuestionnairePractice.objects.filter(withdrawn_at__isnull=True)
             .select_related("review__party", "instrument").order_by("-shared_at", "-id"))
    record("followup.practices.read", actor=request.user, request=request)
    return render(request, "followup/practices.html", {"form": form, "items": items, "can_share": bool(own),
                                                       "own_reviews": {r.pk for r in own}})


@require_POST
@login_required
def withdraw(request, pk):
    practice = get_object_or_404(QuestionnairePractice.objects.select_related("review"), pk=pk, withdrawn_at__isnull=True)
    if not policy.can_read_practices(request.user):
        raise Http404
    try:
        sharing.withdraw_practice(practice, actor=request.user)
    except Refused as error:
        _refused(request, error)
    else:
        messages.success(request, _("The practice is withdrawn."))
    return redirect("followup:practices")
