"""Writes of the joint written feedback: entries per article, clarifications, submission (P&R 35)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.documents.domain import clean_html, save_version
from revmod.findings import policy
from revmod.findings.domain._cas import swap
from revmod.findings.enums import FindingState
from revmod.findings.models import Clarification, FeedbackEntry, WrittenFeedback
from revmod.questionnaires.models import Answer
from revmod.reference.models import Article
from revmod.reviews.domain.reviews import instruments_of
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from revmod.reviews.models import Phase

MAX_TEXT_CHARS = 100_000


def open_feedback(phase: Phase) -> list[WrittenFeedback]:
    """One joint feedback per instrument of the State under review, each with an entry per
    article of the phase's cluster (created if missing; P&R 11, 35)."""
    party = phase.review.party
    result = []
    for instrument in instruments_of(party):
        feedback, _created = WrittenFeedback.objects.get_or_create(phase=phase, instrument=instrument)
        articles = Article.objects.filter(instrument=instrument, cluster=phase.cluster_id)
        if party.uncac_party:
            articles = articles.filter(only_for_non_uncac_parties=False)
        have = set(feedback.entries.values_list("article_id", flat=True))
        FeedbackEntry.objects.bulk_create([FeedbackEntry(feedback=feedback, article=a) for a in articles if a.pk not in have])
        result.append(feedback)
    return result


def _clean_text(text: str) -> str:
    text = clean_html(text or "")
    if len(text) > MAX_TEXT_CHARS:
        raise Refused(_("The text is too long (at most %(n)s characters).") % {"n": MAX_TEXT_CHARS})
    return text


def answers_for(entry: FeedbackEntry):
    """The SAQ answers an entry may point at: the State's answers on that article, same phase and instrument."""
    feedback = entry.feedback
    return Answer.objects.filter(
        response__step__phase=feedback.phase, response__instrument=feedback.instrument,
        question__article=entry.article).select_related("question__article")


@transaction.atomic
def save_entry(entry: FeedbackEntry, *, text: str, answer_ids: list[int], base_version: int, actor) -> FeedbackEntry:
    """Save one article's feedback unless a colleague saved it since `base_version`.

    Side effects, in order: the entry (compare-and-swap), its answer references, an audit entry.
    """
    if not policy.can_write_feedback(actor, entry.feedback):
        raise Refused(_("You cannot edit this written feedback now."))
    text = _clean_text(text)
    answers = list(answers_for(entry).filter(pk__in=answer_ids))
    if len(answers) != len(set(answer_ids)):
        raise Refused(_("Some of the answers you pointed at are not answers on this article."))
    swap(entry, base_version=base_version, text=text, updated_by=actor, updated_at=timezone.now())
    entry.answers.set(answers)
    record("findings.feedback.entry.saved", actor=actor, target=entry, review=entry.feedback.phase.review,
           data={"article": entry.article_id, "version": entry.version, "answers": sorted(a.pk for a in answers)})
    return entry


@transaction.atomic
def save_overview(feedback: WrittenFeedback, *, text: str, base_version: int, actor) -> WrittenFeedback:
    """The general part of the joint feedback (measures, successes, challenges; P&R 35)."""
    if not policy.can_write_feedback(actor, feedback):
        raise Refused(_("You cannot edit this written feedback now."))
    swap(feedback, base_version=base_version, overview=_clean_text(text))
    record("findings.feedback.overview.saved", actor=actor, target=feedback, review=feedback.phase.review,
           data={"version": feedback.version})
    return feedback


@transaction.atomic
def ask_clarification(entry: FeedbackEntry, *, question: str, actor) -> Clarification:
    """A reviewing State asks the State under review for clarification on an article (P&R 35)."""
    if not policy.can_write_feedback(actor, entry.feedback):
        raise Refused(_("Clarification questions are asked by the reviewing States in their written feedback."))
    if not question.strip():
        raise Refused(_("The question is empty."))
    item = Clarification.objects.create(entry=entry, question=question.strip()[:10000], asked_by=actor, asked_at=timezone.now())
    record("findings.clarification.asked", actor=actor, target=item, review=entry.feedback.phase.review)
    return item


@transaction.atomic
def answer_clarification(item: Clarification, *, answer: str, actor) -> Clarification:
    """The State under review answers inline; a later answer replaces the earlier one, audited (P&R 35)."""
    phase = item.entry.feedback.phase
    if not policy.can_answer_clarification(actor, phase):
        raise Refused(_("Only the State under review answers clarification questions."))
    if not answer.strip():
        raise Refused(_("The answer is empty."))
    item.answer, item.answered_by, item.answered_at = answer.strip()[:20000], actor, timezone.now()
    item.save(update_fields=["answer", "answered_by", "answered_at"])
    record("findings.clarification.answered", actor=actor, target=item, review=phase.review)
    return item


@transaction.atomic
def submit_feedback(feedback: WrittenFeedback, *, actor) -> WrittenFeedback:
    """A reviewing focal point submits the joint feedback; it becomes the step's document for
    the instrument, which both reviewing focal points then clear (P&R 35; DOMAIN §6).

    Side effects, in order: the rendered text saved as a new version of the step's document,
    the state, an audit entry.
    """
    feedback = WrittenFeedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.state != FindingState.DRAFT or not policy.can_submit_feedback(actor, feedback):
        raise Refused(_("Only a focal point of a reviewing State submits the written feedback, while it is a draft."))
    entries = list(feedback.entries.select_related("article"))
    if not feedback.overview.strip() and not any(e.text.strip() for e in entries):
        raise Refused(_("The written feedback is still empty."))
    from revmod.findings.interfaces.rendering import feedback_html

    document = step_of(feedback.phase, StepKind.FEEDBACK).documents.get(instrument=feedback.instrument)
    save_version(document, body=feedback_html(feedback), base_version=document.current_version, actor=actor)
    feedback.state, feedback.submitted_at, feedback.submitted_by = FindingState.SUBMITTED, timezone.now(), actor
    feedback.save(update_fields=["state", "submitted_at", "submitted_by"])
    record("findings.feedback.submitted", actor=actor, target=feedback, review=feedback.phase.review,
           data={"instrument": feedback.instrument_id, "document_version": document.current_version})
    return feedback


@transaction.atomic
def reopen_feedback(feedback: WrittenFeedback, *, actor) -> WrittenFeedback:
    """A reviewing focal point takes a submitted feedback back to draft while the step is open."""
    if feedback.state != FindingState.SUBMITTED or not policy.can_submit_feedback(actor, feedback):
        raise Refused(_("Only a focal point of a reviewing State reopens submitted written feedback, while the step is open."))
    feedback.state = FindingState.DRAFT
    feedback.save(update_fields=["state"])
    record("findings.feedback.reopened", actor=actor, target=feedback, review=feedback.phase.review)
    return feedback
