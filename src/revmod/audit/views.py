"""The secretariat's view of the audit trail: search it, export it as CSV."""

import csv

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from revmod.audit.domain import record
from revmod.audit.models import AuditEntry
from revmod.reviews import policy


class AuditFilter(forms.Form):
    action = forms.CharField(label=_("Action starts with"), required=False, max_length=80)
    actor = forms.CharField(label=_("Who (e-mail)"), required=False, max_length=254)
    review = forms.CharField(label=_("Review of (State code)"), required=False, max_length=3)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


def _entries(data):
    entries = AuditEntry.objects.select_related("actor", "review__party").order_by("-id")
    if data.get("action"):
        entries = entries.filter(action__startswith=data["action"])
    if data.get("actor"):
        entries = entries.filter(actor__email__iexact=data["actor"])
    if data.get("review"):
        entries = entries.filter(review__party_id=data["review"].upper())
    if data.get("since"):
        entries = entries.filter(at__date__gte=data["since"])
    if data.get("until"):
        entries = entries.filter(at__date__lte=data["until"])
    return entries


def trail(request):
    if not policy.is_secretariat(request.user):
        raise Http404
    form = AuditFilter(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    if request.GET.get("format") == "csv":
        record("audit.trail.exported", actor=request.user, data={k: str(v) for k, v in data.items() if v}, request=request)
        return _csv(_entries(data))
    page = Paginator(_entries(data), 100).get_page(request.GET.get("page"))
    return render(request, "audit/trail.html", {"form": form, "page": page, "query": request.GET.urlencode()})


class _Echo:
    def write(self, value):
        return value


def _csv(entries):
    writer = csv.writer(_Echo())
    header = ["id", "at", "actor", "action", "object", "review", "ip", "details", "hash"]
    rows = ([e.pk, e.at.isoformat(), e.actor.email if e.actor else "", e.action, f"{e.target_type}:{e.target_id}",
             e.review.party_id if e.review else "", e.ip or "", e.data, e.hash] for e in entries.iterator(chunk_size=2000))
    response = StreamingHttpResponse((writer.writerow(r) for r in [header, *rows]), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="revmod-audit.csv"'
    return response
