"""Writes of lists of observations: sections, typed items, confidential parts, summary (P&R 38)."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.documents.domain import save_version
from revmod.documents.wordcount import count_words
from revmod.findings import policy
from revmod.findings.domain._cas import swap
from revmod.findings.domain.feedback import _clean_text
from revmod.findings.enums import FindingState, ItemKind
from revmod.findings.models import ObservationItem, ObservationList, ObservationSection
from revmod.reference.models import Article
from revmod.reviews.domain.reviews import instruments_of
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from revmod.reviews.models import Phase

SUMMARY_WORD_LIMIT = 5000  # P&R 38; Status 2024 para 39


def open_lists(phase: Phase) -> list[ObservationList]:
    """One list per instrument of the State under review (P&R 38), created if missing."""
    return [ObservationList.objects.get_or_create(phase=phase, instrument=instrument, defaults={"review": phase.review})[0]
            for instrument in instruments_of(phase.review.party)]


def _articles(observation_list: ObservationList, article_ids: list[int]) -> list[Article]:
    articles = list(Article.objects.filter(pk__in=article_ids, instrument=observation_list.instrument_id))
    if not articles or len(articles) != len(set(article_ids)):
        raise Refused(_("Choose one or more articles of this instrument."))
    return articles


def _check_writable(observation_list: ObservationList, actor) -> None:
    if not policy.can_write_list(actor, observation_list):
        raise Refused(_("You cannot edit this list of observations now."))


def _next_order(observation_list: ObservationList) -> int:
    orders = [observation_list.sections.aggregate(m=Max("order"))["m"], observation_list.items.aggregate(m=Max("order"))["m"]]
    return max([o for o in orders if o is not None], default=0) + 1


@transaction.atomic
def add_section(observation_list: ObservationList, *, article_ids: list[int], text: str, actor) -> ObservationSection:
    """Observations on the implementation of an article or a group of articles (blueprint)."""
    _check_writable(observation_list, actor)
    articles = _articles(observation_list, article_ids)
    section = ObservationSection.objects.create(list=observation_list, text=_clean_text(text), order=_next_order(observation_list))
    section.articles.set(articles)
    record("findings.section.added", actor=actor, target=section, review=observation_list.review,
           data={"articles": sorted(a.pk for a in articles)})
    return section


@transaction.atomic
def save_section(section: ObservationSection, *, text: str, base_version: int, actor) -> ObservationSection:
    _check_writable(section.list, actor)
    swap(section, base_version=base_version, text=_clean_text(text))
    record("findings.section.saved", actor=actor, target=section, review=section.list.review, data={"version": section.version})
    return section


@transaction.atomic
def add_item(observation_list: ObservationList, *, kind: str, text: str, actor, section: ObservationSection | None = None,
             article_ids: list[int] | None = None) -> ObservationItem:
    """A challenge, good practice, recommendation or technical assistance need (P&R 38).

    Its articles are those given, or else its section's.
    """
    _check_writable(observation_list, actor)
    if kind not in ItemKind.values:
        raise Refused(_("Choose what kind of item this is."))
    if not (text or "").strip():
        raise Refused(_("The text is empty."))
    if section is not None and section.list_id != observation_list.pk:
        raise Refused(_("This section belongs to another list."))
    articles = _articles(observation_list, article_ids) if article_ids else list(section.articles.all()) if section else []
    if not articles:
        raise Refused(_("Choose one or more articles of this instrument."))
    item = ObservationItem.objects.create(list=observation_list, section=section, kind=kind, text=_clean_text(text),
                                          order=_next_order(observation_list))
    item.articles.set(articles)
    record("findings.item.added", actor=actor, target=item, review=observation_list.review,
           data={"kind": kind, "articles": sorted(a.pk for a in articles)})
    return item


@transaction.atomic
def save_item(item: ObservationItem, *, kind: str, text: str, base_version: int, actor) -> ObservationItem:
    _check_writable(item.list, actor)
    if kind not in ItemKind.values:
        raise Refused(_("Choose what kind of item this is."))
    if not (text or "").strip():
        raise Refused(_("The text is empty."))
    swap(item, base_version=base_version, kind=kind, text=_clean_text(text))
    record("findings.item.saved", actor=actor, target=item, review=item.list.review, data={"version": item.version, "kind": kind})
    return item


@transaction.atomic
def mark_confidential(part: ObservationSection | ObservationItem, *, confidential: bool, actor):
    """The State under review keeps a part out of the working-group version, or puts it back (P&R 38)."""
    if not policy.can_mark_confidential(actor, part.list):
        raise Refused(_("Only the State under review marks parts of its list confidential."))
    type(part).objects.filter(pk=part.pk).update(confidential=confidential)
    part.confidential = confidential
    record("findings.part.confidentiality", actor=actor, target=part, review=part.list.review,
           data={"confidential": confidential})
    return part


def summary_problem(text: str) -> str | None:
    """More than 5,000 words, counted the same way in the six languages, is refused (P&R 38)."""
    words = count_words(text)
    if words > SUMMARY_WORD_LIMIT:
        return _("The summary has %(n)s words; at most %(limit)s are allowed. Shorten it by %(over)s words.") % {
            "n": words, "limit": SUMMARY_WORD_LIMIT, "over": words - SUMMARY_WORD_LIMIT}
    return None


@transaction.atomic
def save_summary(observation_list: ObservationList, *, text: str, base_version: int, actor) -> ObservationList:
    """Save the summary unless it is too long or someone saved the list since `base_version`."""
    if not policy.can_write_summary(actor, observation_list):
        raise Refused(_("You cannot edit this summary now."))
    text = _clean_text(text)
    problem = summary_problem(text)
    if problem:
        raise Refused(problem)
    swap(observation_list, base_version=base_version, summary=text, summary_words=count_words(text))
    record("findings.summary.saved", actor=actor, target=observation_list, review=observation_list.review,
           data={"version": observation_list.version, "words": observation_list.summary_words})
    return observation_list


@transaction.atomic
def submit_list(observation_list: ObservationList, *, actor) -> ObservationList:
    """A focal point submits the list; it becomes the step's document for the instrument, which
    both sides then clear (P&R 38-39).

    Side effects, in order: the rendered list saved as a new version of the step's document,
    the state, an audit entry.
    """
    observation_list = ObservationList.objects.select_for_update().select_related("review", "phase").get(pk=observation_list.pk)
    if observation_list.state != FindingState.DRAFT or not policy.can_submit_list(actor, observation_list):
        raise Refused(_("Only a focal point of a reviewing State submits the list of observations, while it is a draft."))
    if not observation_list.items.exists():
        raise Refused(_("The list of observations has no items yet."))
    from revmod.findings.interfaces.rendering import list_html

    document = step_of(observation_list.phase, StepKind.OBSERVATIONS).documents.get(instrument=observation_list.instrument)
    save_version(document, body=list_html(observation_list), base_version=document.current_version, actor=actor)
    observation_list.state, observation_list.submitted_at = FindingState.SUBMITTED, timezone.now()
    observation_list.save(update_fields=["state", "submitted_at"])
    record("findings.list.submitted", actor=actor, target=observation_list, review=observation_list.review,
           data={"instrument": observation_list.instrument_id, "document_version": document.current_version})
    return observation_list


@transaction.atomic
def reopen_list(observation_list: ObservationList, *, actor) -> ObservationList:
    if observation_list.state != FindingState.SUBMITTED or not policy.can_submit_list(actor, observation_list):
        raise Refused(_("Only a focal point reopens a submitted list, while the step is open."))
    observation_list.state = FindingState.DRAFT
    observation_list.save(update_fields=["state"])
    record("findings.list.reopened", actor=actor, target=observation_list, review=observation_list.review)
    return observation_list


@transaction.atomic
def submit_summary(phase: Phase, *, actor) -> None:
    """The summaries of the phase's lists become the summary step's document (P&R 38).

    Refused over 5,000 words in all, so the summary step's guard holds.
    """
    from revmod.findings.interfaces.rendering import summary_html

    step = step_of(phase, StepKind.SUMMARY)
    if not policy.can_submit_summary(actor, phase):
        raise Refused(_("You cannot submit the summary now."))
    lists = list(phase.observation_lists.select_related("instrument"))
    if not any(item.summary.strip() for item in lists):
        raise Refused(_("The summary is still empty."))
    html = summary_html(lists)
    problem = summary_problem(html)  # counted as the summary step's guard counts it, headings included
    if problem:
        raise Refused(problem)
    document = step.documents.get()
    save_version(document, body=html, base_version=document.current_version, actor=actor)
    record("findings.summary.submitted", actor=actor, target=phase, review=phase.review, data={"words": count_words(html)})


def finalize_lists(phase: Phase, *, actor) -> int:
    """Mark the phase's lists finalized once the phase is (P&R 39); returns how many changed."""
    if phase.finalized_at is None:
        raise Refused(_("The phase is not finalized yet."))
    changed = phase.observation_lists.exclude(state=FindingState.FINALIZED).update(
        state=FindingState.FINALIZED, finalized_at=phase.finalized_at)
    if changed:
        record("findings.lists.finalized", actor=actor, target=phase, review=phase.review, data={"lists": changed})
    return changed
