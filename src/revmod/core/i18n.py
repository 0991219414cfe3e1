"""Texts stored in the six UN languages, with fallback to English."""

from django.utils.translation import get_language

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def short_language(code: str | None = None) -> str:
    """The two-letter UN language of a Django language code ("zh-hans" -> "zh")."""
    code = (code or get_language() or "en").lower()
    return code.split("-")[0] if code.split("-")[0] in UN_LANGUAGES else "en"


def localized(texts: dict[str, str] | None, language: str | None = None) -> str:
    """The text in the user's language, else in English, else in any language there is."""
    if not texts:
        return ""
    lang = short_language(language)
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")
