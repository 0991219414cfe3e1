"""Writes around answers: comments inside the national team, and files attached to an answer."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.documents.domain import checked_upload  # the platform's one upload check
from revmod.questionnaires import policy
from revmod.questionnaires.domain.queries import readable_file_ids
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

    Size and type are checked by the documents app's rules (the type from the content, never the
    name). Side effects, in order: the answer row if there was none, the file, an audit entry.
    No notice goes out: answers being written stay inside the national team (P&R 34, 37).
    """
    if not policy.can_edit_answers(actor, response):
        raise Refused(_("You cannot change these answers now."))
    question = check_question(response, question.pk)
    data, kind, name = checked_upload(uploaded)
    answer, _created = Answer.objects.get_or_create(
        response=response, question=question,
        defaults={"value": None, "revision": 0, "updated_by": actor, "updated_at": timezone.now()})
    item = AnswerFile(answer=answer, name=name, size=len(data), content_type=kind, sha256=hashlib.sha256(data).hexdigest(),
                      uploaded_by=actor, uploaded_at=timezone.now())
    item.file.save(name, ContentFile(data), save=False)
    item.save()
    record("questionnaires.file.attached", actor=actor, target=response, review=response.step.phase.review,
           data={"question": question.pk, "label": question.label, "file": item.pk, "name": name, "sha256": item.sha256})
    return item


@transaction.atomic
def remove_file(response: Response, *, item: AnswerFile, actor) -> AnswerFile:
    """Take a file off its answer; versions that hold it keep it, so nothing submitted is lost."""
    if not policy.can_edit_answers(actor, response):
        raise Refused(_("You cannot change these answers now."))
    if item.answer.response_id != response.pk or item.removed_at is not None:
        raise Refused(_("This file is not attached to these answers."))
    item.removed_at = timezone.now()
    item.save(update_fields=["removed_at"])
    record("questionnaires.file.removed", actor=actor, target=response, review=response.step.phase.review,
           data={"question": item.answer.question_id, "file": item.pk, "name": item.name})
    return item


def read_file(response: Response, *, item: AnswerFile, actor, request=None) -> AnswerFile:
    """Open a file of an answer: the team any file of its answers, others only the files of a
    submission they may read (P&R 37, 40); every read is in the audit trail."""
    if item.answer.response_id != response.pk or item.pk not in readable_file_ids(actor, response):
        raise Refused(_("You cannot read this file."))
    record("questionnaires.file.read", actor=actor, target=response, review=response.step.phase.review,
           data={"file": item.pk, "name": item.name}, request=request)
    return item
