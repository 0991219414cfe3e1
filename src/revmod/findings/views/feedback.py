"""The joint written feedback page: per article, the answers pointed at and clarifications (P&R 35)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from revmod.core.errors import EditConflict, Refused
from revmod.findings import policy
from revmod.findings.domain import feedback as domain
from revmod.findings.domain.queries import answers_by_article, read_feedback
from revmod.findings.models import Clarification, FeedbackEntry, WrittenFeedback
from revmod.findings.views._common import base_version, ids, phase_object_or_404, refused


def _feedback_or_404(user, pk) -> WrittenFeedback:
    queryset = WrittenFeedback.objects.select_related("phase__review__party", "phase__cluster", "instrument")
    return phase_object_or_404(user, queryset, pk, lambda f: f.phase)


def _render(request, feedback, *, conflict=None, status=200):
    read_feedback(feedback, actor=request.user, request=request)
    entries = list(feedback.entries.select_related("article", "updated_by")
                   .prefetch_related("answers__question__article", "clarifications__asked_by", "clarifications__answered_by"))
    answers = answers_by_article(feedback)
    key = (conflict or {}).get("key")
    rows = [{"entry": e, "answers": answers.get(e.article_id, []), "chosen": {a.pk for a in e.answers.all()},
             "conflict": conflict if key == f"entry-{e.pk}" else None} for e in entries]
    return render(request, "findings/feedback.html", {
        "feedback": feedback, "phase": feedback.phase, "review": feedback.phase.review, "rows": rows,
        "conflict": conflict, "can_write": policy.can_write_feedback(request.user, feedback),
        "can_submit": policy.can_submit_feedback(request.user, feedback),
        "can_answer": policy.can_answer_clarification(request.user, feedback.phase),
        "can_download": policy.can_download_feedback(request.user, feedback),
    }, status=status)


@login_required
def feedback_page(request, pk):
    return _render(request, _feedback_or_404(request.user, pk))


def _conflict(key, error, mine, theirs):
    return {"key": key, "message": error.messages[0], "mine": mine, "theirs": theirs, "version": error.current_version}


@login_required
@require_POST
def save_overview(request, pk):
    feedback = _feedback_or_404(request.user, pk)
    text = request.POST.get("text", "")
    try:
        domain.save_overview(feedback, text=text, base_version=base_version(request), actor=request.user)
    except EditConflict as error:
        feedback.refresh_from_db()
        return _render(request, feedback, conflict=_conflict("overview", error, text, feedback.overview), status=409)
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect("findings:feedback", pk=feedback.pk)


@login_required
@require_POST
def save_entry(request, pk):
    entry = phase_object_or_404(request.user, FeedbackEntry.objects.select_related("feedback__phase__review", "article"),
                                pk, lambda e: e.feedback.phase)
    text = request.POST.get("text", "")
    try:
        domain.save_entry(entry, text=text, answer_ids=ids(request.POST.getlist("answers")),
                          base_version=base_version(request), actor=request.user)
    except EditConflict as error:
        entry.refresh_from_db()
        feedback = _feedback_or_404(request.user, entry.feedback_id)
        return _render(request, feedback, conflict=_conflict(f"entry-{entry.pk}", error, text, entry.text), status=409)
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect(f"{_url(entry.feedback_id)}#entry-{entry.pk}")


def _url(feedback_id) -> str:
    from django.urls import reverse

    return reverse("findings:feedback", args=[feedback_id])


@login_required
@require_POST
def ask(request, pk):
    entry = phase_object_or_404(request.user, FeedbackEntry.objects.select_related("feedback__phase__review"),
                                pk, lambda e: e.feedback.phase)
    try:
        domain.ask_clarification(entry, question=request.POST.get("question", ""), actor=request.user)
    except Refused as error:
        refused(request, error)
    return redirect(f"{_url(entry.feedback_id)}#entry-{entry.pk}")


@login_required
@require_POST
def answer(request, pk):
    item = phase_object_or_404(request.user, Clarification.objects.select_related("entry__feedback__phase__review"),
                               pk, lambda c: c.entry.feedback.phase)
    try:
        domain.answer_clarification(item, answer=request.POST.get("answer", ""), actor=request.user)
    except Refused as error:
        refused(request, error)
    return redirect(f"{_url(item.entry.feedback_id)}#entry-{item.entry_id}")


@login_required
@require_POST
def submit(request, pk):
    feedback = _feedback_or_404(request.user, pk)
    action = domain.reopen_feedback if request.POST.get("reopen") else domain.submit_feedback
    try:
        action(feedback, actor=request.user)
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, _("Reopened for editing.") if request.POST.get("reopen") else
                         _("Submitted. The focal points of the reviewing States can now clear the step."))
    return redirect("findings:feedback", pk=feedback.pk)
