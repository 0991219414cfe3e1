"""Findings as rich text (the tags the documents app keeps), and as submissions to download.

The same body serves the step's document, the DOCX and the PDF, so the three never differ.
"""

from html import escape

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from revmod.core.i18n import localized, short_language
from revmod.documents.export import Submission
from revmod.findings.enums import Audience, ItemKind
from revmod.findings.models import ObservationList, WrittenFeedback
from revmod.reviews.models import Phase

SYMBOL_SUFFIX = {"feedback": "FB", "list": "LO", "list_wg": "LO/CRP", "summary": "SUM"}


def phase_language(phase: Phase) -> str:
    """The phase's first working language (P&R 31, 50), else English."""
    first = phase.working_languages.order_by("order").first()
    return short_language(first.code) if first else "en"


def django_language(language: str) -> str:
    return "zh-hans" if language == "zh" else language


def symbol(phase: Phase, instrument_id: str | None, what: str) -> str:
    """A reference symbol in the UN style: body / mechanism / State / cluster / instrument / kind."""
    parts = ["CTOC/IRM", phase.review.party_id, str(phase.cluster_id)]
    if instrument_id:
        parts.append(instrument_id)
    return "/".join([*parts, SYMBOL_SUFFIX.get(what, what.upper())])


def _article_heading(article, language: str) -> str:
    title = localized(article.titles, language)
    return escape(_("Article %(n)s") % {"n": article.number} + (f". {title}" if title else ""))


def feedback_html(feedback: WrittenFeedback, language: str | None = None) -> str:
    """General observations, then per article: the feedback, the answers it points at and the
    clarification questions with their answers (P&R 35)."""
    language = language or phase_language(feedback.phase)
    parts = []
    with translation.override(django_language(language)):
        if feedback.overview.strip():
            parts += [f"<h3>{escape(_('General observations'))}</h3>", feedback.overview]
        entries = feedback.entries.select_related("article").prefetch_related("answers__question__article", "clarifications")
        for entry in entries:
            questions = list(entry.clarifications.all())
            if not entry.text.strip() and not questions:
                continue
            parts.append(f"<h3>{_article_heading(entry.article, language)}</h3>")
            refs = [a.question.label for a in entry.answers.all()]
            if refs:
                parts.append(f"<p><em>{escape(_('On the answers to questions %(list)s.') % {'list': ', '.join(refs)})}</em></p>")
            parts.append(entry.text)
            for item in questions:
                parts.append(f"<h4>{escape(_('Clarification question'))}</h4><blockquote>{escape(item.question)}</blockquote>")
                answer = item.answer or _("Not answered yet.")
                parts.append(f"<p><strong>{escape(_('Answer of the State under review'))}:</strong> {escape(answer)}</p>")
    return "".join(parts)


def _items_html(items, language: str) -> list[str]:
    parts = []
    for kind in ItemKind:
        chosen = [i for i in items if i.kind == kind]
        if chosen:
            parts.append(f"<h4>{escape(str(kind.label).capitalize())}</h4><ul>")
            parts += [f"<li>{item.text}</li>" for item in chosen]
            parts.append("</ul>")
    return parts


def list_html(observation_list: ObservationList, *, audience: str = Audience.REVIEW, language: str | None = None) -> str:
    """The blueprint: per article or group of articles, observations on implementation and the
    typed items; the working-group version leaves out what the State marked confidential (P&R 38)."""
    language = language or phase_language(observation_list.phase)
    public = audience == Audience.WORKING_GROUP
    sections = list(observation_list.sections.prefetch_related("articles"))
    items = [i for i in observation_list.items.prefetch_related("articles") if not (public and i.confidential)]
    parts = []
    with translation.override(django_language(language)):
        for section in sections:
            if public and section.confidential:
                continue
            heading = "; ".join(_article_heading(a, language) for a in sorted(section.articles.all(), key=lambda a: a.number))
            parts.append(f"<h3>{heading}</h3>")
            if section.text.strip():
                parts += [f"<h4>{escape(_('Observations on the implementation'))}</h4>", section.text]
            parts += _items_html([i for i in items if i.section_id == section.pk], language)
        loose = [i for i in items if i.section_id is None]
        if loose:
            parts.append(f"<h3>{escape(_('Other observations'))}</h3>")
            parts += _items_html(loose, language)
    return "".join(parts)


def summary_html(lists: list[ObservationList], language: str | None = None) -> str:
    """The summaries of a phase's lists, one heading per instrument."""
    parts = []
    for observation_list in lists:
        if observation_list.summary.strip():
            name = localized(observation_list.instrument.names, language) or observation_list.instrument_id
            parts += [f"<h3>{escape(name)}</h3>", observation_list.summary]
    return "".join(parts)


def _submission(phase: Phase, *, title: str, body: str, what: str, instrument_id: str | None, language: str,
                confidential: bool, on=None) -> Submission:
    return Submission(symbol=symbol(phase, instrument_id, what), title=title, state=phase.review.party.name,
                      language=language, dated_on=(on or timezone.now()).date(), body_html=body,
                      restricted=confidential)


def feedback_submission(feedback: WrittenFeedback, language: str | None = None) -> Submission:
    language = language or phase_language(feedback.phase)
    with translation.override(django_language(language)):
        title = _("Written feedback of the reviewing States: %(instrument)s") % {"instrument": feedback.instrument_id}
    return _submission(feedback.phase, title=title, body=feedback_html(feedback, language), what="feedback",
                       instrument_id=feedback.instrument_id, language=language, confidential=True, on=feedback.submitted_at)


def list_submission(observation_list: ObservationList, *, audience: str, language: str | None = None) -> Submission:
    language = language or phase_language(observation_list.phase)
    with translation.override(django_language(language)):
        title = _("List of observations: %(instrument)s") % {"instrument": observation_list.instrument_id}
    public = audience == Audience.WORKING_GROUP
    return _submission(observation_list.phase, title=title, what="list_wg" if public else "list",
                       body=list_html(observation_list, audience=audience, language=language),
                       instrument_id=observation_list.instrument_id, language=language, confidential=not public,
                       on=observation_list.submitted_at)


def summary_submission(observation_list: ObservationList, language: str | None = None) -> Submission:
    language = language or phase_language(observation_list.phase)
    with translation.override(django_language(language)):
        title = _("Summary of the list of observations: %(instrument)s") % {"instrument": observation_list.instrument_id}
    return _submission(observation_list.phase, title=title, body=observation_list.summary, what="summary",
                       instrument_id=observation_list.instrument_id, language=language, confidential=False,
                       on=observation_list.submitted_at)


def document_submission(document, language: str | None = None) -> Submission:
    """A documents-app document's current version (SAQ answers, feedback, list, summary)."""
    phase = document.step.phase
    language = language or phase_language(phase)
    version = document.versions.get(number=document.current_version)
    with translation.override(django_language(language)):
        title = str(document.step.get_kind_display()).capitalize()
        if document.instrument_id:
            title = f"{title}: {document.instrument_id}"
    return _submission(phase, title=title, body=version.body, what=document.step.kind, instrument_id=document.instrument_id,
                       language=language, confidential=True, on=version.created_at)
