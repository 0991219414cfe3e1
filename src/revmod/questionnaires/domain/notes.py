"""Writes around answers: comments inside the national team, and files attached to an answer."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.documents.domain import add_attachment
from revmod.questionnaires import policy
from revmod.questionnaires.domain.responses import check_question
from revmod.questionnaires.models import Answer, AnswerFile, Comment, Question, Response

MAX_COMMENT = 5000


@transaction.atomic
def add_comment(response: Response, *, question: Question, body: str, actor) -> Comment:
    """A note for colleagues of the national team on one question; never shown to the reviewers."""
    if not policy.can_comment(actor, response):
        raise Refused(_("Only the national team writes comments here, while the step is open."))
    question = check_question(response, question.pk)
    body = (body or "").strip()
    if not body:
        raise Refused(_("The comment is empty."))
    if len(body) > MAX_COMMENT:
        raise Refused(_("The comment is too long (at most %(n)s characters).") % {"n": MAX_COMMENT})
    comment = Comment.objects.create(response=response, question=question, author=actor, body=body,
                                     posted_at=timezone.now())
    record("questionnaires.comment.posted", actor=actor, target=response, review=response.step.phase.review,
           data={"question": question.pk})
    return comment


@transaction.atomic
def attach_file(response: Response, *, question: Question, uploaded, actor) -> AnswerFile:
    """A file for one answer (a law, a judgment, statistics), checked like every upload.

    The file is kept as an attachment of the SAQ document of the instrument, by the documents
    app's `add_attachment` (size and type by content), and linked to the answer.
    """
    if not policy.can_edit_answers(actor, response):
        raise Refused(_("You cannot change these answers now."))
    question = check_question(response, question.pk)
    document = response.step.documents.get(instrument_id=response.instrument_id)
    attachment = add_attachment(actor=actor, uploaded=uploaded, document=document)
    answer, _created = Answer.objects.get_or_create(
        response=response, question=question,
        defaults={"value": None, "revision": 0, "updated_by": actor, "updated_at": timezone.now()})
    return AnswerFile.objects.create(answer=answer, attachment=attachment)
