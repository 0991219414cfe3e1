"""The public text of each kind of material, built from the source as it stands (escaped, safe tags only).

The text is built in the material's language: question texts and labels in that language, the
States' names in it; no person's name, no deadline. What comes out is exactly what the public
site shows, and what the focal point sees before confirming.
"""

from html import escape

from django.utils import translation
from django.utils.translation import gettext as _

from revmod.core.i18n import localized
from revmod.documents.domain import clean_html
from revmod.questionnaires.answers import readable
from revmod.questionnaires.domain.queries import questions_of, shown_questions


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in text.split("\n\n") if part.strip())


def saq_answers_html(response, version, *, question_ids: set[int] | None, language: str) -> str:
    """The submitted version's answers, every shown question or only those chosen, per article."""
    values = {int(qid): value for qid, value in version.answers.items()}
    parts, article = [], None
    with translation.override(language):
        for question in shown_questions(questions_of(response), values):
            if question_ids is not None and question.pk not in question_ids:
                continue
            if question.article_id != article:
                article = question.article_id
                title = f"{question.article.number}. {localized(question.article.titles, language)}"
                parts.append(f"<h3>{escape(title)}</h3>")
            parts.append(f"<h4>{escape(question.label)} {escape(localized(question.texts, language))}</h4>")
            for label, text in readable(question.kind, values.get(question.pk), language):
                parts.append(f"<p><strong>{escape(label)}:</strong></p>{_paragraphs(text)}")
    return "".join(parts)


def dialogue_html(messages, *, language: str) -> str:
    """Each message with its date and the State (or the secretariat) that wrote it; never the person."""
    parts = []
    with translation.override(language):
        for message in messages:
            who = localized(message.party.names, language) if message.party_id else _("Secretariat")
            parts.append(f"<h3>{message.posted_at:%Y-%m-%d} · {escape(who)}</h3>{_paragraphs(message.body)}")
    return "".join(parts)


def document_html(version) -> str:
    """The document's text as submitted, cleaned again to the documents app's safe tags."""
    return clean_html(version.body)
