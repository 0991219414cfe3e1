"""Writes of review documents: versions with edit-conflict detection, attachments, messages."""

import codecs
import hashlib
import html
from pathlib import PurePath

import nh3
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import EditConflict, Refused
from revmod.core.virus_scan import check_upload
from revmod.documents.models import Attachment, ClarificationQuestion, Document, DocumentVersion, Message
from revmod.documents.wordcount import count_words
from revmod.questionnaires.domain.queries import current_definition
from revmod.reviews import policy
from revmod.reviews.domain.notices import document_shared, message_posted
from revmod.reviews.enums import StepKind
from revmod.reviews.models import ReviewStep, StepClearance

ALLOWED_TAGS = {"p", "br", "strong", "em", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td"}
MAX_BODY_CHARS = 500_000


def clean_html(body: str) -> str:
    """Rich text kept to safe tags; scripts, styles and event handlers removed.

    Plain text (no tag at all) becomes paragraphs: a blank line separates them.
    """
    body = body or ""
    if "<" not in body:
        paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
        body = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return nh3.clean(body, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel="noopener noreferrer")


def written_in_questionnaire(document: Document) -> bool:
    """An SAQ document whose instrument and cluster have a published questionnaire is written by
    answering it: its text is the rendering of the submitted answers (P&R 9, 34), never typed
    over by hand, so that the document and the answers cannot say different things."""
    step = document.step
    return (step.kind == StepKind.SAQ and document.instrument_id is not None
            and current_definition(document.instrument_id, step.phase.cluster_id) is not None)


@transaction.atomic
def save_version(document: Document, *, body: str, base_version: int, actor,
                 from_questionnaire: bool = False) -> DocumentVersion:
    """Save a new version unless someone saved one since `base_version` (no silent overwrite).

    Side effects, in order: the version, the document's current number (compare-and-swap),
    withdrawal of the step's clearances (the text they cleared changed), an audit entry.
    """
    step = document.step
    if not policy.can_draft(actor, step):
        raise Refused(_("You cannot edit this document now."))
    if not from_questionnaire and written_in_questionnaire(document):
        raise Refused(_("These answers are written in the questionnaire, not here: open the questionnaire to change them."))
    body = clean_html(body)
    if len(body) > MAX_BODY_CHARS:
        raise Refused(_("The text is too long (at most %(n)s characters).") % {"n": MAX_BODY_CHARS})
    if not body.strip():
        raise Refused(_("The text is empty."))
    moved = Document.objects.filter(pk=document.pk, current_version=base_version).update(current_version=F("current_version") + 1)
    if not moved:
        current = Document.objects.values_list("current_version", flat=True).get(pk=document.pk)
        raise EditConflict(
            _("Someone saved a newer version (version %(n)s) while you were editing. Your text was not saved over it: compare and save again.") % {"n": current},
            current_version=current)
    version = DocumentVersion.objects.create(
        document=document, number=base_version + 1, body=body, word_count=count_words(body),
        created_by=actor, created_at=timezone.now())
    document.current_version = base_version + 1
    withdrawn = StepClearance.objects.filter(step=step).delete()[0]
    record("documents.version.saved", actor=actor, target=document, review=step.phase.review,
           data={"version": version.number, "words": version.word_count, "clearances_withdrawn": withdrawn})
    return version


def _sniff(head: bytes) -> str | None:
    """The file's type from its first bytes; None when it is not one we accept."""
    signatures = [(b"%PDF-", "application/pdf"), (b"PK\x03\x04", "application/zip"),
                  (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                  (b"\xd0\xcf\x11\xe0", "application/x-ole-storage")]
    for magic, kind in signatures:
        if head.startswith(magic):
            return kind
    try:
        # Incremental: the head may end inside a character (Chinese is three bytes to a character).
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    # Text has no control characters but tab, line ends and form feed: a binary (ELF, Mach-O) is refused.
    return None if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text) else "text/plain"


def checked_upload(uploaded) -> tuple[bytes, str, str]:
    """The platform's one check of an uploaded file: its bytes, its type and a safe name.

    Not empty, at most UPLOAD_MAX_BYTES, type judged by content (never by name), then the virus
    scan (ClamAV, when installed: core.virus_scan). Every app that keeps uploads calls this.
    """
    if uploaded.size == 0:
        raise Refused(_("The file is empty."))
    if uploaded.size > settings.UPLOAD_MAX_BYTES:
        raise Refused(_("The file is larger than %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)})
    data = uploaded.read()
    kind = _sniff(data[:16])
    if kind is None:
        raise Refused(_("This kind of file is not accepted: send PDF, Word, Excel, images or plain text."))
    check_upload(data, name=uploaded.name)
    return data, kind, get_valid_filename(PurePath(uploaded.name or "").name)[:200] or "file"


@transaction.atomic
def add_attachment(*, actor, uploaded, document: Document | None = None, message: Message | None = None,
                   is_record: bool = False) -> Attachment:
    """Keep an uploaded file after checking its size and its type by content, not by name."""
    step = document.step if document else message.step
    if not (policy.can_draft(actor, step) or policy.can_post_message(actor, step)):
        raise Refused(_("You cannot add files here now."))
    data, kind, name = checked_upload(uploaded)
    attachment = Attachment(document=document, message=message, name=name, size=len(data), content_type=kind,
                            sha256=hashlib.sha256(data).hexdigest(), uploaded_by=actor,
                            uploaded_at=timezone.now(), is_record=is_record)
    attachment.file.save(name, ContentFile(data), save=False)
    attachment.save()
    record("documents.attachment.added", actor=actor, target=attachment, review=step.phase.review,
           data={"name": name, "size": len(data), "sha256": attachment.sha256})
    document_shared(attachment)
    return attachment


@transaction.atomic
def post_message(step: ReviewStep, *, actor, body: str, reply_to: Message | None = None) -> Message:
    """A message of the written constructive dialogue (P&R 35)."""
    if not policy.can_post_message(actor, step):
        raise Refused(_("You cannot write in this dialogue now."))
    if not body.strip():
        raise Refused(_("The message is empty."))
    roles = policy.roles_in(actor, step.phase.review)
    message = Message.objects.create(step=step, author=actor, party_id=roles[0][1] if roles else None,
                                     reply_to=reply_to, body=body.strip()[:20000], posted_at=timezone.now())
    record("documents.message.posted", actor=actor, target=message, review=step.phase.review)
    message_posted(message)
    return message


@transaction.atomic
def ask_question(document: Document, *, actor, question: str) -> ClarificationQuestion:
    """Reviewing experts ask for clarification in their written feedback (P&R 35)."""
    if document.step.kind != StepKind.FEEDBACK or not policy.can_draft(actor, document.step):
        raise Refused(_("Clarification questions are asked by the reviewing States in their written feedback."))
    if not question.strip():
        raise Refused(_("The question is empty."))
    item = ClarificationQuestion.objects.create(document=document, asked_by=actor, asked_at=timezone.now(),
                                                question=question.strip())
    record("documents.question.asked", actor=actor, target=item, review=document.step.phase.review)
    return item


@transaction.atomic
def answer_question(item: ClarificationQuestion, *, actor, answer: str) -> ClarificationQuestion:
    """The State under review answers a clarification question inline (P&R 35)."""
    review = item.document.step.phase.review
    if not any(side == "reviewed" and role != "observer" for side, _p, role in policy.roles_in(actor, review)):
        raise Refused(_("Only the State under review answers clarification questions."))
    if not answer.strip():
        raise Refused(_("The answer is empty."))
    item.answer, item.answered_by, item.answered_at = answer.strip(), actor, timezone.now()
    item.save(update_fields=["answer", "answered_by", "answered_at"])
    record("documents.question.answered", actor=actor, target=item, review=review)
    return item


def read_document(document: Document, *, actor, request=None) -> Document:
    """Open a confidential document for reading; every read is in the audit trail (P&R 37)."""
    if not policy.can_view_document(actor, document):
        raise Refused(_("You cannot read this document."))
    record("documents.document.read", actor=actor, target=document, review=document.step.phase.review,
           data={"version": document.current_version}, request=request)
    return document


def read_attachment(attachment: Attachment, *, actor, request=None) -> Attachment:
    """Open an attached file for download; recorded like every confidential read."""
    step = attachment.document.step if attachment.document_id else attachment.message.step
    allowed = policy.can_view_document(actor, attachment.document) if attachment.document_id else policy.can_view_review(actor, step.phase.review)
    if not allowed:
        raise Refused(_("You cannot read this file."))
    record("documents.attachment.read", actor=actor, target=attachment, review=step.phase.review, request=request)
    return attachment
