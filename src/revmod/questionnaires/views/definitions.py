"""The secretariat's pages for the questionnaires: versions, questions in the six languages, publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language_info, gettext as _
from django.views.decorators.http import require_POST

from revmod.core.errors import Refused
from revmod.core.i18n import UN_LANGUAGES
from revmod.questionnaires import policy
from revmod.questionnaires.domain import definitions as domain
from revmod.questionnaires.enums import DefinitionStatus, QuestionKind
from revmod.questionnaires.models import Question, QuestionnaireDefinition
from revmod.questionnaires.views.common import refused
from revmod.reference.models import Article


def _secretariat(request) -> None:
    if not policy.can_edit_definitions(request.user):
        raise Http404


@login_required
def definitions(request):
    _secretariat(request)
    rows = QuestionnaireDefinition.objects.select_related("instrument", "cluster").order_by(
        "instrument__order", "cluster__phase", "-version")
    return render(request, "questionnaires/definitions.html", {"definitions": rows})


@login_required
def definition(request, pk):
    _secretariat(request)
    item = get_object_or_404(QuestionnaireDefinition.objects.select_related("instrument", "cluster"), pk=pk)
    questions = list(item.questions.select_related("article", "parent__article").order_by("article__number", "number"))
    languages = [(code, get_language_info("zh-hans" if code == "zh" else code)["name_local"]) for code in UN_LANGUAGES]
    for question in questions:  # each text beside its language's own name, in the same order everywhere
        question.language_texts = [(code, name, question.texts.get(code, "")) for code, name in languages]
    return render(request, "questionnaires/definition.html", {
        "definition": item, "questions": questions, "editable": item.status == DefinitionStatus.DRAFT,
        "languages": languages, "kinds": QuestionKind.choices,
        "articles": Article.objects.filter(instrument_id=item.instrument_id, cluster_id=item.cluster_id)})


def _texts(request) -> dict[str, str]:
    return {lang: request.POST.get(f"text-{lang}", "") for lang in UN_LANGUAGES}


@require_POST
@login_required
def change(request, pk, action):
    """New version, publish, add, edit or remove a question: each a domain function that checks who may."""
    _secretariat(request)
    item = get_object_or_404(QuestionnaireDefinition, pk=pk)
    target = item
    try:
        if action == "new-version":
            target = domain.new_version(item, actor=request.user)
        elif action == "publish":
            domain.publish(item, actor=request.user)
        elif action == "add":
            article = get_object_or_404(Article, pk=request.POST.get("article") or 0)
            parent = item.questions.filter(pk=request.POST.get("parent") or 0).first()
            domain.add_question(item, article=article, kind=request.POST.get("kind", ""), texts=_texts(request),
                                parent=parent, shown_when=request.POST.getlist("shown_when"), actor=request.user)
        elif action in ("edit", "remove"):
            question = get_object_or_404(Question, pk=request.POST.get("question") or 0, definition=item)
            if action == "edit":
                domain.edit_question(question, texts=_texts(request), kind=request.POST.get("kind", ""), actor=request.user)
            else:
                domain.remove_question(question, actor=request.user)
        else:
            raise Http404
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect("questionnaires:definition", pk=target.pk)
