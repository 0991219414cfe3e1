"""The three engines, each against a real server or program: Apertium's command line, a real
APy on loopback, and a LibreTranslate-compatible adapter server (delegating to Apertium)."""

import pytest

from revmod.translations.backends import EngineError, EngineUnavailable
from revmod.translations.backends.apertium import ApertiumCommand, mode_for
from revmod.translations.backends.apy import ApyServer
from revmod.translations.backends.libretranslate import LibreTranslateServer

pytestmark = pytest.mark.integration
TEXTS = ["The State answers the questionnaire.", "Line one\nline two & <b> text", "Third."]


@pytest.mark.parametrize(("source", "target", "text", "expected"), [
    ("en", "es", "The government has adopted a new law.", "El gobierno ha adoptado una ley nueva."),
    ("es", "en", "La casa es grande.", "The house is big."),
    ("fr", "es", "L'État répond.", "El Estado responde."),
    ("es", "fr", "La casa es grande.", "La maison est grande."),
])
def test_apertium_translates_each_pair_it_has(apertium, source, target, text, expected):
    assert ApertiumCommand(mode=mode_for(source, target), timeout=60).translate([text]) == [expected]


def test_apertium_keeps_blocks_apart_and_their_line_breaks(apertium):
    out = ApertiumCommand(mode="eng-spa", timeout=60).translate(TEXTS)
    assert len(out) == 3 and out[2] == "Tercio."
    assert out[1].count("\n") == 1 and "& <b>" in out[1]


def test_apertium_without_the_mode_is_an_engine_error(apertium):
    with pytest.raises(EngineError, match="eng-rus"):
        ApertiumCommand(mode="eng-rus", timeout=60).translate(["x"])


def test_apertium_not_installed_is_unavailable():
    with pytest.raises(EngineUnavailable, match="not installed"):
        ApertiumCommand(mode="eng-spa", timeout=60, command="apertium-not-here").translate(["x"])


def test_a_real_apy_server_translates_like_the_command_line(apy_url):
    apy = ApyServer(url=apy_url, source="en", target="es", timeout=30)
    assert apy.translate(TEXTS) == ApertiumCommand(mode="eng-spa", timeout=60).translate(TEXTS)
    assert ApyServer(url=apy_url, source="fr", target="es", timeout=30).translate(["L'État répond."]) == [
        "El Estado responde."]


def test_apy_without_the_pair_is_an_engine_error(apy_url):
    with pytest.raises(EngineError, match="400"):
        ApyServer(url=apy_url, source="en", target="ru", timeout=30).translate(["x"])


def test_a_server_that_is_down_is_unavailable(nothing_listening):
    for engine in (ApyServer(url=nothing_listening, source="en", target="es", timeout=5),
                   LibreTranslateServer(url=nothing_listening, source="en", target="es", timeout=5)):
        with pytest.raises(EngineUnavailable, match="could not be reached"):
            engine.translate(["x"])


def test_a_libretranslate_compatible_server_gets_the_blocks_and_the_key(libretranslate_url):
    """An adapter test: the server speaks LibreTranslate's API and delegates to Apertium."""
    engine = LibreTranslateServer(url=libretranslate_url.url, source="en", target="es", timeout=30,
                                  api_key=libretranslate_url.api_key)
    assert engine.translate(TEXTS) == ApertiumCommand(mode="eng-spa", timeout=60).translate(TEXTS)
    assert libretranslate_url.calls == [{"q": TEXTS, "source": "en", "target": "es", "format": "text",
                                         "api_key": "secret-key"}]


def test_a_libretranslate_refusal_is_an_engine_error(libretranslate_url):
    engine = LibreTranslateServer(url=libretranslate_url.url, source="en", target="es", timeout=30, api_key="wrong")
    with pytest.raises(EngineError, match="403"):
        engine.translate(["x"])
