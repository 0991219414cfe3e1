"""Signed-in pages: the secretariat's acts, the list of applicants for States, objections, the registry (P&R 53)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.core.paging import page_of
from revmod.dialogues import policy, rules
from revmod.dialogues.domain import decisions, dialogues as acts
from revmod.dialogues.domain.queries import applicants as listing, registry as stakeholders
from revmod.dialogues.enums import ApplicationStatus
from revmod.dialogues.interfaces import (
    BackgroundDocumentForm, BureauForm, CancelForm, DialogueForm, ObjectionForm, RegistryFilter, SummaryForm,
)
from revmod.dialogues.models import Application, Comment, Dialogue
from revmod.dialogues.views import show_refusal
from revmod.reference.models import Party


def _secretariat_or_404(user) -> None:
    if not policy.can_manage(user):
        raise Http404


@login_required
def announce(request):
    _secretariat_or_404(request.user)
    form = DialogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dialogue = acts.announce_dialogue(
                actor=request.user, working_group=data["working_group"], session=data["session"],
                held_on=data["held_on"], format=data["format"], venue=data["venue"], titles=form.texts("title"),
                topics=form.texts("topics"), agenda=form.texts("agenda"), practical_details=form.texts("details"))
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("The dialogue is announced; applications close on %(day)s.") % {"day": dialogue.dates.applications_close_on})
            return redirect("dialogues:detail", pk=dialogue.pk)
    return render(request, "dialogues/form.html", {"form": form, "title": _("Announce a constructive dialogue")})


APPLICANTS_PER_PAGE = 100  # a page stays light on a slow line; the CSV has every applicant


@login_required
def applicant_list(request, pk):
    """The confidential list of applicants: the secretariat, and States once it is sent (P&R 53(d), (e))."""
    dialogue = get_object_or_404(Dialogue, pk=pk)
    if not policy.can_view_applicants(request.user, dialogue):
        raise Http404
    rows = listing.applicant_rows(dialogue, viewer=request.user)
    record("dialogues.list.read", actor=request.user, target=dialogue, request=request)
    if request.GET.get("format") == "csv":
        response = HttpResponse(listing.applicants_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="applicants-{dialogue.pk}.csv"'
        return response
    parties = list(Party.objects.filter(pk__in=policy.parties_represented(request.user)))
    today = timezone.localdate()
    can_object = bool(parties) and dialogue.list_sent_at is not None and not dialogue.cancelled_at \
        and rules.is_objection_in_time(dialogue.held_on, today)
    page, query = page_of(request, rows, APPLICANTS_PER_PAGE)
    return render(request, "dialogues/applicants.html", {
        "dialogue": dialogue, "rows": page, "page": page, "query": query, "total": len(rows), "dates": dialogue.dates,
        "can_object": can_object,
        "objection_form": ObjectionForm(parties=parties), "can_manage": policy.can_manage(request.user),
        "bureau_form": BureauForm(initial={"decided_on": today}), "before_bureau": ApplicationStatus.BEFORE_BUREAU})


def _act(request, pk, act, success):
    dialogue = get_object_or_404(Dialogue, pk=pk)
    _secretariat_or_404(request.user)
    try:
        result = act(dialogue, actor=request.user)
    except Refused as error:
        show_refusal(request, error)
    else:
        messages.success(request, success % {"n": result})
    return redirect("dialogues:detail", pk=pk)


@require_POST
@login_required
def send_list(request, pk):
    return _act(request, pk, acts.send_list_to_states, _("The list of %(n)s applicants has been sent to States."))


@require_POST
@login_required
def admit(request, pk):
    return _act(request, pk, decisions.admit_unopposed, _("%(n)s applicants admitted; each has been sent the practical details."))


@require_POST
@login_required
def add_document(request, pk):
    dialogue = get_object_or_404(Dialogue, pk=pk)
    _secretariat_or_404(request.user)
    form = BackgroundDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            acts.add_background_document(dialogue, actor=request.user, language=form.cleaned_data["language"],
                                         title=form.cleaned_data["title"], uploaded=form.cleaned_data["file"])
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("The document has been added."))
    else:
        messages.error(request, _("Choose a language, a title and a file."))
    return redirect("dialogues:detail", pk=pk)


@login_required
def cancel(request, pk):
    """The secretariat records the chair's decision not to hold the dialogue (P&R 53(f))."""
    dialogue = get_object_or_404(Dialogue, pk=pk)
    _secretariat_or_404(request.user)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            acts.cancel_dialogue(dialogue, actor=request.user, reason=form.cleaned_data["reason"])
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("The dialogue is cancelled; the applicants have been told."))
            return redirect("dialogues:detail", pk=pk)
    count = dialogue.applications.filter(confirmed_at__isnull=False).count()
    return render(request, "dialogues/form.html", {"form": form, "dialogue": dialogue, "title": _("Cancel: %(title)s") % {"title": dialogue},
                                                   "intro": _("%(n)s confirmed applications came in by %(day)s.") % {"n": count, "day": dialogue.dates.applications_close_on}})


@login_required
def summary(request, pk):
    """The chair's summary and its observations, published in the languages given (P&R 53(h))."""
    dialogue = get_object_or_404(Dialogue, pk=pk)
    _secretariat_or_404(request.user)
    initial = {f"summary_{c}": t for c, t in dialogue.summary.items()} | {f"observations_{c}": t for c, t in dialogue.observations.items()}
    form = SummaryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            acts.publish_summary(dialogue, actor=request.user, summary=form.texts("summary"), observations=form.texts("observations"))
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("The chair's summary is published."))
            return redirect("dialogues:detail", pk=pk)
    return render(request, "dialogues/form.html", {"form": form, "dialogue": dialogue, "title": _("Chair's summary: %(title)s") % {"title": dialogue}})


def _application_for_viewer(request, pk) -> Application:
    application = get_object_or_404(Application.objects.select_related("dialogue", "organisation"), pk=pk)
    if not policy.can_view_applicants(request.user, application.dialogue):
        raise Http404
    return application


@require_POST
@login_required
def object_to(request, pk):
    """A State's focal point objects to an applicant (P&R 53(d), (e))."""
    application = _application_for_viewer(request, pk)
    parties = list(Party.objects.filter(pk__in=policy.parties_represented(request.user)))
    form = ObjectionForm(request.POST, parties=parties)
    if form.is_valid():
        try:
            decisions.object_to_applicant(application, actor=request.user, party_id=form.cleaned_data["party"],
                                          reason=form.cleaned_data["reason"])
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("Your State's objection to %(name)s is recorded.") % {"name": application.organisation.name})
    else:
        messages.error(request, _("Give the reason for the objection."))
    return redirect("dialogues:applicants", pk=application.dialogue_id)


@require_POST
@login_required
def bureau(request, pk):
    """The secretariat records the Bureau's decision on an NGO objected to (P&R 53(d))."""
    application = _application_for_viewer(request, pk)
    _secretariat_or_404(request.user)
    form = BureauForm(request.POST)
    if form.is_valid():
        try:
            decisions.record_bureau_decision(application, actor=request.user, **form.cleaned_data)
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("The Bureau's decision is recorded and the applicant told."))
    else:
        messages.error(request, _("Give the decision, its date and its reason."))
    return redirect("dialogues:applicants", pk=application.dialogue_id)


@login_required
def comment_file(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("application__dialogue"), pk=pk)
    if not comment.file or not policy.can_view_applicants(request.user, comment.application.dialogue):
        raise Http404
    record("dialogues.comment.read", actor=request.user, target=comment, request=request)
    return FileResponse(comment.file.open("rb"), as_attachment=True, filename=comment.name, content_type=comment.content_type)


@login_required
def registry(request):
    """The stakeholder registry across dialogues, for the secretariat (P&R 53(a))."""
    _secretariat_or_404(request.user)
    form = RegistryFilter(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = stakeholders.registry(q=data.get("q") or "", kind=data.get("kind") or "", country=data.get("country") or "")
    record("dialogues.registry.read", actor=request.user, request=request,
           data={key: str(value) for key, value in data.items() if value})
    return render(request, "dialogues/registry.html", {"form": form, "rows": rows})
