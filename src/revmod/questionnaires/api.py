"""The questionnaires over the API: a SAQ step's questionnaires, one questionnaire's answers, autosave of one answer, submission."""

from datetime import date, datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from revmod.accounts.api import ConflictOut, ErrorOut
from revmod.core.errors import Refused
from revmod.questionnaires import policy
from revmod.questionnaires.answers import FIELDS, is_answered
from revmod.questionnaires.domain import responses
from revmod.questionnaires.domain.queries import (
    Progress, answers_of, last_submission, progress_of, questions_of, read_response, response_progress,
    shown_questions, step_questionnaires, visible_response, visible_saq_step,
)
from revmod.questionnaires.models import Question, Response
from revmod.reviews.models import ReviewStep

router = Router(tags=["questionnaires"])


class ProgressOut(Schema):
    answered: int
    total: int
    percent: int
    missing: list[str]


class QuestionnaireRowOut(Schema):
    instrument: str
    instrument_name: str
    response: int | None
    status: str | None
    submitted_at: datetime | None
    progress: ProgressOut | None


class StepQuestionnairesOut(Schema):
    step: int
    review: int
    party: str
    step_status: str
    due_on: date | None
    questionnaires: list[QuestionnaireRowOut]
    unsubmitted: list[str]
    can_clear: bool


class ResponseOut(Schema):
    id: int
    step: int
    review: int
    party: str
    instrument: str
    questionnaire_version: int
    status: str
    submitted_at: datetime | None
    working_copy: bool
    submission: int | None
    progress: ProgressOut
    can_edit: bool
    can_submit: bool
    can_reopen: bool


class OptionOut(Schema):
    code: str
    label: str


class FieldOut(Schema):
    name: str
    label: str
    options: list[OptionOut]


class QuestionOut(Schema):
    id: int
    label: str
    article: int
    kind: str
    text: str
    parent: int | None
    shown_when: list[str]
    shown: bool
    answered: bool
    fields: list[FieldOut]
    value: dict[str, str] | None
    revision: int


class ResponseDetailOut(ResponseOut):
    questions: list[QuestionOut]


class AnswerIn(Schema):
    """One whole answer, as the page's form sends it: the fields of the question's kind (its
    `fields`; one of `answers.FIELDS`), a field left out is blank; choices by code or label."""

    base_revision: int = Field(ge=0, le=2**31 - 1, description="The answer's `revision` when you read it; 0 for none")
    choice: str = ""
    explanation: str = ""
    text: str = ""
    citation: str = ""
    provision: str = ""
    link: str = ""
    mechanism: str = ""
    reference: str = ""


class AnswerOut(Schema):
    question: int
    revision: int
    value: dict[str, str] | None
    answered: bool
    progress: ProgressOut


class AnswerConflictOut(ConflictOut):
    value: dict[str, str] | None
    by: str


def progress_out(progress: Progress) -> dict:
    return {"answered": progress.answered, "total": progress.total, "percent": progress.percent,
            "missing": progress.missing}


def visible_step_or_404(user, step_id: int) -> ReviewStep:
    step = visible_saq_step(user, step_id)
    if step is None:
        raise Http404
    return step


def visible_response_or_404(user, response_id: int, *, request=None) -> Response:
    """The answers if the caller may read them, the read recorded when `request` is given (P&R 37)."""
    response = visible_response(user, response_id)
    if response is None:
        raise Http404
    if request is not None:
        read_response(response, actor=user, request=request)
    return response


def readable_answers(response: Response, user) -> tuple[dict[int, dict | None], dict[int, int]]:
    """What the caller may read: the working copy for the national team and the secretariat,
    else the last submission, without revisions (P&R 34-35, 40). Values and revisions by question id."""
    if policy.sees_working_copy(user, response):
        answers = answers_of(response)
        return {qid: a.value for qid, a in answers.items()}, {qid: a.revision for qid, a in answers.items()}
    submitted = last_submission(response)
    return {int(k): v for k, v in (submitted.answers if submitted else {}).items()}, {}


def response_out(response: Response, user, values: dict[int, dict | None] | None = None) -> dict:
    """The answers' state and what the caller may do; `values`: the answers they may read (read here if not given)."""
    if values is None:
        values, _revisions = readable_answers(response, user)
    submitted = last_submission(response)
    review = response.step.phase.review
    return {
        "id": response.pk, "step": response.step_id, "review": review.pk, "party": review.party_id,
        "instrument": response.instrument_id, "questionnaire_version": response.definition.version,
        "status": response.status, "submitted_at": response.submitted_at,
        "working_copy": policy.sees_working_copy(user, response),
        "submission": submitted.number if submitted else None,
        "progress": progress_out(progress_of(questions_of(response), values)),
        "can_edit": policy.can_edit_answers(user, response), "can_submit": policy.can_submit(user, response),
        "can_reopen": policy.can_reopen(user, response),
    }


def field_out(field) -> dict:
    return {"name": field.name, "label": str(field.label),
            "options": [{"code": code, "label": field.option_label(code)} for code in field.options]}


def question_out(question: Question, value: dict | None, revision: int, shown: bool) -> dict:
    return {
        "id": question.pk, "label": question.label, "article": question.article.number, "kind": question.kind,
        "text": question.text, "parent": question.parent_id, "shown_when": question.shown_when, "shown": shown,
        "answered": is_answered(question.kind, value), "fields": [field_out(f) for f in FIELDS[question.kind]],
        "value": value, "revision": revision,
    }


@router.get("/steps/{step_id}", response={200: StepQuestionnairesOut, 404: ErrorOut}, summary="A SAQ step's questionnaires")
def list_step_questionnaires(request, step_id: int):
    """The questionnaires of a self-assessment step, one per instrument, with their answers'
    status; progress for the national team and the secretariat only. `unsubmitted` names the
    instruments still to submit before the focal point clears the step (P&R 34)."""
    step = visible_step_or_404(request.auth, step_id)
    overview = step_questionnaires(step, request.auth)
    rows = [{"instrument": row.instrument.pk, "instrument_name": str(row.instrument),
             "response": row.response.pk if row.response else None, "status": row.response.status if row.response else None,
             "submitted_at": row.response.submitted_at if row.response else None,
             "progress": progress_out(row.progress) if row.progress else None} for row in overview.rows]
    return {"step": step.pk, "review": step.phase.review_id, "party": step.phase.review.party_id,
            "step_status": step.status, "due_on": step.due_on, "questionnaires": rows, "unsubmitted": overview.missing,
            "can_clear": overview.can_clear}


@router.post("/steps/{step_id}/{instrument}", response={200: ResponseOut, 404: ErrorOut}, summary="Open a questionnaire")
def start_questionnaire(request, step_id: int, instrument: str):
    """The answers to one instrument's questionnaire, started when a drafter (focal point or
    expert of the State under review) first opens them, against the latest published version.
    404 when there is nothing to answer yet and the caller may not start it."""
    step = visible_step_or_404(request.auth, step_id)
    response = responses.open_response(step, instrument_id=instrument, actor=request.auth)
    if response is None:
        return Status(404, {"detail": _("There are no answers to this questionnaire yet.")})
    return response_out(visible_response_or_404(request.auth, response.pk), request.auth)


@router.get("/{response_id}", response={200: ResponseDetailOut, 404: ErrorOut}, summary="Read a questionnaire's answers")
def read_questionnaire(request, response_id: int):
    """Every question the State answers (in the caller's language), with the fields of its kind
    and the answer the caller may read: the working copy, with each answer's `revision`, for the
    national team and the secretariat; the last submission for the reviewing States and, once the
    step is done, every States party (P&R 34-35, 40). Every read is in the audit trail (P&R 37)."""
    response = visible_response_or_404(request.auth, response_id, request=request)
    values, revisions = readable_answers(response, request.auth)
    questions = questions_of(response)
    shown = {q.pk for q in shown_questions(questions, values)}
    return {**response_out(response, request.auth, values),
            "questions": [question_out(q, values.get(q.pk), revisions.get(q.pk, 0), q.pk in shown) for q in questions]}


@router.put("/{response_id}/answers/{question_id}",
            response={200: AnswerOut, 400: ErrorOut, 404: ErrorOut, 409: AnswerConflictOut}, summary="Save one answer")
def save_questionnaire_answer(request, response_id: int, question_id: int, payload: AnswerIn):
    """Autosave of one answer by a drafter while the answers are not submitted (P&R 34).
    `base_revision` is the revision read: if someone saved the answer since, nothing is
    overwritten and the answer is 409 with their answer, its revision as `current_version`
    and who saved it. 400 with the reason for an answer that does not fit the question."""
    response = visible_response_or_404(request.auth, response_id)
    try:
        question = responses.check_question(response, question_id)
    except Refused:
        raise Http404 from None
    value = {f.name: getattr(payload, f.name) for f in FIELDS[question.kind]}
    try:
        answer = responses.save_answer(response, question=question, value=value, base_revision=payload.base_revision,
                                       actor=request.auth)
    except responses.AnswerConflict as error:
        theirs = error.answer
        return Status(409, {"detail": " ".join(error.messages), "current_version": theirs.revision,
                            "value": theirs.value, "by": str(theirs.updated_by)})
    return {"question": question.pk, "revision": answer.revision, "value": answer.value,
            "answered": is_answered(question.kind, answer.value), "progress": progress_out(response_progress(response))}


@router.post("/{response_id}/submit", response={200: ResponseOut, 400: ErrorOut, 404: ErrorOut},
             summary="Submit the answers")
def submit_questionnaire(request, response_id: int):
    """The focal point of the State under review submits complete answers: a locked version,
    and its text as a new version of the step's SAQ document (P&R 34, DOMAIN §6). 400 with the
    reason for anyone else, or while questions are unanswered."""
    response = visible_response_or_404(request.auth, response_id)
    responses.submit_response(response, actor=request.auth)
    return response_out(visible_response_or_404(request.auth, response_id), request.auth)
