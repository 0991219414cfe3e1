"""Reads of questionnaires: the questions a State answers, progress, versions compared, reads audited."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.questionnaires import policy
from revmod.questionnaires.answers import choice_of, is_answered
from revmod.questionnaires.enums import DefinitionStatus, ResponseStatus
from revmod.reviews import policy as review_policy
from revmod.reviews.enums import StepKind, StepStatus
from revmod.reviews.models import ReviewStep
from revmod.questionnaires.models import Answer, AnswerFile, Question, QuestionnaireDefinition, Response, ResponseVersion


def current_definition(instrument_id: str, cluster_id: int) -> QuestionnaireDefinition | None:
    """The latest published questionnaire of an instrument and cluster; new answers use it."""
    return (QuestionnaireDefinition.objects.filter(instrument_id=instrument_id, cluster_id=cluster_id,
                                                   status=DefinitionStatus.PUBLISHED)
            .order_by("-version").first())


def questions_for_party(definition: QuestionnaireDefinition, *, uncac_party: bool) -> list[Question]:
    """The definition's questions for a State: UNTOC articles 8 and 9 only for parties that are
    not parties to UNCAC (P&R 9, appendix table 1)."""
    questions = definition.questions.select_related("article", "parent__article").order_by("article__number", "number")
    if uncac_party:
        questions = questions.filter(article__only_for_non_uncac_parties=False)
    return list(questions)


def visible_saq_step(user, step_id: int):
    """A SAQ step of a review the person may see, else None ("not there" and "not yours" alike, STYLE 7)."""
    step = (ReviewStep.objects.select_related("phase__review__party", "phase__cluster")
            .filter(pk=step_id, kind=StepKind.SAQ).first())
    return step if step is not None and review_policy.can_view_review(user, step.phase.review) else None


def visible_response(user, response_id: int) -> Response | None:
    """Answers the person may read (P&R 34-35, 37, 40), else None; reading them is recorded by `read_response`."""
    response = Response.objects.select_related(
        "step__phase__review__party", "step__phase__cluster", "definition", "instrument").filter(pk=response_id).first()
    return response if response is not None and policy.can_view_response(user, response) else None


def questions_of(response: Response) -> list[Question]:
    if not hasattr(response, "_questions"):
        response._questions = questions_for_party(response.definition, uncac_party=response.step.phase.review.party.uncac_party)
    return response._questions


def answers_of(response: Response) -> dict[int, Answer]:
    return {a.question_id: a for a in Answer.objects.filter(response=response).select_related("updated_by")}


def shown_questions(questions: list[Question], values: dict[int, dict | None]) -> list[Question]:
    """The questions to answer: a follow-up only when its parent is shown and answered as it asks."""
    shown: set[int] = set()
    result = []
    for question in questions:  # parents come before their follow-ups (lower number)
        if question.parent_id is None or (
                question.parent_id in shown and choice_of(values.get(question.parent_id)) in question.shown_when):
            shown.add(question.pk)
            result.append(question)
    return result


@dataclass
class Progress:
    answered: int
    total: int
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100


def progress_of(questions: list[Question], values: dict[int, dict | None]) -> Progress:
    """Answered questions out of those shown, and the labels of those still missing."""
    shown = shown_questions(questions, values)
    missing = [q.label for q in shown if not is_answered(q.kind, values.get(q.pk))]
    return Progress(answered=len(shown) - len(missing), total=len(shown), missing=missing)


def response_progress(response: Response) -> Progress:
    values = {qid: a.value for qid, a in answers_of(response).items()}
    return progress_of(questions_of(response), values)


@dataclass
class StepQuestionnaire:
    instrument: object
    response: Response | None  # None: not started
    progress: Progress | None  # None for those who do not see the working copy (P&R 37)


@dataclass
class StepQuestionnaires:
    rows: list[StepQuestionnaire]
    missing: list[str]  # instruments still to submit
    can_clear: bool


def step_questionnaires(step, user) -> StepQuestionnaires:
    """A SAQ step's questionnaires, one per instrument, with their progress for the national team
    and the secretariat; what is left to submit; whether `user` may clear the step now (P&R 34)."""
    started = {r.instrument_id: r for r in Response.objects.filter(step=step).select_related("definition")}
    rows = []
    for document in step.documents.select_related("instrument").order_by("instrument__order"):
        response = started.get(document.instrument_id)
        progress = None
        if response is not None:
            response.step = step  # already loaded, with its review and party
            if policy.sees_working_copy(user, response):
                progress = response_progress(response)
        rows.append(StepQuestionnaire(document.instrument, response, progress))
    missing = unsubmitted_instruments(step)
    return StepQuestionnaires(rows, missing,
                              can_clear=not missing and bool(rows) and review_policy.clearing_party(user, step) is not None)


def unsubmitted_instruments(step) -> list[str]:
    """Instruments of a SAQ step with a questionnaire whose answers are not submitted (P&R 34)."""
    submitted = set(Response.objects.filter(step=step, status=ResponseStatus.SUBMITTED).values_list("instrument_id", flat=True))
    missing = []
    for document in step.documents.select_related("instrument").order_by("instrument__order"):
        if document.instrument_id and document.instrument_id not in submitted \
                and current_definition(document.instrument_id, step.phase.cluster_id) is not None:
            missing.append(document.instrument_id)
    return missing


def submitted_responses_for(user) -> QuerySet[Response]:
    """The answers with a submission the person may read: those of the reviews they take part
    in, and, once the SAQ step is done, every State's for any approved States-party user
    (P&R 37, 40). Agrees with `policy.can_view_response`; listed by State, never ranked."""
    submissions = ResponseVersion.objects.filter(response=OuterRef("pk"), kind="submission").order_by("-number")
    submitted = (Response.objects.filter(Exists(submissions))
                 .annotate(last_submitted_at=Subquery(submissions.values("created_at")[:1]))
                 .select_related("step__phase__review__party", "step__phase__cluster", "instrument", "definition")
                 .order_by("step__phase__review__party__iso3", "step__phase__cluster__phase", "instrument__order"))
    if review_policy.is_secretariat(user):
        return submitted
    if not review_policy.is_states_party_user(user):
        return submitted.none()
    own = review_policy.reviews_visible_to(user).values("pk")
    return submitted.filter(Q(step__phase__review__in=own) | Q(step__status=StepStatus.DONE))


def last_submission(response: Response) -> ResponseVersion | None:
    return response.versions.filter(kind="submission").order_by("-number").first()


def current_files(response: Response) -> dict[int, list[AnswerFile]]:
    """The files now attached, per question id."""
    files: dict[int, list[AnswerFile]] = {}
    for item in AnswerFile.objects.filter(answer__response=response, removed_at__isnull=True).select_related("answer"):
        files.setdefault(item.answer.question_id, []).append(item)
    return files


def version_files(version: ResponseVersion | None) -> dict[int, list[AnswerFile]]:
    """The files a version holds, per question id, as they were when it was kept."""
    ids = {int(i): int(q) for q, items in (version.files if version else {}).items() for i in items}
    files: dict[int, list[AnswerFile]] = {}
    for item in AnswerFile.objects.filter(pk__in=ids).order_by("uploaded_at", "id"):
        files.setdefault(ids[item.pk], []).append(item)
    return files


def readable_file_ids(user, response: Response) -> set[int]:
    """The files of answers a person may open: the team and the secretariat every file of the
    answers; other readers of the answers the files of the submissions (P&R 34-35, 40)."""
    if not policy.can_view_response(user, response):
        return set()
    if policy.sees_working_copy(user, response):
        return set(AnswerFile.objects.filter(answer__response=response).values_list("pk", flat=True))
    submitted = response.versions.filter(kind="submission").values_list("files", flat=True)
    return {int(i) for files in submitted for items in files.values() for i in items}


def read_response(response: Response, *, actor, request=None, what: str = "answers") -> Response:
    """Open a confidential questionnaire; every read is in the audit trail (P&R 37)."""
    if not policy.can_view_response(actor, response):
        raise Refused(_("You cannot read these answers."))
    record("questionnaires.response.read", actor=actor, target=response, review=response.step.phase.review,
           data={"what": what, "instrument": response.instrument_id}, request=request)
    return response


@dataclass
class Difference:
    question: Question
    old: dict | None
    new: dict | None
    old_files: list[int] = field(default_factory=list)
    new_files: list[int] = field(default_factory=list)


def compare(questions: list[Question], old: dict[str, dict | None], new: dict[str, dict | None],
            old_files: dict[str, list[int]] | None = None, new_files: dict[str, list[int]] | None = None) -> list[Difference]:
    """The questions whose answer or files differ between two versions, in questionnaire order."""
    old_files, new_files = old_files or {}, new_files or {}
    differences = []
    for q in questions:
        key = str(q.pk)
        before, after = old_files.get(key, []), new_files.get(key, [])
        if (old.get(key) or None) != (new.get(key) or None) or sorted(before) != sorted(after):
            differences.append(Difference(q, old.get(key), new.get(key), before, after))
    return differences
