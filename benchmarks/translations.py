"""Figures for machine translation: a 5,000-word document (100 paragraphs) translated English to Spanish.

Run from the repository root: `.venv/bin/python benchmarks/translations.py`. Needs the Debian
packages apertium, apertium-eng-spa and apertium-apy; starts its own APy server on a free
loopback port. Prints only `name: value` lines. Engines are called the way the background
task calls them (batches of blocks), without the database.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
TEMP = tempfile.TemporaryDirectory(prefix="revmod-bench-translations-")
os.environ.update(REVMOD_DATA_DIR=TEMP.name, DJANGO_SETTINGS_MODULE="revmod.settings")

import django  # noqa: E402

django.setup()

from revmod.translations.backends.apertium import ApertiumCommand  # noqa: E402
from revmod.translations.backends.apy import ApyServer  # noqa: E402
from revmod.translations.blocks import cut  # noqa: E402
from revmod.translations.domain import batches  # noqa: E402

SENTENCES = ["The government has adopted a new law.", "The report is ready.", "The house is big.",
             "The State party described the measures taken by the police and the courts.",
             "Technical assistance would help the authorities to collect statistics."]


def document(words: int = 5000) -> str:
    """Paragraphs of about fifty words each, `words` in all."""
    paragraphs, count, sentence = [], 0, 0
    while count < words:
        text = []
        while len(" ".join(text).split()) < 50:
            text.append(SENTENCES[sentence % len(SENTENCES)])
            sentence += 1
        paragraphs.append("<p>" + " ".join(text) + "</p>")
        count += len(" ".join(text).split())
    return "".join(paragraphs)


def translate(engine, texts: list[str]) -> float:
    start = time.perf_counter()
    done = []
    for batch in batches(texts):
        done += engine.translate(batch)
    assert len(done) == len(texts)
    return time.perf_counter() - start


def start_apy() -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([shutil.which("apertium-apy"), "-p", str(port), "/usr/share/apertium/modes"],
                              cwd=TEMP.name, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/listPairs", timeout=2).close()
            return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("apertium-apy did not start")


def main() -> None:
    body = document()
    start = time.perf_counter()
    skeleton = cut(body)
    print(f"mt_cut_5000_words_ms: {(time.perf_counter() - start) * 1000:.1f}")
    print(f"mt_blocks: {len(skeleton.texts)}")
    print(f"mt_apertium_cli_5000_words_s: {translate(ApertiumCommand(mode='eng-spa', timeout=120), list(skeleton.texts)):.2f}")
    server, url = start_apy()
    try:
        apy = ApyServer(url=url, source="en", target="es", timeout=120)
        apy.translate(["Warm-up."])  # APy starts its pipeline on the first request
        print(f"mt_apy_5000_words_s: {translate(apy, list(skeleton.texts)):.2f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
