"""Pages of review documents: reading, editing without overwriting, files, the dialogue."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _, gettext_lazy

from revmod.core.errors import EditConflict, Refused
from revmod.documents import domain
from revmod.documents.models import Attachment, ClarificationQuestion, Document, DocumentVersion, Message
from revmod.reviews import policy
from revmod.reviews.models import ReviewStep


class EditForm(forms.Form):
    body = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 18}), required=False)
    base_version = forms.IntegerField(widget=forms.HiddenInput)


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Attach a file"))


class MessageForm(forms.Form):
    body = forms.CharField(label=gettext_lazy("Your message"), widget=forms.Textarea(attrs={"rows": 5}))


def _document_or_404(user, pk, request=None) -> Document:
    document = get_object_or_404(Document.objects.select_related("step__phase__review__party", "instrument"), pk=pk)
    try:
        return domain.read_document(document, actor=user, request=request)
    except Refused as error:
        raise Http404 from error


def _current(document: Document) -> DocumentVersion | None:
    return document.versions.filter(number=document.current_version).select_related("created_by").first()


@login_required
def detail(request, pk):
    document = _document_or_404(request.user, pk, request)
    current = _current(document)
    questionnaire = domain.written_in_questionnaire(document)
    can_edit = policy.can_draft(request.user, document.step) and not questionnaire
    form = EditForm(initial={"body": current.body if current else "", "base_version": document.current_version})
    conflict = None
    if request.method == "POST" and can_edit:
        form = EditForm(request.POST)
        if form.is_valid():
            try:
                domain.save_version(document, body=form.cleaned_data["body"],
                                    base_version=form.cleaned_data["base_version"], actor=request.user)
            except EditConflict as error:
                conflict = {"message": error.messages[0], "theirs": _current(Document.objects.get(pk=document.pk))}
            except Refused as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Saved as a new version."))
                return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/detail.html", {
        "document": document, "review": document.step.phase.review, "current": current, "form": form,
        "can_edit": can_edit, "conflict": conflict, "upload": UploadForm(), "questionnaire": questionnaire,
        "versions": document.versions.select_related("created_by").order_by("-number"),
        "attachments": document.attachments.all(), "questions": document.questions.select_related("asked_by", "answered_by"),
        "can_answer": any(side == "reviewed" and role != "observer" for side, _p, role in policy.roles_in(request.user, document.step.phase.review)),
    })


@login_required
def version(request, pk, number):
    document = _document_or_404(request.user, pk, request)
    item = get_object_or_404(DocumentVersion.objects.select_related("created_by"), document=document, number=number)
    return render(request, "documents/version.html", {"document": document, "version": item, "review": document.step.phase.review})


@login_required
def upload(request, pk):
    document = _document_or_404(request.user, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not form.is_valid():
            messages.error(request, _("Choose a file to attach."))
        else:
            try:
                domain.add_attachment(actor=request.user, uploaded=form.cleaned_data["file"], document=document,
                                      is_record=document.step.kind == "dialogue")
            except Refused as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("File attached."))
    if document.step.kind == "dialogue":
        return redirect("documents:dialogue", pk=document.step_id)
    return redirect("documents:detail", pk=document.pk)


@login_required
def download(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("document__step__phase__review", "message__step__phase__review"), pk=pk)
    try:
        domain.read_attachment(attachment, actor=request.user, request=request)
    except Refused as error:
        raise Http404 from error
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name,
                            content_type="application/octet-stream")
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def question(request, pk):
    document = _document_or_404(request.user, pk)
    if request.method == "POST":
        try:
            domain.ask_question(document, actor=request.user, question=request.POST.get("question", ""))
        except Refused as error:
            messages.error(request, " ".join(error.messages))
    return redirect("documents:detail", pk=document.pk)


@login_required
def answer(request, pk):
    item = get_object_or_404(ClarificationQuestion.objects.select_related("document__step__phase__review"), pk=pk)
    if not policy.can_view_review(request.user, item.document.step.phase.review):
        raise Http404
    if request.method == "POST":
        try:
            domain.answer_question(item, actor=request.user, answer=request.POST.get("answer", ""))
        except Refused as error:
            messages.error(request, " ".join(error.messages))
    return redirect("documents:detail", pk=item.document_id)


@login_required
def dialogue(request, pk):
    """The written constructive dialogue, archived in the module (P&R 35-36)."""
    step = get_object_or_404(ReviewStep.objects.select_related("phase__review__party"), pk=pk, kind="dialogue")
    review = step.phase.review
    if not policy.can_view_review(request.user, review):
        raise Http404
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain.post_message(step, actor=request.user, body=form.cleaned_data["body"])
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("documents:dialogue", pk=step.pk)
    record_doc = step.documents.first()
    return render(request, "documents/dialogue.html", {
        "step": step, "review": review, "form": form, "can_post": policy.can_post_message(request.user, step),
        "messages_list": Message.objects.filter(step=step).select_related("author", "party").prefetch_related("attachments"),
        "record_doc": record_doc, "records": record_doc.attachments.all() if record_doc else [], "upload": UploadForm(),
    })
