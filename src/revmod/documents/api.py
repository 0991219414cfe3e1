"""Review documents over the API: reading the current version, saving a new one without overwriting, the history."""

from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from revmod.accounts.api import ConflictOut, ErrorOut
from revmod.core.errors import Refused
from revmod.documents import domain
from revmod.documents.models import Document, DocumentVersion
from revmod.reviews import policy

router = Router(tags=["documents"])


class DocumentOut(Schema):
    id: int
    review: int
    step: int
    step_kind: str
    instrument: str | None
    number: int
    body: str
    word_count: int
    author: str | None
    saved_at: datetime | None
    can_edit: bool


class VersionOut(Schema):
    number: int
    word_count: int
    author: str
    saved_at: datetime


class DocumentIn(Schema):
    body: str
    base_version: int


def _document(document_id: int) -> Document:
    documents = Document.objects.select_related("step__phase__review__party", "instrument")
    return get_object_or_404(documents, pk=document_id)


def readable_or_404(user, document_id: int, request=None) -> Document:
    """The document, its read recorded in the audit trail (P&R 37); 404 when it is not the caller's."""
    try:
        return domain.read_document(_document(document_id), actor=user, request=request)
    except Refused:
        raise Http404 from None


def document_out(document: Document, user) -> dict:
    current = document.versions.filter(number=document.current_version).select_related("created_by").first()
    return {
        "id": document.pk, "review": document.step.phase.review_id, "step": document.step_id,
        "step_kind": document.step.kind, "instrument": document.instrument_id,
        "number": document.current_version, "body": current.body if current else "",
        "word_count": current.word_count if current else 0,
        "author": str(current.created_by) if current else None, "saved_at": current.created_at if current else None,
        "can_edit": policy.can_draft(user, document.step),
    }


def version_out(version: DocumentVersion) -> dict:
    return {"number": version.number, "word_count": version.word_count, "author": str(version.created_by),
            "saved_at": version.created_at}


@router.get("/{document_id}", response={200: DocumentOut, 404: ErrorOut}, summary="Read a document")
def read(request, document_id: int):
    """The current version of a step's document (SAQ answers, written feedback, list of observations,
    summary). Every read is recorded in the audit trail (P&R 37). Submitted SAQ answers are open to
    every States party user (P&R 40); otherwise 404 outside the review."""
    return document_out(readable_or_404(request.auth, document_id, request), request.auth)


@router.put("/{document_id}", response={200: DocumentOut, 400: ErrorOut, 404: ErrorOut, 409: ConflictOut},
            summary="Save a new version")
def save(request, document_id: int, payload: DocumentIn):
    """Save the text as a new version. `base_version` is the version the caller started from: if
    someone saved since, nothing is overwritten and the answer is 409 with the current version
    number. Saving withdraws the step's clearances (the cleared text changed)."""
    document = _document(document_id)
    if not policy.can_view_document(request.auth, document):
        raise Http404
    domain.save_version(document, body=payload.body, base_version=payload.base_version, actor=request.auth)
    return document_out(_document(document_id), request.auth)


@router.get("/{document_id}/versions", response={200: list[VersionOut], 404: ErrorOut}, summary="Version history")
def versions(request, document_id: int):
    """Every saved version of the document, oldest first: number, words, author, time. Recorded as a
    read in the audit trail."""
    document = readable_or_404(request.auth, document_id, request)
    return [version_out(v) for v in document.versions.select_related("created_by").order_by("number")]
