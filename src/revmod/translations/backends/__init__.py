"""The one small interface every machine-translation engine speaks, and its two failures.

An engine is made for one language pair and turns a list of plain-text blocks into the same
number of translated blocks. Three engines exist: Apertium's command line (`apertium.py`),
an Apertium APy server (`apy.py`) and a LibreTranslate-compatible server
(`libretranslate.py`); `revmod.translations.conf` says which one serves which pair.
"""

from __future__ import annotations

import html
import re
from typing import Protocol

# ISO 639-1 (the platform's language codes) to ISO 639-3 (Apertium's).
ISO3 = {"ar": "ara", "zh": "zho", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}


class EngineUnavailable(Exception):
    """The engine could not be reached or did not answer in time: try again later."""


class EngineError(Exception):
    """The engine answered, but not with a usable translation (misconfigured, pair not installed)."""


class Engine(Protocol):
    """A translation engine bound to one language pair."""

    label: str  # shown to readers of the translation, e.g. "Apertium APy server eng|spa" (no URL)

    def translate(self, texts: list[str]) -> list[str]:
        """One translation per text, in order; raises EngineUnavailable or EngineError."""
        ...


# Apertium (command line and APy) translates HTML: each block goes as a paragraph, so the
# engine's deformatter keeps blocks apart and never moves a word from one to the next.
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def as_paragraphs(texts: list[str]) -> str:
    return "".join("<p>" + html.escape(text, quote=False).replace("\n", "<br>") + "</p>" for text in texts)


def from_paragraphs(translated: str, expected: int) -> list[str]:
    """The blocks back from the engine's HTML; EngineError if their number changed."""
    found = [html.unescape(_BREAK.sub("\n", chunk)).strip() for chunk in _PARAGRAPH.findall(translated)]
    if len(found) != expected:
        raise EngineError(f"expected {expected} paragraphs back, got {len(found)}")
    return found
