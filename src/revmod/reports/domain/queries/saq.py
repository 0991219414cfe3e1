"""SAQ statistics for the secretariat: per question, how the States answered (Status Feb 2024 para 49).

Counts only, from each State's last submitted answers (P&R 34). Questions keep their order
in the questionnaire and options theirs: nothing is sorted by how States answered, and a
State is named only in the drill-down to one question's answers, in alphabetical order; the
mechanism ranks no one (P&R 4-5). Two queries for the figures, whatever the number of States.
"""

from dataclasses import dataclass, field

from revmod.questionnaires.answers import FIELDS, choice_of, is_answered
from revmod.questionnaires.enums import VersionKind
from revmod.questionnaires.models import Question, QuestionnaireDefinition, ResponseVersion

NO_CHOICE = ""


@dataclass(frozen=True)
class Filters:
    """Which States' answers count: those of a group, of a regional group, or all."""

    group: int | None = None
    region: str | None = None


@dataclass
class Submitted:
    """One State's last submitted answers to the questionnaire: {question id (str): value}."""

    party: str
    uncac_party: bool
    answers: dict[str, dict]


@dataclass
class QuestionFigures:
    question: Question
    applied: int = 0  # States the question was put to (a follow-up: its parent answered as it asks)
    answered: int = 0
    options: dict[str, int] = field(default_factory=dict)  # option code -> States, in the question's order

    @property
    def field_name(self) -> str | None:
        return next((f.name for f in FIELDS.get(self.question.kind, ()) if f.options), None)


def submitted_answers(definition: QuestionnaireDefinition, filters: Filters) -> list[Submitted]:
    """Each State's last submitted version of its answers to `definition`, in one query."""
    rows = ResponseVersion.objects.filter(kind=VersionKind.SUBMISSION, response__definition=definition)
    if filters.group:
        rows = rows.filter(response__step__phase__review__group_id=filters.group)
    if filters.region:
        rows = rows.filter(response__step__phase__review__party__regional_group_id=filters.region)
    latest: dict[int, dict] = {}
    for row in rows.order_by("response_id", "number").values(
            "response_id", "answers", "response__step__phase__review__party_id",
            "response__step__phase__review__party__uncac_party"):
        latest[row["response_id"]] = row
    return [Submitted(party=row["response__step__phase__review__party_id"],
                      uncac_party=row["response__step__phase__review__party__uncac_party"],
                      answers=row["answers"] or {}) for row in latest.values()]


def questions_of(definition: QuestionnaireDefinition) -> list[Question]:
    """The questionnaire's questions in its order: parents come before their follow-ups."""
    return list(definition.questions.select_related("article").order_by("article__number", "number"))


def applied_questions(questions: list[Question], state: Submitted) -> list[Question]:
    """The questions put to a State: UNTOC articles 8 and 9 only to parties not party to UNCAC
    (P&R 9), a follow-up only when its parent was put and answered as it asks."""
    shown: set[int] = set()
    for question in questions:
        if state.uncac_party and question.article.only_for_non_uncac_parties:
            continue
        if question.parent_id is None or (
                question.parent_id in shown
                and choice_of(state.answers.get(str(question.parent_id))) in question.shown_when):
            shown.add(question.pk)
    return [q for q in questions if q.pk in shown]


def saq_statistics(definition: QuestionnaireDefinition, filters: Filters) -> tuple[int, list[QuestionFigures]]:
    """The number of States counted, and per question how they answered, in questionnaire order."""
    questions = questions_of(definition)
    states = submitted_answers(definition, filters)
    figures = {q.pk: QuestionFigures(q) for q in questions}
    for item in figures.values():
        name = item.field_name
        if name:
            options = next(f.options for f in FIELDS[item.question.kind] if f.name == name)
            item.options = dict.fromkeys(options, 0)
    for state in states:
        for question in applied_questions(questions, state):
            item = figures[question.pk]
            value = state.answers.get(str(question.pk))
            item.applied += 1
            if is_answered(question.kind, value):
                item.answered += 1
            if item.field_name and (value or {}).get(item.field_name) in item.options:
                item.options[value[item.field_name]] += 1
    return len(states), list(figures.values())


def answers_to(question: Question, filters: Filters) -> list[tuple[str, dict | None]]:
    """(State, answer) for every State the question was put to; the caller orders them by name."""
    questions = questions_of(question.definition)
    result = []
    for state in submitted_answers(question.definition, filters):
        if any(q.pk == question.pk for q in applied_questions(questions, state)):
            result.append((state.party, state.answers.get(str(question.pk))))
    return result
