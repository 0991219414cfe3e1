"""The operator's choice of engine per language pair (REVMOD_MT_BACKENDS)."""

import pytest
from django.core.checks import run_checks

from revmod.translations import conf
from revmod.translations.backends.apertium import ApertiumCommand
from revmod.translations.backends.apy import ApyServer
from revmod.translations.backends.libretranslate import LibreTranslateServer

pytestmark = pytest.mark.unit


def test_each_pair_names_its_engine_and_where_it_runs():
    routes = conf.parse("en-es=apertium, es-en=apertium@spa-eng fr-es=apy@http://mt:2737 "
                        "en-fr=libretranslate@https://lt.example.org/")
    assert routes == {
        ("en", "es"): conf.Route("en", "es", "apertium"),
        ("es", "en"): conf.Route("es", "en", "apertium", "spa-eng"),
        ("fr", "es"): conf.Route("fr", "es", "apy", "http://mt:2737"),
        ("en", "fr"): conf.Route("en", "fr", "libretranslate", "https://lt.example.org/"),
    }


@pytest.mark.parametrize(("spec", "problem"), [
    ("en-es", "cannot read 'en-es'"),
    ("en-xx=apertium", "not a pair of two working languages"),
    ("en-en=apertium", "not a pair of two working languages"),
    ("en-es=google", "unknown engine"),
    ("en-es=apy", "needs the server's URL"),
    ("en-es=libretranslate@ftp://x", "needs the server's URL"),
])
def test_a_wrong_entry_is_named(spec, problem):
    with pytest.raises(conf.BadConfiguration, match=problem):
        conf.parse(spec)


def test_none_turns_machine_translation_off(settings):
    settings.REVMOD_MT_BACKENDS = "none"
    assert conf.routes() == {} and conf.engine_for("en", "es") is None


def test_the_engine_follows_the_setting(settings):
    settings.REVMOD_MT_BACKENDS = "en-es=apertium fr-es=apy@http://mt:2737 en-fr=libretranslate@http://lt:5000"
    settings.REVMOD_MT_API_KEY = "k"
    assert isinstance(conf.engine_for("en", "es"), ApertiumCommand)
    assert conf.engine_for("fr", "es").langpair == "fra|spa"
    libre = conf.engine_for("en", "fr")
    assert isinstance(libre, LibreTranslateServer) and libre.api_key == "k"
    assert not isinstance(conf.engine_for("en", "fr"), ApyServer)
    assert conf.engine_for("es", "en") is None


def test_a_wrong_setting_stops_the_site_at_its_checks(settings):
    settings.REVMOD_MT_BACKENDS = "en-es=google"
    errors = [e for e in run_checks() if e.id == "revmod.translations.E001"]
    assert len(errors) == 1 and "unknown engine" in errors[0].msg
