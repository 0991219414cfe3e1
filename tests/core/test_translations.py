"""The interface's catalogues: what a translator writes must not break a page.

A translation that drops or renames a placeholder fails at the moment a user opens the page;
these tests find it first, in every catalogue shipped.
"""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

CATALOGUES = sorted((Path(__file__).resolve().parents[2] / "src" / "revmod" / "locale").glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w*)\}")


def _placeholders(text: str) -> list[str]:
    return sorted(match.group(1) or match.group(2) for match in PLACEHOLDER.finditer(text))


def test_every_language_of_the_interface_has_a_catalogue():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {"ar", "es", "fr", "ru", "zh_Hans"}


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.parts[-3])
def test_a_catalogue_compiles_without_error(po, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("gettext's msgfmt is not installed (bin/test installs it)")
    result = subprocess.run([msgfmt, "--check-format", "-o", str(tmp_path / "out.mo"), str(po)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.parts[-3])
def test_translations_keep_every_placeholder_of_their_original(po):
    mo = po.with_suffix(".mo")
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    broken = []
    for key, translation in catalogue.items():
        if not key or not translation:
            continue
        original = key[0] if isinstance(key, tuple) else key
        original = original.split("\x04", 1)[-1]  # without its context
        if _placeholders(original) != _placeholders(translation) and not isinstance(key, tuple):
            broken.append((original, translation))
    assert broken == []
