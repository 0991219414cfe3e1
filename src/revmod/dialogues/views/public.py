"""Public pages: dialogues past and upcoming, registering an organisation, applying, an application's own page (P&R 53)."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.core.errors import Refused
from revmod.core.i18n import localized
from revmod.dialogues import policy, rules
from revmod.dialogues.domain import applications as domain
from revmod.dialogues.domain.queries import applicants, dialogues as listing
from revmod.dialogues.enums import Outcome, Stage
from revmod.dialogues.interfaces import ApplicationForm, CommentForm, DialogueSearch, OrganisationForm
from revmod.dialogues.models import BackgroundDocument, Dialogue
from revmod.dialogues.views import show_refusal


def dialogue_list(request):
    """Every dialogue, upcoming and past, searchable in all languages (P&R 53)."""
    form = DialogueSearch(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    found = listing.dialogues_for_everyone(q=data.get("q") or "", working_group=data.get("working_group") or "",
                                           year=data.get("year"))
    today = timezone.localdate()
    upcoming, past = listing.split_by_date(found, today)
    return render(request, "dialogues/list.html", {"form": form, "upcoming": upcoming, "past": past, "today": today,
                                                   "can_manage": policy.can_manage(request.user)})


def dialogue_detail(request, pk):
    """A dialogue's page: dates, agenda, documents, the rules; once published, summary and participants."""
    dialogue = get_object_or_404(Dialogue, pk=pk)
    today = timezone.localdate()
    stage = dialogue.stage(today)
    published = dialogue.published_at is not None
    return render(request, "dialogues/detail.html", {
        "dialogue": dialogue, "dates": dialogue.dates, "stage": Stage(stage), "today": today,
        "open": stage == Stage.OPEN, "rules": rules.PARTICIPANT_RULES,
        "documents": dialogue.documents.all(), "topics": localized(dialogue.topics), "agenda": localized(dialogue.agenda),
        "summary": localized(dialogue.summary), "observations": localized(dialogue.observations),
        "participants": applicants.participants(dialogue) if published else [],
        "can_manage": policy.can_manage(request.user),
        "acts": rules.open_acts(dialogue.held_on, today, cancelled=dialogue.cancelled_at is not None,
                                list_sent=dialogue.list_sent_at is not None),
        "can_view_applicants": policy.can_view_applicants(request.user, dialogue)})


def background_document(request, pk, doc_pk):
    document = get_object_or_404(BackgroundDocument, pk=doc_pk, dialogue_id=pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.name,
                        content_type=document.content_type)


def register(request):
    """An organisation registers itself; its contact confirms by e-mail (P&R 53(d), (e))."""
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = domain.register_organisation(**form.cleaned_data)
        except Refused as error:
            show_refusal(request, error)
        else:
            return render(request, "dialogues/sent.html", {"title": _("Check your e-mail"), "text": _(
                "We have sent a link to %(email)s. Open it within a few days to confirm the registration of %(name)s; then apply to a dialogue.")
                % {"email": organisation.contact_email, "name": organisation.name}})
    return render(request, "dialogues/form.html", {"form": form, "title": _("Register your organisation"),
                                                   "intro": _("NGOs, academia and the private sector register once, then apply to each dialogue.")})


def confirm_organisation(request, token):
    if request.method == "POST":
        try:
            organisation = domain.confirm_organisation(token)
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("%(name)s is registered. It may now apply to the constructive dialogues.") % {"name": organisation.name})
            return redirect("dialogues:list")
    return render(request, "dialogues/confirm.html", {"title": _("Confirm your organisation's registration")})


def apply(request, pk):
    """Apply to a dialogue with the organisation's registered e-mail, by the closing date (P&R 53(d), (e))."""
    dialogue = get_object_or_404(Dialogue, pk=pk)
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain.apply_to_dialogue(dialogue, **form.cleaned_data)
        except Refused as error:
            show_refusal(request, error)
        else:
            return render(request, "dialogues/sent.html", {"dialogue": dialogue, "title": _("Check your e-mail"), "text": _(
                "If an organisation is registered with this address, we have sent it a link to confirm the application. "
                "Confirm it by %(day)s. Nothing arrives? Register the organisation first.")
                % {"day": dialogue.dates.applications_close_on}})
    return render(request, "dialogues/form.html", {"form": form, "dialogue": dialogue,
                                                   "title": _("Apply: %(title)s") % {"title": dialogue}})


def confirm_application(request, token):
    pending = domain.application_to_confirm(token)
    if request.method == "POST":
        try:
            _application, access = domain.confirm_application(token)
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("Your application is confirmed. Keep the address of this page: it is also in your e-mail."))
            return redirect("dialogues:application", token=access)
    return render(request, "dialogues/confirm.html", {"title": _("Confirm your application"), "application": pending})


def application_page(request, token):
    """The applicant's own page: status, practical details once admitted, the rules, written comments (P&R 53(b), (d))."""
    application = domain.application_for(token)
    if application is None:
        raise Http404
    form = CommentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain.add_comment(application, text=form.cleaned_data["text"], uploaded=form.cleaned_data["file"])
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("Your comments have been received."))
            return redirect("dialogues:application", token=token)
    decision = getattr(application, "decision", None)
    return render(request, "dialogues/application.html", {
        "application": application, "dialogue": application.dialogue, "decision": decision, "form": form,
        "admitted": decision is not None and decision.outcome == Outcome.ADMITTED, "rules": rules.PARTICIPANT_RULES,
        "details": localized(application.dialogue.practical_details), "comments": application.comments.all()})
