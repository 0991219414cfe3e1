"""The submitted answers as the rich text of the SAQ document, in the phase's first working language."""

from html import escape

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from revmod.core.i18n import localized, short_language
from revmod.questionnaires.answers import readable
from revmod.questionnaires.domain.queries import answers_of, current_files, questions_of, shown_questions
from revmod.questionnaires.models import Response


def document_language(response: Response) -> str:
    """The phase's first working language (P&R 31, 50), else English."""
    first = response.step.phase.working_languages.order_by("order").first()
    return short_language(first.code) if first else "en"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in text.split("\n\n") if part.strip())


def render_html(response: Response, language: str | None = None) -> str:
    """Every shown question with its answer and links to its files; tags limited to those the documents app keeps."""
    language = language or document_language(response)
    values = {qid: a.value for qid, a in answers_of(response).items()}
    files = current_files(response)  # at submission, the files the submitted version holds
    parts, article = [], None
    with translation.override("zh-hans" if language == "zh" else language):
        for question in shown_questions(questions_of(response), values):
            if question.article_id != article:
                article = question.article_id
                parts.append(f"<h3>{escape(f'{question.article.number}. ' + localized(question.article.titles, language))}</h3>")
            parts.append(f"<h4>{escape(question.label)} {escape(localized(question.texts, language))}</h4>")
            for label, text in readable(question.kind, values.get(question.pk), language):
                parts.append(f"<p><strong>{escape(label)}:</strong></p>{_paragraphs(text)}")
            if files.get(question.pk):
                links = ", ".join(f'<a href="{reverse("questionnaires:file", args=[response.pk, item.pk])}">{escape(item.name)}</a>'
                                  for item in files[question.pk])
                parts.append(f"<p><strong>{escape(_('Files'))}:</strong> {links}</p>")
    return "".join(parts)
