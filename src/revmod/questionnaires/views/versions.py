"""Every kept version of the answers, one version read, and two versions compared question by question."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from revmod.core.i18n import short_language
from revmod.questionnaires import policy
from revmod.questionnaires.answers import readable
from revmod.questionnaires.domain.queries import compare as compare_versions, questions_of, version_files
from revmod.questionnaires.models import AnswerFile, Response, ResponseVersion
from revmod.questionnaires.views.common import items, response_or_404


def _visible_versions(user, response: Response):
    """The team and the secretariat see every version; others only the submissions (P&R 34-35)."""
    versions = response.versions.select_related("created_by").order_by("-number")
    return versions if policy.sees_working_copy(user, response) else versions.filter(kind="submission")


@login_required
def versions(request, pk):
    response = response_or_404(request, pk, what="versions")
    return render(request, "questionnaires/versions.html", {
        "response": response, "review": response.step.phase.review, "versions": _visible_versions(request.user, response)})


@login_required
def version(request, pk, number):
    response = response_or_404(request, pk, what=f"version {number}")
    kept = get_object_or_404(_visible_versions(request.user, response), number=number)
    values = {int(k): v for k, v in kept.answers.items()}
    return render(request, "questionnaires/version.html", {
        "response": response, "review": response.step.phase.review, "version": kept,
        "items": items(questions_of(response), values, files=version_files(kept))})


def _pick(queryset, raw) -> ResponseVersion:
    try:
        return queryset.get(number=int(raw))
    except (TypeError, ValueError, ResponseVersion.DoesNotExist):
        raise Http404 from None


@login_required
def compare(request, pk):
    """Two versions side by side, only the questions whose answer differs."""
    response = response_or_404(request, pk, what="comparison")
    visible = _visible_versions(request.user, response)
    old, new = _pick(visible, request.GET.get("a")), _pick(visible, request.GET.get("b"))
    if old.number > new.number:
        old, new = new, old
    language = short_language()
    differences = compare_versions(questions_of(response), old.answers, new.answers, old.files, new.files)
    files = AnswerFile.objects.in_bulk([i for d in differences for i in d.old_files + d.new_files])
    rows = [{"question": d.question, "old": readable(d.question.kind, d.old, language),
             "new": readable(d.question.kind, d.new, language),
             "old_files": [files[i] for i in d.old_files if i in files], "new_files": [files[i] for i in d.new_files if i in files]}
            for d in differences]
    return render(request, "questionnaires/compare.html", {
        "response": response, "review": response.step.phase.review, "old": old, "new": new, "rows": rows,
        "versions": visible})
