"""What the questionnaire pages share: finding a response the person may read, and the page's items."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import Http404

from revmod.core.errors import Refused
from revmod.core.i18n import short_language
from revmod.questionnaires.answers import FIELDS, is_answered, readable
from revmod.questionnaires.domain.queries import read_response, shown_questions, visible_response
from revmod.questionnaires.models import Question, Response


def response_or_404(request, pk, *, what: str = "answers", audit: bool = True) -> Response:
    """The response if the person may read it, the read recorded; "not there" and "not yours" alike."""
    response = visible_response(request.user, pk)
    if response is None:
        raise Http404
    if audit:
        read_response(response, actor=request.user, request=request, what=what)
    return response


def refused(request, error: Refused) -> None:
    messages.error(request, " ".join(error.messages))


@dataclass
class FieldView:
    name: str
    label: str
    value: str
    options: list[tuple[str, str]]
    multiline: bool


@dataclass
class Item:
    """One question on the page, with what the person sees and may do with it."""

    question: Question
    value: dict | None
    revision: int
    shown: bool
    fields: list[FieldView] = field(default_factory=list)
    readable: list[tuple[str, str]] = field(default_factory=list)
    files: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    conflict: dict | None = None

    @property
    def answered(self) -> bool:
        return is_answered(self.question.kind, self.value)

    @property
    def shown_when(self) -> str:
        return " ".join(self.question.shown_when)


def field_views(question: Question, value: dict | None) -> list[FieldView]:
    language = short_language()
    return [FieldView(f.name, str(f.label), (value or {}).get(f.name, ""),
                      [(code, f.option_label(code, language)) for code in f.options], f.multiline)
            for f in FIELDS[question.kind]]


def items(questions: list[Question], values: dict[int, dict | None], revisions: dict[int, int] | None = None,
          files: dict[int, list] | None = None, comments: dict[int, list] | None = None) -> list[Item]:
    shown = {q.pk for q in shown_questions(questions, values)}
    language = short_language()
    return [Item(q, values.get(q.pk), (revisions or {}).get(q.pk, 0), q.pk in shown,
                 field_views(q, values.get(q.pk)), readable(q.kind, values.get(q.pk), language),
                 (files or {}).get(q.pk, []), (comments or {}).get(q.pk, []))
            for q in questions]
