"""The questionnaire as a Word document to fill in offline, and reading it back (python-docx).

One small table per question: its first cell starts with a hidden tag (question id, revision,
fingerprint), each answer row with a hidden field tag; the signed data sit in a hidden first
paragraph and, as a copy, in the document's properties. Hidden text survives Word and LibreOffice.
"""

import io
import json
import re

from django.utils import translation
from docx import Document as WordDocument
from django.utils.translation import gettext as _

from revmod.core.errors import Refused
from revmod.core.i18n import localized, short_language
from revmod.questionnaires.answers import FIELDS, OPTION_LABELS
from revmod.questionnaires.interfaces.offline import (
    SLOT_OF, ExportRow, Parsed, django_language, export_rows, meta_of, open_package, raw_fields, signature, verify,
)
from revmod.questionnaires.models import Response

META_TAG = re.compile(r"⟦revmod:(\{.*?\})⟧")
QUESTION_TAG = re.compile(r"⟦q:(\d+)\|r:(\d+)\|h:(h[0-9a-f]+)⟧")
FIELD_TAG = re.compile(r"⟦f:([a-z_]+)⟧")
ANY_TAG = re.compile(r"⟦[^⟧]*⟧")


def _hidden(paragraph, text: str) -> None:
    paragraph.add_run(text).font.hidden = True


def _field_label(field, language: str) -> str:
    if not field.options:
        return str(field.label)
    return f"{field.label} ({' / '.join(localized(OPTION_LABELS[c], language) for c in field.options)})"


def _question_table(document, row: ExportRow, language: str) -> None:
    question, fields = row.question, FIELDS[row.question.kind]
    table = document.add_table(rows=1 + len(fields), cols=2)
    table.style = "Table Grid"
    head = table.cell(0, 0).merge(table.cell(0, 1)).paragraphs[0]
    _hidden(head, f"⟦q:{question.pk}|r:{row.revision}|h:{row.fingerprint}⟧")
    head.add_run(f"{question.label} ").bold = True
    head.add_run(localized(question.texts, language))
    if question.parent_id:
        answers = " / ".join(localized(OPTION_LABELS[c], language) for c in question.shown_when)
        head.add_run("\n" + _("Answer only if the answer to %(label)s is: %(answers)s") % {
            "label": question.parent.label, "answers": answers}).italic = True
    for i, field in enumerate(fields, start=1):
        label = table.cell(i, 0).paragraphs[0]
        _hidden(label, f"⟦f:{field.name}⟧")
        label.add_run(_field_label(field, language))
        text = (row.value or {}).get(field.name, "")
        table.cell(i, 1).text = field.option_label(text, language) if field.options and text else text
    document.add_paragraph()


def export_docx(response: Response, *, language: str | None = None) -> bytes:
    """The Word document for `response`, blank or partly answered, in the person's language."""
    language = short_language(language)
    rows = export_rows(response)
    meta = meta_of(response)
    meta["signature"] = signature(meta, [(r.question.pk, r.revision, r.fingerprint) for r in rows])
    document = WordDocument()
    with translation.override(django_language(language)):
        _hidden(document.add_paragraph(), f"⟦revmod:{json.dumps(meta, separators=(',', ':'))}⟧")
        document.core_properties.comments = json.dumps(meta, separators=(",", ":"))
        document.core_properties.title = str(response)
        document.add_heading(str(response), level=1)
        document.add_paragraph(_("Write your answers in the right-hand cells. Keep the tables and their order; "
                                 "then save the file as DOCX and import it on the questionnaire's page."))
        article = None
        for row in rows:
            if row.question.article_id != article:
                article = row.question.article_id
                document.add_heading(_("Article %(n)s: %(title)s") % {
                    "n": row.question.article.number, "title": localized(row.question.article.titles, language)}, level=2)
            _question_table(document, row, language)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read_meta(document) -> dict:
    for paragraph in document.paragraphs[:5]:
        found = META_TAG.search(paragraph.text)
        if found:
            return json.loads(found.group(1))
    comments = document.core_properties.comments or ""
    if comments.startswith("{"):
        return json.loads(comments)
    raise Refused(_("This document is not an export of a revmod questionnaire."))


def _read_table(table, kinds: dict[int, str], parsed: Parsed) -> None:
    found = QUESTION_TAG.search(table.cell(0, 0).text)
    if not found:
        return
    qid = int(found.group(1))
    slots = {}
    for row in table.rows[1:]:
        cells = row.cells
        tag = FIELD_TAG.search(cells[0].text) if len(cells) > 1 else None
        if tag and tag.group(1) in SLOT_OF:
            slots[SLOT_OF[tag.group(1)]] = ANY_TAG.sub("", cells[1].text).strip()
    parsed.rows[qid] = {"raw": raw_fields(kinds[qid], slots) if qid in kinds else {},
                        "revision": int(found.group(2)), "hash": found.group(3)}


def read_docx(data: bytes, *, kinds: dict[int, str]) -> Parsed:
    """The file's signed data and answers; `kinds` gives each question's kind (from the response)."""
    open_package(data, expected="word/document.xml")
    try:
        document = WordDocument(io.BytesIO(data))
        parsed = Parsed(meta=_read_meta(document))
        for table in document.tables:
            _read_table(table, kinds, parsed)
    except Refused:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds of error on a damaged file
        raise Refused(_("The file could not be read: it is damaged, or it is not an XLSX or DOCX file.")) from error
    return verify(parsed)
