"""Writes of answers: opening a questionnaire, autosave without lost edits, submission, versions."""

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import EditConflict, Refused
from revmod.documents.domain import save_version
from revmod.questionnaires import policy
from revmod.questionnaires.answers import WrongAnswer, clean_value
from revmod.questionnaires.domain.queries import current_definition, current_files, questions_of, response_progress
from revmod.questionnaires.domain.rendering import render_html
from revmod.questionnaires.enums import ResponseStatus, VersionKind
from revmod.questionnaires.models import Answer, Question, Response, ResponseVersion
from revmod.reviews import policy as review_policy
from revmod.reviews.enums import StepKind


class AnswerConflict(EditConflict):
    """Someone saved this answer since the person loaded it; their answer is kept, ours is returned."""

    def __init__(self, message, *, answer: Answer):
        super().__init__(message, current_version=answer.revision)
        self.answer = answer


def open_response(step, *, instrument_id: str, actor) -> Response | None:
    """The State's answers to the instrument's questionnaire, started when a drafter first opens it.

    None when there is nothing to answer yet: no questionnaire for the cluster, a step that is
    not the SAQ, or nobody has started and the person may not start it.
    """
    if step.kind != StepKind.SAQ or not step.documents.filter(instrument_id=instrument_id).exists():
        return None
    response = Response.objects.filter(step=step, instrument_id=instrument_id).select_related("definition").first()
    if response is not None or not review_policy.can_draft(actor, step):
        return response
    definition = current_definition(instrument_id, step.phase.cluster_id)
    if definition is None:
        return None
    with transaction.atomic():
        response, created = Response.objects.get_or_create(
            step=step, instrument_id=instrument_id, defaults={"definition": definition, "created_at": timezone.now()})
        if created:
            record("questionnaires.response.started", actor=actor, target=response, review=step.phase.review,
                   data={"instrument": instrument_id, "definition": definition.pk, "version": definition.version})
    return response


def check_question(response: Response, question_id: int) -> Question:
    """The question if it belongs to what this State answers; refused otherwise."""
    question = next((q for q in questions_of(response) if q.pk == question_id), None)
    if question is None:
        raise Refused(_("This question is not part of this questionnaire."))
    return question


@transaction.atomic
def save_answer(response: Response, *, question: Question, value: dict, base_revision: int, actor) -> Answer:
    """Save one answer unless someone saved it since `base_revision` (compare-and-swap).

    Side effects, in order: the answer row (created at revision 1 or moved up by one), an audit
    entry. A stale revision raises AnswerConflict carrying the newer answer; nothing is written.
    """
    if not policy.can_edit_answers(actor, response):
        raise Refused(_("You cannot change these answers now."))
    question = check_question(response, question.pk)
    try:
        cleaned = clean_value(question.kind, value)
    except WrongAnswer as error:
        raise Refused(_("Question %(label)s: %(problem)s") % {"label": question.label, "problem": error}) from error
    current = Answer.objects.filter(response=response, question=question).first()
    if current is not None and current.revision == base_revision and current.value == cleaned:
        return current
    now = timezone.now()
    moved = Answer.objects.filter(response=response, question=question, revision=base_revision).update(
        value=cleaned, revision=F("revision") + 1, updated_by=actor, updated_at=now)
    if not moved and not (base_revision == 0 and _created(response, question, cleaned, actor, now)):
        theirs = Answer.objects.select_related("updated_by").filter(response=response, question=question).first()
        if theirs is None:
            raise Refused(_("This answer changed in a way the page does not know: reload the page."))
        raise AnswerConflict(
            _("%(person)s saved a newer answer to question %(label)s while you were writing. Their answer was kept; yours is shown beside it: choose which to keep.")
            % {"person": theirs.updated_by, "label": question.label}, answer=theirs)
    answer = Answer.objects.get(response=response, question=question)
    record("questionnaires.answer.saved", actor=actor, target=response, review=response.step.phase.review,
           data={"question": question.pk, "label": question.label, "revision": answer.revision})
    return answer


def _created(response, question, value, actor, now) -> bool:
    try:
        with transaction.atomic():
            Answer.objects.create(response=response, question=question, value=value, revision=1,
                                  updated_by=actor, updated_at=now)
        return True
    except IntegrityError:  # someone created it first: a conflict, reported by the caller
        return False


def keep_version(response: Response, *, kind: str, actor) -> ResponseVersion:
    """Freeze the current answers as the next numbered version; versions are never changed."""
    number = (response.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    answers = {str(a.question_id): a.value for a in Answer.objects.filter(response=response) if a.value}
    files = {str(qid): [item.pk for item in items] for qid, items in current_files(response).items()}
    return ResponseVersion.objects.create(response=response, number=number, kind=kind, answers=answers, files=files,
                                          created_by=actor, created_at=timezone.now())


@transaction.atomic
def save_point(response: Response, *, actor) -> ResponseVersion:
    """A version the team keeps on purpose, to compare later drafts with."""
    if not policy.can_edit_answers(actor, response):
        raise Refused(_("You cannot change these answers now."))
    version = keep_version(response, kind=VersionKind.SAVE_POINT, actor=actor)
    record("questionnaires.version.kept", actor=actor, target=response, review=response.step.phase.review,
           data={"version": version.number})
    return version


def _lock(response: Response) -> None:
    """Serialise submissions and reopenings of one response; the caller's object gets the current status."""
    response.status = Response.objects.select_for_update().values_list("status", flat=True).get(pk=response.pk)


@transaction.atomic
def submit_response(response: Response, *, actor) -> ResponseVersion:
    """The focal point submits complete answers: a locked version, and its text in the SAQ document.

    Side effects, in order: the submitted version, the status, a new version of the step's
    document for the instrument (so the review page, downloads and the step's guard see the
    answers, P&R 34, 40), an audit entry.
    """
    _lock(response)
    if not policy.can_submit(actor, response):
        raise Refused(_("Only the focal point of the State under review submits the answers, while the step is open."))
    if response.status == ResponseStatus.SUBMITTED:
        raise Refused(_("These answers are already submitted."))
    progress = response_progress(response)
    if not progress.complete:
        raise Refused(_("Some questions are not answered yet: %(labels)s.") % {"labels": ", ".join(progress.missing)})
    version = keep_version(response, kind=VersionKind.SUBMISSION, actor=actor)
    response.status, response.submitted_at = ResponseStatus.SUBMITTED, timezone.now()
    response.save(update_fields=["status", "submitted_at"])
    document = response.step.documents.select_for_update().get(instrument_id=response.instrument_id)
    save_version(document, body=render_html(response), base_version=document.current_version, actor=actor,
                 from_questionnaire=True)
    record("questionnaires.response.submitted", actor=actor, target=response, review=response.step.phase.review,
           data={"version": version.number, "definition_version": response.definition.version})
    return version


@transaction.atomic
def reopen_response(response: Response, *, actor) -> Response:
    """The focal point reopens submitted answers to change them; the submitted version stays as it was."""
    _lock(response)
    if not policy.can_reopen(actor, response):
        raise Refused(_("Only the focal point of the State under review can reopen submitted answers, while the step is open."))
    response.status = ResponseStatus.DRAFT
    response.save(update_fields=["status"])
    record("questionnaires.response.reopened", actor=actor, target=response, review=response.step.phase.review)
    return response
