"""Real translation engines for the tests: Apertium's command line, an APy server on loopback,
and a LibreTranslate-speaking adapter server that delegates to Apertium.

The Debian packages (apertium, apertium-eng-spa, apertium-fr-es, apertium-apy) are in bin/test's
DEBIAN_PACKAGES. Without them these tests skip with a loud message on a developer's machine,
and FAIL under CI (CI=true) or REVMOD_REQUIRE_APERTIUM=1: they must run in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from revmod.translations.backends import EngineError, EngineUnavailable
from revmod.translations.backends.apertium import ApertiumCommand, installed_modes, mode_for

NEEDED_MODES = {"eng-spa", "spa-eng", "fr-es", "es-fr"}
APY_MODES = Path(os.environ.get("REVMOD_APERTIUM_MODES", "/usr/share/apertium/modes"))


def _required() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get("REVMOD_REQUIRE_APERTIUM") in {
        "1", "true", "yes"}


def _missing(what: str):
    message = f"{what} (apt-get install apertium apertium-eng-spa apertium-fr-es apertium-apy)"
    if _required():
        pytest.fail(message + ": the machine-translation tests must run under CI", pytrace=False)
    warnings.warn(f"!!! SKIPPING machine-translation tests: {message}", stacklevel=2)
    pytest.skip(f"!!! {message}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def apertium() -> None:
    """Apertium's command line with the four modes the tests use."""
    installed_modes.cache_clear()
    missing = NEEDED_MODES - installed_modes()
    if missing:
        _missing(f"Apertium modes not installed: {', '.join(sorted(missing))}")


@pytest.fixture(scope="session")
def apy_url(apertium, tmp_path_factory) -> str:
    """A real Apertium APy server on a free loopback port, for the whole session."""
    program = shutil.which("apertium-apy")
    if program is None or not APY_MODES.is_dir():
        _missing("apertium-apy is not installed")
    port = free_port()
    folder = tmp_path_factory.mktemp("apy")
    log = (folder / "apy.log").open("w")
    server = subprocess.Popen([program, "-p", str(port), "-j", "1", str(APY_MODES)], cwd=folder,
                              stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/listPairs", server, folder / "apy.log")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _wait_for(url: str, server: subprocess.Popen, log: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"apertium-apy exited with {server.returncode}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"apertium-apy did not answer within {seconds} s:\n{log.read_text()[-2000:]}")


class _LibreTranslateAdapter(BaseHTTPRequestHandler):
    """Speaks LibreTranslate's POST /translate (JSON: q, source, target, format, api_key) and
    translates with Apertium's command line. An adapter: it tests our client against the API's
    shape, not LibreTranslate's own models. Counts the calls and can require a key."""

    api_key = ""
    calls: list[dict] = []
    fail_after: int | None = None   # answer 503 (service down) once this many calls were made

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        type(self).calls.append(body)
        if self.fail_after is not None and len(self.calls) > self.fail_after:
            return self._answer(503, {"error": "Service Unavailable"})
        if self.path != "/translate":
            return self._answer(404, {"error": "Not Found"})
        if self.api_key and body.get("api_key") != self.api_key:
            return self._answer(403, {"error": "Invalid API key"})
        texts = body.get("q")
        single = isinstance(texts, str)
        texts = [texts] if single else list(texts or [])
        try:
            engine = ApertiumCommand(mode=mode_for(body["source"], body["target"]), timeout=60)
            translated = engine.translate(texts)
        except (KeyError, EngineError, EngineUnavailable) as error:
            return self._answer(400, {"error": str(error)})
        return self._answer(200, {"translatedText": translated[0] if single else translated})

    def _answer(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):  # quiet
        pass


@pytest.fixture
def libretranslate_url(apertium):
    """A LibreTranslate-compatible server on loopback (adapter to Apertium); `.calls` lists the requests."""
    handler = type("Adapter", (_LibreTranslateAdapter,), {"calls": [], "api_key": "secret-key"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield type("Server", (), {"url": f"http://127.0.0.1:{server.server_port}", "calls": handler.calls,
                                  "api_key": "secret-key", "handler": handler})
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def nothing_listening() -> str:
    """The URL of a loopback port where no server runs: a translation service that is down."""
    return f"http://127.0.0.1:{free_port()}"
