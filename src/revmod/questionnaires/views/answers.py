"""Answering in the browser: the page, autosave of one answer, files, comments, submission."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST

from revmod.core.errors import Refused
from revmod.core.i18n import short_language
from revmod.questionnaires import policy
from revmod.questionnaires.answers import FIELDS, readable
from revmod.questionnaires.domain import notes, responses
from revmod.questionnaires.domain.queries import (
    answers_of, current_files, last_submission, progress_of, questions_of, step_questionnaires,
    submitted_responses_for, version_files, visible_saq_step,
)
from revmod.questionnaires.models import AnswerFile, Comment, Response
from revmod.questionnaires.views.common import Item, items, refused, response_or_404
from revmod.reviews.models import ReviewStep


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Attach a file to this answer"))


def _step_or_404(user, pk) -> ReviewStep:
    step = visible_saq_step(user, pk)
    if step is None:
        raise Http404
    return step


@login_required
def submitted(request):
    """Every submitted questionnaire the person may read: their reviews', and all States' once the
    step is done (P&R 40). Listed by State; the list itself reveals no working copy."""
    return render(request, "questionnaires/submitted.html", {"responses": submitted_responses_for(request.user)})


@login_required
def step_overview(request, pk):
    """The questionnaires of a SAQ step, one per instrument, with their progress."""
    step = _step_or_404(request.user, pk)
    overview = step_questionnaires(step, request.user)
    return render(request, "questionnaires/step.html", {
        "step": step, "review": step.phase.review, "rows": overview.rows, "missing": overview.missing,
        "can_clear": overview.can_clear})


@login_required
def open_instrument(request, pk, instrument):
    """Open (and start, for a drafter) the answers to one instrument's questionnaire."""
    step = _step_or_404(request.user, pk)
    response = responses.open_response(step, instrument_id=instrument, actor=request.user)
    if response is None:
        messages.info(request, _("There are no answers to this questionnaire yet."))
        return redirect("questionnaires:step", pk=step.pk)
    return redirect("questionnaires:answers", pk=response.pk)


def _working_items(response: Response, user) -> list[Item]:
    answers = answers_of(response)
    values = {qid: a.value for qid, a in answers.items()}
    files = current_files(response)
    comments: dict[int, list] = {}
    if policy.can_read_comments(user, response):
        for comment in Comment.objects.filter(response=response).select_related("author"):
            comments.setdefault(comment.question_id, []).append(comment)
    return items(questions_of(response), values, {qid: a.revision for qid, a in answers.items()}, files, comments)


def answers_context(request, response: Response, conflict: dict | None = None) -> dict:
    user = request.user
    working = policy.sees_working_copy(user, response)
    submitted = last_submission(response)
    if working:
        page_items = _working_items(response, user)
    else:
        values = {int(k): v for k, v in submitted.answers.items()} if submitted else {}
        page_items = items(questions_of(response), values, files=version_files(submitted))
    if conflict:
        for item in page_items:
            if item.question.pk == conflict["question"]:
                item.conflict, item.revision = conflict, conflict["revision"]
                item.fields = [f.__class__(f.name, f.label, conflict["mine"].get(f.name, ""), f.options, f.multiline) for f in item.fields]
    values = {i.question.pk: i.value for i in page_items}
    return {"response": response, "review": response.step.phase.review, "items": page_items, "working": working,
            "submitted": submitted, "progress": progress_of(questions_of(response), values),
            "can_edit": policy.can_edit_answers(user, response), "can_submit": policy.can_submit(user, response),
            "can_reopen": policy.can_reopen(user, response), "can_comment": policy.can_comment(user, response),
            "can_read_comments": policy.can_read_comments(user, response), "upload": UploadForm()}


@login_required
def answers(request, pk):
    response = response_or_404(request, pk)
    return render(request, "questionnaires/answers.html", answers_context(request, response))


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _conflict_json(error: responses.AnswerConflict, question) -> JsonResponse:
    theirs = error.answer
    return JsonResponse({"error": error.messages[0], "revision": theirs.revision, "value": theirs.value or {},
                         "theirs": readable(question.kind, theirs.value, short_language()),
                         "by": str(theirs.updated_by)}, status=409)


@require_POST
@login_required
def save(request, pk, question):
    """Autosave of one answer (JSON for the script) or the plain form's submit (works without JS)."""
    response = response_or_404(request, pk, audit=False)
    try:
        target = responses.check_question(response, question)
        base = int(request.POST.get("base_revision", "x"))
    except (Refused, ValueError):
        raise Http404 from None
    value = {f.name: request.POST.get(f.name, "") for f in FIELDS[target.kind]}
    try:
        answer = responses.save_answer(response, question=target, value=value, base_revision=base, actor=request.user)
    except responses.AnswerConflict as error:
        if _wants_json(request):
            return _conflict_json(error, target)
        conflict = {"question": target.pk, "message": error.messages[0], "revision": error.answer.revision,
                    "theirs": readable(target.kind, error.answer.value, short_language()), "mine": value}
        context = answers_context(request, response, conflict)
        return render(request, "questionnaires/answers.html", context, status=409)
    except Refused as error:
        if _wants_json(request):
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        refused(request, error)
        return redirect(f"{response_url(response)}#q{target.pk}")
    if _wants_json(request):
        values = {qid: a.value for qid, a in answers_of(response).items()}
        progress = progress_of(questions_of(response), values)
        return JsonResponse({"revision": answer.revision, "answered": progress.answered, "total": progress.total})
    messages.success(request, _("Answer %(label)s saved.") % {"label": target.label})
    return redirect(f"{response_url(response)}#q{target.pk}")


def response_url(response: Response) -> str:
    from django.urls import reverse

    return reverse("questionnaires:answers", kwargs={"pk": response.pk})


@require_POST
@login_required
def attach(request, pk, question):
    response = response_or_404(request, pk, audit=False)
    form = UploadForm(request.POST, request.FILES)
    try:
        target = responses.check_question(response, question)
        if not form.is_valid():
            raise Refused(_("Choose a file to attach."))
        notes.attach_file(response, question=target, uploaded=form.cleaned_data["file"], actor=request.user)
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, _("File attached to answer %(label)s.") % {"label": target.label})
    return redirect(f"{response_url(response)}#q{question}")


@require_POST
@login_required
def remove_file(request, pk, file):
    response = response_or_404(request, pk, audit=False)
    item = get_object_or_404(AnswerFile.objects.select_related("answer"), pk=file, answer__response=response)
    try:
        notes.remove_file(response, item=item, actor=request.user)
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, _("File %(name)s removed from answer %(label)s; versions that hold it keep it.") % {
            "name": item.name, "label": item.answer.question.label})
    return redirect(f"{response_url(response)}#q{item.answer.question_id}")


@login_required
def download(request, pk, file):
    """A file of an answer, for those who may read it; "not there" and "not yours" alike (P&R 37)."""
    response = response_or_404(request, pk, audit=False)
    item = get_object_or_404(AnswerFile.objects.select_related("answer"), pk=file, answer__response=response)
    try:
        notes.read_file(response, item=item, actor=request.user, request=request)
    except Refused:
        raise Http404 from None
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name, content_type=item.content_type)


@require_POST
@login_required
def comment(request, pk, question):
    response = response_or_404(request, pk, audit=False)
    try:
        target = responses.check_question(response, question)
        notes.add_comment(response, question=target, body=request.POST.get("body", ""), actor=request.user)
    except Refused as error:
        refused(request, error)
    return redirect(f"{response_url(response)}#q{question}")


@require_POST
@login_required
def act(request, pk, action):
    """Submit, reopen, or keep a save point: each a domain function that checks who may."""
    response = response_or_404(request, pk, audit=False)
    functions = {"submit": (responses.submit_response, _("The answers are submitted: version kept and sent to the review.")),
                 "reopen": (responses.reopen_response, _("The answers are open for changes again.")),
                 "save-point": (responses.save_point, _("A version of the answers is kept."))}
    if action not in functions:
        raise Http404
    function, done = functions[action]
    try:
        function(response, actor=request.user)
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, done)
    return redirect(response_url(response))
