"""Reads of review documents."""

from django.db.models import F

from revmod.documents.models import DocumentVersion


def latest_word_counts(step) -> dict[int, int]:
    """Words of each document's current version in a step."""
    rows = DocumentVersion.objects.filter(document__step=step, number=F("document__current_version"))
    return dict(rows.values_list("document_id", "word_count"))


def current_versions(documents) -> dict[int, DocumentVersion]:
    rows = DocumentVersion.objects.filter(document__in=documents, number=F("document__current_version")).select_related("created_by")
    return {v.document_id: v for v in rows}
