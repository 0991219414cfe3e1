"""Reads of publication: what a review may publish, what is public, the public edition number."""

import time
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from revmod.documents.models import Document, Message
from revmod.publication.enums import CONTENT_LANGUAGES, PublicationKind
from revmod.publication.models import Publication, PublicEdition
from revmod.questionnaires.domain.queries import last_submission, questions_of, shown_questions
from revmod.questionnaires.enums import ResponseStatus
from revmod.questionnaires.models import Response
from revmod.reference.enums import InstrumentCode
from revmod.reviews.enums import StepKind, StepStatus


EDITION_SECONDS = 1.0
_edition = {"number": 0, "read_at": float("-inf")}


def edition() -> int:
    """The public edition: moves on at every publication and withdrawal.

    Read from the database at most once a second per process (a query per public page would
    cost more than the page itself on SQLite), so a withdrawal is off the pages of every
    server process within a second, and at once in the process that made it.
    """
    now = time.monotonic()
    if now - _edition["read_at"] >= EDITION_SECONDS:
        _edition["number"] = PublicEdition.objects.filter(pk=1).values_list("number", flat=True).first() or 0
        _edition["read_at"] = now
    return _edition["number"]


def forget_edition() -> None:
    """The next `edition()` reads the database again."""
    _edition["read_at"] = float("-inf")


def django_language(code: str | None) -> str:
    """A working language's code ("zh") as the site names it ("zh-hans"); English if unknown."""
    code = "zh-hans" if code == "zh" else (code or "en")
    return code if code in CONTENT_LANGUAGES else "en"


def material_title(kind: str, *, instrument_id: str | None, step_kind: str, cluster: int) -> str:
    """The title of a piece of material in the active language, e.g. "TIP questionnaire answers, cluster 1"."""
    names = {"instrument": str(InstrumentCode(instrument_id).label) if instrument_id else "", "cluster": cluster,
             "step": StepKind(step_kind).label}
    if kind == PublicationKind.SAQ_ANSWERS:
        return _("Answers to the self-assessment questionnaire: %(instrument)s, cluster %(cluster)s") % names
    if kind == PublicationKind.DIALOGUE:
        return _("Constructive dialogue, cluster %(cluster)s") % names
    if instrument_id:
        return _("%(step)s: %(instrument)s, cluster %(cluster)s") % {**names, "step": str(names["step"]).capitalize()}
    return _("%(step)s, cluster %(cluster)s") % {**names, "step": str(names["step"]).capitalize()}


def title_of(publication: Publication) -> str:
    return material_title(publication.kind, instrument_id=publication.instrument_id, step_kind=publication.step.kind,
                          cluster=publication.step.phase.cluster_id)


@dataclass
class Source:
    """Material the State may publish, with the parts it may choose among."""

    kind: str
    source_id: int
    title: str
    language: str
    version: int | None = None
    parts: list[tuple[int, str]] = field(default_factory=list)


def _first_language(phase) -> str:
    first = sorted(phase.working_languages.all(), key=lambda lang: lang.order)
    return django_language(first[0].code if first else None)


def publishable(review) -> list[Source]:
    """The review's submitted questionnaire answers, dialogues and documents of submitted steps (P&R 41)."""
    sources: list[Source] = []
    responses = (Response.objects.filter(step__phase__review=review, status=ResponseStatus.SUBMITTED)
                 .select_related("step__phase__review__party", "definition").order_by("step__phase__cluster", "instrument__order"))
    answered = set()
    for response in responses:
        version = last_submission(response)
        if version is None:
            continue
        answered.add((response.step_id, response.instrument_id))
        values = {int(k): v for k, v in version.answers.items()}
        questions = shown_questions(questions_of(response), values)
        sources.append(Source(PublicationKind.SAQ_ANSWERS, response.pk, material_title(
            PublicationKind.SAQ_ANSWERS, instrument_id=response.instrument_id, step_kind=StepKind.SAQ,
            cluster=response.step.phase.cluster_id), _first_language(response.step.phase), version.number,
            [(q.pk, f"{q.label} {q.text}") for q in questions]))
    for step in review_steps(review, kind=StepKind.DIALOGUE):
        messages = list(Message.objects.filter(step=step).select_related("party"))
        if messages:
            sources.append(Source(PublicationKind.DIALOGUE, step.pk, material_title(
                PublicationKind.DIALOGUE, instrument_id=None, step_kind=step.kind, cluster=step.phase.cluster_id),
                _first_language(step.phase), None,
                [(m.pk, f"{m.posted_at:%Y-%m-%d} · {m.party.name if m.party_id else _('Secretariat')}: {m.body[:80]}")
                 for m in messages]))
    documents = (Document.objects.filter(step__phase__review=review, step__status=StepStatus.DONE, current_version__gt=0)
                 .exclude(step__kind=StepKind.DIALOGUE).select_related("step__phase").order_by("step__phase__cluster", "step__order", "instrument__order"))
    for document in documents:
        if (document.step_id, document.instrument_id) in answered:
            continue  # its answers are published question by question above
        sources.append(Source(PublicationKind.DOCUMENT, document.pk, material_title(
            PublicationKind.DOCUMENT, instrument_id=document.instrument_id, step_kind=document.step.kind,
            cluster=document.step.phase.cluster_id), _first_language(document.step.phase), document.current_version))
    return sources


def review_steps(review, *, kind: str):
    return [step for phase in review.phases.select_related("cluster").prefetch_related("steps", "working_languages")
            for step in phase.steps.all() if step.kind == kind]


def publications_of(review):
    """Every publication of the review, current and withdrawn, newest first (for its focal point and the secretariat)."""
    return list(Publication.objects.filter(review=review).select_related("step__phase", "instrument"))


def public_publications(*, party_id: str | None = None, limit: int | None = None):
    """What is public now: not withdrawn, newest first; of one State, or of all."""
    publications = Publication.objects.filter(withdrawn_at__isnull=True).select_related("step__phase", "review__party")
    if party_id is not None:
        publications = publications.filter(review__party_id=party_id)
    return list(publications[:limit] if limit else publications)
