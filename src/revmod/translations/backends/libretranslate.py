"""A LibreTranslate-compatible server (LibreTranslate itself, or any service speaking its API)."""

from __future__ import annotations

from revmod.translations.backends import EngineError
from revmod.translations.backends.client import post


class LibreTranslateServer:
    """POST /translate with a JSON list `q` of plain-text blocks; `api_key` when the server wants one."""

    def __init__(self, *, url: str, source: str, target: str, timeout: float, api_key: str = "") -> None:
        self.url, self.source, self.target = url.rstrip("/"), source, target
        self.timeout, self.api_key = timeout, api_key
        self.label = f"LibreTranslate-compatible server {source}|{target}"  # no URL: readers see the label

    def translate(self, texts: list[str]) -> list[str]:
        payload = {"q": list(texts), "source": self.source, "target": self.target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        answer = post(f"{self.url}/translate", payload=payload, timeout=self.timeout)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(translated, str) and len(texts) == 1:
            translated = [translated]
        if not isinstance(translated, list) or len(translated) != len(texts) \
                or not all(isinstance(t, str) for t in translated):
            raise EngineError(f"LibreTranslate answered without {len(texts)} translations: {str(answer)[:300]}")
        return translated
