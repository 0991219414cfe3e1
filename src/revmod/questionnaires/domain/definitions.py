"""Writes of questionnaire definitions: loading the shipped ones, and the secretariat's new versions."""

import json
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.core.i18n import UN_LANGUAGES
from revmod.questionnaires import policy
from revmod.questionnaires.answers import FIELDS, KEY_FIELDS
from revmod.questionnaires.enums import DefinitionStatus, QuestionKind
from revmod.questionnaires.models import Question, QuestionnaireDefinition
from revmod.reference.models import Article

DATA = Path(__file__).resolve().parent.parent / "data"


def _options_of(kind: str) -> set[str]:
    key = KEY_FIELDS[kind][0]
    return {option for f in FIELDS[kind] if f.name == key for option in f.options}


def _check_row(row: dict, parent: dict | None, where: str) -> None:
    if row.get("kind") not in QuestionKind.values:
        raise ValueError(f"{where}: unknown kind {row.get('kind')!r}")
    missing = [lang for lang in UN_LANGUAGES if not (row.get("texts") or {}).get(lang, "").strip()]
    if missing:
        raise ValueError(f"{where}: no text in {', '.join(missing)}")
    if row.get("follows") is not None:
        if parent is None:
            raise ValueError(f"{where}: follows question {row['follows']}, which is not before it")
        if not row.get("shown_when") or not set(row["shown_when"]) <= _options_of(parent["kind"]):
            raise ValueError(f"{where}: shown_when must name answers of question {row['follows']}")


def _create_questions(definition: QuestionnaireDefinition, article: Article, rows: list[dict], where: str) -> int:
    made: dict[int, tuple[dict, Question]] = {}
    for row in sorted(rows, key=lambda r: r["number"]):
        parent = made.get(row.get("follows") or -1)
        _check_row(row, parent[0] if parent else None, f"{where} article {article.number} question {row.get('number')}")
        made[row["number"]] = (row, Question.objects.create(
            definition=definition, article=article, number=row["number"], kind=row["kind"], texts=row["texts"],
            parent=parent[1] if parent else None, shown_when=row.get("shown_when") or []))
    return len(made)


@transaction.atomic
def load_questionnaires(path: Path = DATA / "cluster1.json", *, actor=None) -> dict[str, int]:
    """Create version 1 of each questionnaire in the file, unless that questionnaire exists.

    What the secretariat has edited since is never replaced: a questionnaire already there is
    kept as it is. Needs the reference data (articles) loaded first. Raises ValueError on a
    file that does not describe valid questionnaires; nothing is then created.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    counts = {"questionnaires": 0, "questions": 0, "kept": 0}
    for item in data["questionnaires"]:
        instrument, cluster = item["instrument"], item["cluster"]
        if QuestionnaireDefinition.objects.filter(instrument_id=instrument, cluster_id=cluster).exists():
            counts["kept"] += 1
            continue
        now = timezone.now()
        definition = QuestionnaireDefinition.objects.create(
            instrument_id=instrument, cluster_id=cluster, version=1, status=DefinitionStatus.PUBLISHED,
            created_at=now, published_at=now)
        articles = {a.number: a for a in Article.objects.filter(instrument_id=instrument, cluster_id=cluster)}
        for block in item["articles"]:
            if block["article"] not in articles:
                raise ValueError(f"{instrument} article {block['article']} is not reviewed in cluster {cluster}")
            counts["questions"] += _create_questions(definition, articles[block["article"]], block["questions"], instrument)
        if set(articles) - {b["article"] for b in item["articles"]}:
            raise ValueError(f"{instrument}: no question on articles {sorted(set(articles) - {b['article'] for b in item['articles']})}")
        counts["questionnaires"] += 1
    record("questionnaires.definitions.loaded", actor=actor, data=counts)
    return counts


def _editable(definition: QuestionnaireDefinition, actor) -> None:
    if not policy.can_edit_definitions(actor):
        raise Refused(_("Only the secretariat edits the questionnaires."))
    if definition.status != DefinitionStatus.DRAFT:
        raise Refused(_("A published questionnaire does not change: start a new version to edit it."))


@transaction.atomic
def new_version(definition: QuestionnaireDefinition, *, actor) -> QuestionnaireDefinition:
    """A draft copy of a questionnaire to edit; answers already given keep the version they answered."""
    if not policy.can_edit_definitions(actor):
        raise Refused(_("Only the secretariat edits the questionnaires."))
    siblings = QuestionnaireDefinition.objects.filter(instrument_id=definition.instrument_id, cluster_id=definition.cluster_id)
    if siblings.filter(status=DefinitionStatus.DRAFT).exists():
        raise Refused(_("A draft version of this questionnaire is already being edited."))
    draft = QuestionnaireDefinition.objects.create(
        instrument_id=definition.instrument_id, cluster_id=definition.cluster_id,
        version=siblings.aggregate(n=Max("version"))["n"] + 1, created_at=timezone.now())
    copies: dict[int, Question] = {}
    for question in definition.questions.order_by("article__number", "number"):
        copies[question.pk] = Question.objects.create(
            definition=draft, article_id=question.article_id, number=question.number, kind=question.kind,
            texts=dict(question.texts), parent=copies.get(question.parent_id), shown_when=list(question.shown_when))
    record("questionnaires.definition.drafted", actor=actor, target=draft, data={"from_version": definition.version})
    return draft


@transaction.atomic
def edit_question(question: Question, *, texts: dict[str, str], kind: str, actor) -> Question:
    """Change a draft question's texts in the six languages, or its kind (P&R 49)."""
    _editable(question.definition, actor)
    if kind not in QuestionKind.values:
        raise Refused(_("This kind of question is not known."))
    if question.follow_ups.exists() and kind != question.kind:
        raise Refused(_("Other questions follow this one: its kind cannot change."))
    question.texts = {lang: (texts.get(lang) or "").strip() for lang in UN_LANGUAGES}
    question.kind = kind
    question.save(update_fields=["texts", "kind"])
    record("questionnaires.question.edited", actor=actor, target=question.definition, data={"question": question.label})
    return question


@transaction.atomic
def add_question(definition: QuestionnaireDefinition, *, article: Article, kind: str, texts: dict[str, str],
                 actor, parent: Question | None = None, shown_when: list[str] | None = None) -> Question:
    """A new question at the end of an article's questions; a follow-up names its parent's answers."""
    _editable(definition, actor)
    if article.instrument_id != definition.instrument_id or article.cluster_id != definition.cluster_id:
        raise Refused(_("This article is not reviewed in this questionnaire."))
    if parent is not None and (parent.definition_id != definition.pk or parent.article_id != article.pk
                               or not shown_when or not set(shown_when) <= _options_of(parent.kind)):
        raise Refused(_("A follow-up question follows a question of the same article and names its answers."))
    number = (definition.questions.filter(article=article).aggregate(n=Max("number"))["n"] or 0) + 1
    question = Question.objects.create(definition=definition, article=article, number=number, kind=kind, parent=parent,
                                       texts={lang: (texts.get(lang) or "").strip() for lang in UN_LANGUAGES},
                                       shown_when=list(shown_when or []) if parent else [])
    record("questionnaires.question.added", actor=actor, target=definition, data={"question": question.label})
    return question


@transaction.atomic
def remove_question(question: Question, *, actor) -> None:
    """Remove a draft question and the questions that follow it."""
    _editable(question.definition, actor)
    record("questionnaires.question.removed", actor=actor, target=question.definition, data={"question": question.label})
    question.delete()


@transaction.atomic
def publish(definition: QuestionnaireDefinition, *, actor) -> QuestionnaireDefinition:
    """Make a draft the version new answers use; every question needs its text in the six languages."""
    _editable(definition, actor)
    incomplete = [q.label for q in definition.questions.select_related("article")
                  if any(not (q.texts.get(lang) or "").strip() for lang in UN_LANGUAGES)]
    if incomplete:
        raise Refused(_("Some questions are not written in all six languages: %(labels)s.") % {"labels": ", ".join(incomplete)})
    uncovered = Article.objects.filter(instrument_id=definition.instrument_id, cluster_id=definition.cluster_id) \
        .exclude(pk__in=definition.questions.values("article_id")).values_list("number", flat=True)
    if uncovered:
        raise Refused(_("Some reviewed articles have no question: %(numbers)s.") % {"numbers": ", ".join(map(str, uncovered))})
    definition.status, definition.published_at = DefinitionStatus.PUBLISHED, timezone.now()
    definition.save(update_fields=["status", "published_at"])
    record("questionnaires.definition.published", actor=actor, target=definition, data={"version": definition.version})
    return definition
