"""Cutting a document's rich text into blocks of plain text and putting the translations back.

A pure engine (no Django): machine translation works on plain text, one block at a time, so
the translated version keeps the source's paragraphs, lists, headings, quotations and tables.
Inline emphasis and links inside a block are not carried over (an engine reorders words, so
there is no faithful place to put them back); a line break inside a block is kept.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements kept as they are; the text between two of them is one unit of translation.
STRUCTURE = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "caption", "dt", "dd",
                       "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "div", "section",
                       "hr"})
VOID = frozenset({"br", "hr", "img"})
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class Skeleton:
    """The markup around the blocks: literal strings, and the index of a block where its text goes."""

    parts: tuple[str | int, ...]
    texts: tuple[str, ...]

    def fill(self, translations: list[str] | tuple[str, ...]) -> str:
        """The markup again, each block's text replaced by its translation (escaped)."""
        if len(translations) != len(self.texts):
            raise ValueError(f"{len(translations)} translations for {len(self.texts)} blocks")
        out = []
        for part in self.parts:
            if isinstance(part, int):
                out.append(html.escape(translations[part], quote=False).replace("\n", "<br>"))
            else:
                out.append(part)
        return "".join(out)


def normalise(text: str) -> str:
    """Runs of spaces become one; line breaks are kept, without the spaces around them."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


class _Cutter(HTMLParser):
    """Keeps structural tags, drops inline ones (strong, em, a...), turns <br> into a line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str | int] = []
        self.texts: list[str] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = normalise("".join(self.buffer))
        self.buffer = []
        if text:
            self.parts.append(len(self.texts))
            self.texts.append(text)

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.buffer.append("\n")
        elif tag in STRUCTURE:
            self.flush()
            self.parts.append(self.get_starttag_text() or f"<{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in STRUCTURE and tag not in VOID:
            self.flush()
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        self.buffer.append(data)


def cut(body: str) -> Skeleton:
    """The blocks of text of a rich-text body, in reading order, with the markup around them."""
    cutter = _Cutter()
    cutter.feed(body or "")
    cutter.close()
    cutter.flush()
    return Skeleton(parts=tuple(cutter.parts), texts=tuple(cutter.texts))
