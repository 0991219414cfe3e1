"""A self-hosted Apertium APy server (Debian package `apertium-apy`), spoken to over HTTP."""

from __future__ import annotations

from revmod.translations.backends import ISO3, EngineError, as_paragraphs, from_paragraphs
from revmod.translations.backends.client import post


class ApyServer:
    """POST /translate with `langpair=eng|spa`, the batch of blocks as HTML paragraphs."""

    def __init__(self, *, url: str, source: str, target: str, timeout: float) -> None:
        self.url = url.rstrip("/")
        self.langpair = f"{ISO3.get(source, source)}|{ISO3.get(target, target)}"
        self.timeout = timeout
        self.label = f"Apertium APy server {self.langpair}"  # no URL: readers see the label

    def translate(self, texts: list[str]) -> list[str]:
        answer = post(f"{self.url}/translate", timeout=self.timeout, form={
            "q": as_paragraphs(texts), "langpair": self.langpair, "markUnknown": "no", "format": "html"})
        try:
            translated = answer["responseData"]["translatedText"]
        except (KeyError, TypeError) as error:
            raise EngineError(f"APy answered without a translation: {str(answer)[:300]}") from error
        return from_paragraphs(translated, len(texts))
