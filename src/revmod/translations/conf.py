"""Which engine translates which language pair: the operator's choice, from settings or the environment.

REVMOD_MT_BACKENDS lists pairs, separated by spaces or commas, each `SOURCE-TARGET=ENGINE`
or `SOURCE-TARGET=ENGINE@WHERE`, with the platform's language codes (ar zh en fr ru es):

    en-es=apertium  es-en=apertium@spa-eng  fr-es=apy@http://127.0.0.1:2737
    en-fr=libretranslate@https://mt.example.org

`apertium` runs the command line (WHERE: the mode, found with `apertium -l` when left out);
`apy` and `libretranslate` name their server's base URL. A pair that is not listed has no
machine translation; `none` turns machine translation off. See docs/translation.md.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from django.conf import settings

from revmod.translations.backends import Engine
from revmod.translations.backends.apertium import ApertiumCommand, mode_for
from revmod.translations.backends.apy import ApyServer
from revmod.translations.backends.libretranslate import LibreTranslateServer

DEFAULT_BACKENDS = "en-es=apertium es-en=apertium fr-es=apertium es-fr=apertium"
ENGINES = ("apertium", "apy", "libretranslate")
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
_ENTRY = re.compile(r"^(?P<source>[a-z]{2})-(?P<target>[a-z]{2})=(?P<engine>[a-z]+)(?:@(?P<where>\S+))?$")


class BadConfiguration(ValueError):
    """REVMOD_MT_BACKENDS names a pair or an engine that does not exist."""


@dataclass(frozen=True)
class Route:
    """The operator's choice for one pair."""

    source: str
    target: str
    engine: str
    where: str = ""


def _value(name: str, default: str) -> str:
    return str(getattr(settings, name, None) or os.environ.get(name) or default)


def parse(spec: str) -> dict[tuple[str, str], Route]:
    """The routes of a REVMOD_MT_BACKENDS value; BadConfiguration names the first wrong entry."""
    routes: dict[tuple[str, str], Route] = {}
    if spec.strip().lower() in {"none", "off"}:
        return routes
    for entry in spec.replace(",", " ").split():
        match = _ENTRY.match(entry.strip())
        if not match:
            raise BadConfiguration(f"REVMOD_MT_BACKENDS: cannot read {entry!r} (expected e.g. en-es=apertium)")
        route = Route(**{k: v or "" for k, v in match.groupdict().items()})
        if route.source not in LANGUAGES or route.target not in LANGUAGES or route.source == route.target:
            raise BadConfiguration(f"REVMOD_MT_BACKENDS: {entry!r} is not a pair of two working languages")
        if route.engine not in ENGINES:
            raise BadConfiguration(f"REVMOD_MT_BACKENDS: unknown engine in {entry!r} (one of {', '.join(ENGINES)})")
        if route.engine != "apertium" and not route.where.startswith(("http://", "https://")):
            raise BadConfiguration(f"REVMOD_MT_BACKENDS: {entry!r} needs the server's URL after @")
        routes[(route.source, route.target)] = route
    return routes


def routes() -> dict[tuple[str, str], Route]:
    return parse(_value("REVMOD_MT_BACKENDS", DEFAULT_BACKENDS))


def timeout_seconds() -> float:
    """How long one batch may take before the engine counts as down (REVMOD_MT_TIMEOUT)."""
    return float(_value("REVMOD_MT_TIMEOUT", "120"))


def engine_for(source: str, target: str) -> Engine | None:
    """The engine the operator chose for this pair; None when the pair has none."""
    route = routes().get((source, target))
    if route is None:
        return None
    if route.engine == "apertium":
        return ApertiumCommand(mode=route.where or mode_for(source, target), timeout=timeout_seconds())
    if route.engine == "apy":
        return ApyServer(url=route.where, source=source, target=target, timeout=timeout_seconds())
    return LibreTranslateServer(url=route.where, source=source, target=target, timeout=timeout_seconds(),
                                api_key=_value("REVMOD_MT_API_KEY", ""))
