"""Submitted documents as files: DOCX (python-docx) and PDF laid out like a UN document (WeasyPrint).

One `Submission` (symbol, date, language, title, sanitised rich-text body) gives both files, so
they never differ. The PDF is HTML set by pango through WeasyPrint: Arabic is shaped and set
right to left, Chinese uses the Noto CJK fonts (Debian fonts-noto-cjk, fonts-noto-core).
"""

import io
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

RTL_LANGUAGES = {"ar"}
LANGUAGE_NAMES = {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Submission:
    """What a downloaded document shows: the UN header and a body of the documents app's tags."""

    symbol: str
    title: str
    state: str
    language: str
    dated_on: date
    body_html: str
    restricted: bool = True

    @property
    def right_to_left(self) -> bool:
        return self.language in RTL_LANGUAGES

    @property
    def django_language(self) -> str:
        return "zh-hans" if self.language == "zh" else self.language

    def file_name(self, extension: str) -> str:
        return self.symbol.replace("/", "_") + f"_{self.language}.{extension}"


def _header(submission: Submission) -> dict[str, str]:
    with translation.override(submission.django_language):
        return {
            "distribution": _("Restricted") if submission.restricted else _("General"),
            "date": formats.date_format(submission.dated_on, "DATE_FORMAT"),
            "original": _("Original: %(language)s") % {"language": LANGUAGE_NAMES.get(submission.language, submission.language)},
            "state": submission.state,
        }


def to_pdf(submission: Submission) -> bytes:
    """The PDF: symbol and date at the top, distribution and language, title, headings, body."""
    from weasyprint import HTML  # imported here: loading pango is not needed by other pages

    with translation.override(submission.django_language):
        html = render_to_string("documents/export/un_document.html", {"s": submission, "h": _header(submission)})
    return HTML(string=html).write_pdf()


class _DocxWriter(HTMLParser):
    """Writes the documents app's few tags (p, h3, h4, ul/ol/li, strong, em, u, br, blockquote,
    a, table) into a python-docx document."""

    BLOCKS = {"p": None, "h3": "Heading 2", "h4": "Heading 3", "li": "List Bullet", "blockquote": "Quote",
              "td": None, "th": None}

    def __init__(self, document, rtl: bool):
        super().__init__(convert_charrefs=True)
        self.document, self.rtl, self.paragraph, self.marks = document, rtl, None, set()

    def _new(self, style):
        self.paragraph = self.document.add_paragraph(style=style)
        if self.rtl:
            _set_bidi(self.paragraph)

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._new(self.BLOCKS[tag])
        elif tag in {"strong", "em", "u"}:
            self.marks.add(tag)
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.paragraph = None
        self.marks.discard(tag)

    def handle_data(self, data):
        if not data.strip() and self.paragraph is None:
            return
        if self.paragraph is None:
            self._new(None)
        run = self.paragraph.add_run(data)
        run.bold, run.italic, run.underline = "strong" in self.marks or None, "em" in self.marks or None, "u" in self.marks or None
        if self.rtl:
            _set_rtl_run(run)


def _set_bidi(paragraph) -> None:
    from docx.oxml import OxmlElement

    properties = paragraph._p.get_or_add_pPr()
    properties.append(OxmlElement("w:bidi"))


def _set_rtl_run(run) -> None:
    from docx.oxml import OxmlElement

    run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def to_docx(submission: Submission) -> bytes:
    """The DOCX: the same header lines, the title as the first heading, the body's paragraphs."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    document = Document()
    document.core_properties.title = submission.title
    document.core_properties.identifier = submission.symbol
    document.core_properties.language = submission.language
    style = document.styles["Normal"]
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")
    fonts.set(qn("w:cs"), "Noto Naskh Arabic")
    header = _header(submission)
    end = WD_ALIGN_PARAGRAPH.LEFT if submission.right_to_left else WD_ALIGN_PARAGRAPH.RIGHT
    for line in (submission.symbol, header["distribution"], header["date"], header["original"]):
        paragraph = document.add_paragraph(line)
        paragraph.alignment = end
    document.add_paragraph(header["state"])
    heading = document.add_heading(submission.title, level=1)
    writer = _DocxWriter(document, submission.right_to_left)
    if submission.right_to_left:
        _set_bidi(heading)
    writer.feed(submission.body_html)
    writer.close()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
