"""Creating the documents a step produces when it opens: one per instrument, or one in all."""

from revmod.documents.models import Document
from revmod.reviews.domain.reviews import instruments_of
from revmod.reviews.enums import StepKind
from revmod.reviews.models import ReviewStep

PER_INSTRUMENT = {StepKind.SAQ, StepKind.FEEDBACK, StepKind.OBSERVATIONS}
SINGLE = {StepKind.DIALOGUE, StepKind.SUMMARY}


def open_documents(step: ReviewStep) -> list[Document]:
    """The step's documents, created if missing (per instrument the State is party to, P&R 11)."""
    if step.kind in PER_INSTRUMENT:
        instruments = instruments_of(step.phase.review.party)
    elif step.kind in SINGLE:
        instruments = [None]
    else:
        return []
    existing = {d.instrument_id: d for d in step.documents.all()}
    missing = [Document(step=step, instrument=i) for i in instruments if (i.pk if i else None) not in existing]
    Document.objects.bulk_create(missing)
    return list(step.documents.all())
