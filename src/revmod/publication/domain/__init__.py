"""Writes of publication: publishing chosen material to the public country profile, and withdrawing it (P&R 41).

Each act is one transaction: the row, the public edition moved on (so every public page
drops what it kept), an audit entry.
"""

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.documents.models import Document, DocumentVersion, Message
from revmod.publication import policy
from revmod.publication.domain import rendering
from revmod.publication.domain.queries import forget_edition, material_title, publishable
from revmod.publication.enums import CONTENT_LANGUAGES, PublicationKind
from revmod.publication.models import Publication, PublicEdition
from revmod.questionnaires.domain.queries import last_submission, questions_of, shown_questions
from revmod.questionnaires.enums import ResponseStatus
from revmod.questionnaires.models import Response
from revmod.reviews.enums import StepKind, StepStatus
from revmod.reviews.models import CountryReview, ReviewStep


@dataclass
class Draft:
    """Material as it would be published: the exact text, and the fingerprint the confirmation must match."""

    review: CountryReview
    kind: str
    source_id: int
    step: object
    instrument_id: str | None
    source_version: int | None
    parts: list[int]
    language: str
    body: str
    title: str

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(f"{self.kind}|{self.source_id}|{self.language}|{self.body}".encode()).hexdigest()


def _not_found() -> Refused:
    return Refused(_("This material cannot be published from this review."))


def _saq(review, source_id: int, parts: list[int], language: str) -> dict:
    response = Response.objects.filter(pk=source_id, step__phase__review=review, status=ResponseStatus.SUBMITTED) \
        .select_related("step__phase__review__party", "definition").first()
    version = last_submission(response) if response else None
    if version is None:
        raise _not_found()
    values = {int(k): v for k, v in version.answers.items()}
    shown = {q.pk for q in shown_questions(questions_of(response), values)}
    if not set(parts) <= shown:
        raise Refused(_("Some of the questions chosen are not among the submitted answers."))
    body = rendering.saq_answers_html(response, version, question_ids=set(parts) if parts else None, language=language)
    return {"step": response.step, "instrument_id": response.instrument_id, "source_version": version.number, "body": body}


def _dialogue(review, source_id: int, parts: list[int], language: str) -> dict:
    step = review_step(review, source_id, kind=StepKind.DIALOGUE)
    messages = list(Message.objects.filter(step=step).select_related("party"))
    if not messages:
        raise _not_found()
    if not set(parts) <= {m.pk for m in messages}:
        raise Refused(_("Some of the messages chosen are not part of this dialogue."))
    chosen = [m for m in messages if not parts or m.pk in parts]
    return {"step": step, "instrument_id": None, "source_version": None,
            "body": rendering.dialogue_html(chosen, language=language)}


def _document(review, source_id: int, parts: list[int], language: str) -> dict:
    document = Document.objects.filter(pk=source_id, step__phase__review=review, step__status=StepStatus.DONE) \
        .exclude(step__kind=StepKind.DIALOGUE).select_related("step__phase").first()
    version = DocumentVersion.objects.filter(document=document, number=document.current_version).first() if document else None
    if version is None:
        raise _not_found()
    if parts:
        raise Refused(_("A document is published whole."))
    return {"step": document.step, "instrument_id": document.instrument_id, "source_version": version.number,
            "body": rendering.document_html(version)}


BUILDERS = {PublicationKind.SAQ_ANSWERS: _saq, PublicationKind.DIALOGUE: _dialogue, PublicationKind.DOCUMENT: _document}


def review_step(review, step_id: int, *, kind: str):
    step = ReviewStep.objects.filter(pk=step_id, phase__review=review, kind=kind).select_related("phase").first()
    if step is None:
        raise _not_found()
    return step


def prepare(review: CountryReview, *, kind: str, source_id: int, parts: list[int], language: str, actor) -> Draft:
    """The material as the public would see it; refused to anyone but the State's focal point, or
    for material that is not the review's, not submitted, or parts that are not the material's."""
    if not policy.can_publish(actor, review):
        raise Refused(_("Only the focal point of the State under review publishes its material."))
    if kind not in BUILDERS:
        raise _not_found()
    if language not in CONTENT_LANGUAGES:
        raise Refused(_("Choose the language the material is written in."))
    built = BUILDERS[kind](review, source_id, sorted(set(parts)), language)
    if not built["body"].strip():
        raise Refused(_("There is nothing to publish in what was chosen."))
    title = material_title(kind, instrument_id=built["instrument_id"], step_kind=built["step"].kind,
                           cluster=built["step"].phase.cluster_id)
    return Draft(review=review, kind=kind, source_id=source_id, parts=sorted(set(parts)), language=language,
                 title=title, **built)


def preview(review: CountryReview, *, kind: str, source_id: int, parts: list[int], language: str, actor,
            request=None) -> Draft:
    """`prepare`, with the read of the confidential material in the audit trail (P&R 37)."""
    draft = prepare(review, kind=kind, source_id=source_id, parts=parts, language=language, actor=actor)
    record("publication.previewed", actor=actor, target=review, review=review, request=request,
           data={"kind": kind, "source": source_id, "parts": draft.parts})
    return draft


def material_for(review: CountryReview, *, actor, request=None) -> list:
    """What the focal point may publish, with excerpts of it; the read is in the audit trail (P&R 37)."""
    if not policy.can_publish(actor, review):
        return []
    sources = publishable(review)
    if sources:
        record("publication.material.listed", actor=actor, target=review, review=review, request=request,
               data={"sources": [[s.kind, s.source_id] for s in sources]})
    return sources


def _next_edition() -> None:
    """Move the public edition on; this process reads it again now and after the commit."""
    if not PublicEdition.objects.filter(pk=1).update(number=F("number") + 1):
        PublicEdition.objects.create(pk=1, number=1)
    forget_edition()
    transaction.on_commit(forget_edition)


@transaction.atomic
def publish(review: CountryReview, *, kind: str, source_id: int, parts: list[int], language: str, fingerprint: str,
            actor, request=None) -> Publication:
    """Publish what the focal point saw: refused if the material changed since (fingerprint differs).

    Side effects, in order: the publication row (a frozen copy), the public edition moved on,
    an audit entry.
    """
    draft = prepare(review, kind=kind, source_id=source_id, parts=parts, language=language, actor=actor)
    if draft.fingerprint != fingerprint:
        raise Refused(_("The material changed since you looked at it. Look at it again before publishing."))
    if Publication.objects.filter(review=review, fingerprint=fingerprint, withdrawn_at__isnull=True).exists():
        raise Refused(_("This material is already published as it is."))
    publication = Publication.objects.create(
        review=review, kind=kind, step=draft.step, instrument_id=draft.instrument_id, source_version=draft.source_version,
        parts=draft.parts, language=language, body=draft.body, fingerprint=fingerprint,
        published_by=actor, published_at=timezone.now())
    _next_edition()
    record("publication.published", actor=actor, target=publication, review=review, request=request,
           data={"kind": kind, "source": source_id, "version": draft.source_version, "parts": draft.parts,
                 "language": language, "fingerprint": fingerprint})
    return publication


@transaction.atomic
def withdraw(publication: Publication, *, actor, request=None) -> Publication:
    """Take published material off the public site at once (P&R 41).

    Side effects, in order: the withdrawal on the row (kept, for the record), the public
    edition moved on, an audit entry.
    """
    review = publication.review
    if not policy.can_withdraw(actor, review):
        raise Refused(_("Only the focal point of the State under review or the secretariat withdraws published material."))
    if not Publication.objects.filter(pk=publication.pk, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now(), withdrawn_by=actor):
        raise Refused(_("This material was already withdrawn."))
    publication.refresh_from_db()
    _next_edition()
    record("publication.withdrawn", actor=actor, target=publication, review=review, request=request,
           data={"kind": publication.kind})
    return publication
