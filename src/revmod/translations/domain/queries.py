"""Reads of machine translations: which exist for a version, which pairs are offered."""

from revmod.reference.models import Language
from revmod.translations import conf
from revmod.translations.models import Translation


def translations_of(version) -> list[Translation]:
    """Every translation of one document version (the caller has checked the reader may see it)."""
    return list(Translation.objects.filter(source=version).order_by("target_language", "source_language"))


def offered_pairs() -> list[tuple[str, str]]:
    """The language pairs the operator configured, in a stable order."""
    return sorted(conf.routes())


def language_names(codes) -> dict[str, str]:
    """Each code's name in the reader's language (falls back to the code)."""
    names = {language.code: str(language) for language in Language.objects.filter(code__in=set(codes))}
    return {code: names.get(code, code) for code in codes}
