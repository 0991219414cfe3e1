"""Figures for the public site: each page's weight on the wire, and its speed against a bare Django page.

Run from the repository root: `.venv/bin/python benchmarks/public.py`. Prints only `name: value`
lines. Targets (issue 6): every public page under 100 KB transferred with no static file cached
(the page plus the stylesheet it links), and the public pages served at no less than 70% of the
requests per second of a bare Django page (a view returning "ok" through the same middleware),
in the same run, from the same gunicorn (sync workers on loopback), by the same load generator.

The data is the demo mechanism (the real parties drawn by lot, 189 reviews) with material
published by a few States, in a throwaway data folder. The load generator is a few processes
sending HTTP/1.1 requests over raw sockets; the bare page and the public pages are measured in
alternating rounds so that a busy machine slows both alike.
"""

import gzip
import http.client
import multiprocessing
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
WORK = Path(tempfile.mkdtemp(prefix="revmod-bench-public-"))
os.environ.update(REVMOD_DATA_DIR=str(WORK), DJANGO_SETTINGS_MODULE="revmod.settings", REVMOD_LOG_LEVEL="ERROR",
                  REVMOD_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend")
warnings.simplefilter("ignore")

import django  # noqa: E402  (settings read REVMOD_DATA_DIR at import)

django.setup()

from django.core.management import call_command  # noqa: E402

WORKERS = 3
CLIENTS = 4
ROUND_SECONDS = 2.0
ROUNDS = 3
LANGUAGES = ("en", "ar")

# A settings module and URLconf beside the data: the site's URLs plus one bare page.
BENCH_SETTINGS = 'from revmod.settings import *  # noqa\nROOT_URLCONF = "bench_urls"\n'
BENCH_URLS = """from django.http import HttpResponse
from django.urls import path
from revmod.urls import urlpatterns as site

def bare(request):
    return HttpResponse("ok", content_type="text/plain")

urlpatterns = [path("bench-bare/", bare), *site]
"""


def build_data() -> list[str]:
    """189 reviews drawn by lot from the real parties, Ghana's questionnaire answers published; the pages to measure."""
    from datetime import date

    from django.db import transaction

    from revmod.demo.cast import build_cast
    from revmod.demo.mechanism import DEMO_SEED, GROUP_STARTS, _cluster, _secretariat
    from revmod.lots.engine import draw, load_parties_csv, participants_in_draw
    from revmod.publication import domain
    from revmod.publication.domain.queries import publishable
    from revmod.reference.domain import DATA, load_instruments, load_parties
    from revmod.reference.models import Instrument, Party
    from revmod.reviews.domain.reviews import open_phase
    from revmod.reviews.domain.steps import clear_output, record_consultation, step_of
    from revmod.reviews.models import CountryReview, ReviewerSeat, ReviewGroup
    from revmod.documents.domain import save_version

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        load_instruments()
        load_parties()
        secretariat = _secretariat()
        state = draw(participants_in_draw(load_parties_csv(DATA / "parties.csv")), DEMO_SEED)
        groups = {n: ReviewGroup.objects.create(number=n, started_on=d, phase_started_on=d) for n, d in GROUP_STARTS.items()}
        parties, instruments = {p.iso3: p for p in Party.objects.all()}, {i.code: i for i in Instrument.objects.all()}
        reviews = {}
        for pair in state.pairing.pairs:
            if pair.reviewed not in reviews:
                group = groups[pair.group]
                reviews[pair.reviewed] = CountryReview.objects.create(party=parties[pair.reviewed], group=group,
                                                                      started_on=group.started_on)
                open_phase(reviews[pair.reviewed], cluster=_cluster(1), opened_on=group.started_on, actor=secretariat)
        ReviewerSeat.objects.bulk_create(
            ReviewerSeat(review=reviews[p.reviewed], reviewer=parties[p.reviewer], instrument=instruments[str(p.instrument)],
                         basis=str(p.basis), since=groups[p.group].started_on) for p in state.pairing.pairs)
        ghana = reviews["GHA"]
        people = build_cast(ghana, unrelated_review=next(r for c, r in reviews.items() if c != "GHA"))
        phase = record_consultation(ghana.phases.get(), actor=secretariat, consulted_on=date(2021, 1, 15), languages=["en"])
        saq = step_of(phase, "saq")
        for document in saq.documents.all():
            save_version(document, body=ANSWERS, base_version=0, actor=people["expert.reviewed"])
        clear_output(saq, actor=people["fp.reviewed"])
        source = publishable(ghana)[0]
        draft = domain.prepare(ghana, kind=source.kind, source_id=source.source_id, parts=[], language="en",
                               actor=people["fp.reviewed"])
        publication = domain.publish(ghana, kind=source.kind, source_id=source.source_id, parts=[], language="en",
                                     fingerprint=draft.fingerprint, actor=people["fp.reviewed"])
    return ["/", "/countries/", "/countries/GHA/", f"/countries/GHA/published/{publication.pk}/", "/draw/", "/open-data/"]


# Published answers of a realistic length: about 6,000 words over 40 questions.
ANSWERS = "".join(
    f"<h3>Article {n // 4 + 2}</h3><h4>{n // 4 + 2}.{n % 4 + 1} How does your domestic law give effect to this provision?</h4>"
    f"<p><strong>Answer:</strong> yes</p><p>{'The Penal Code, section 12, criminalizes participation in an organized criminal group. ' * 10}</p>"
    for n in range(40))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    """gunicorn on loopback, booting while the data is built (its workers touch no data until asked)."""
    (WORK / "bench_settings.py").write_text(BENCH_SETTINGS)
    (WORK / "bench_urls.py").write_text(BENCH_URLS)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_settings",
           "PYTHONPATH": os.pathsep.join([str(WORK), str(ROOT / "src")])}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "revmod.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--worker-class", "sync", "--log-level", "error"],
        env=env, cwd=WORK, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    return server


def wait_for(port: int) -> None:
    for _ in range(600):
        try:
            if get(port, "/bench-bare/")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, bytes, int]:
    """(status, body as the browser reads it, bytes on the wire: status line, headers and body as sent)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    head = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + sum(
        len(f"{k}: {v}\r\n") for k, v in response.getheaders()) + 2
    connection.close()
    wire = head + len(body)
    if response.getheader("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response.status, body, wire


def page_weight(port: int, path: str, language: str) -> tuple[int, int]:
    """(bytes transferred, bytes uncompressed) of the page and every stylesheet, script and image
    it links, fetched as a browser's first visit would (nothing cached, gzip accepted)."""
    headers = {"Accept-Encoding": "gzip, br", "Accept-Language": language}
    status, body, total = get(port, f"{path}?lang={language}", headers)
    assert status == 200, (path, status)
    plain = len(body)
    linked = set(re.findall(rb'<link rel="stylesheet" href="([^"]+)"', body) + re.findall(rb'<(?:script|img)[^>]* src="([^"]+)"', body))
    for url in linked:
        _status, content, wire = get(port, url.decode(), headers)
        total, plain = total + wire, plain + len(content)
    return total, plain


def _hammer(port: int, paths: list[bytes], seconds: float, counter) -> None:
    done, deadline, i = 0, time.perf_counter() + seconds, 0
    while time.perf_counter() < deadline:
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(b"GET " + paths[i % len(paths)] + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, br\r\nConnection: close\r\n\r\n")
            reply = b""
            while chunk := s.recv(65536):
                reply += chunk
        if reply.startswith(b"HTTP/1.1 200"):
            done += 1
        i += 1
    with counter.get_lock():
        counter.value += done


def requests_per_second(port: int, paths: list[str], seconds: float) -> float:
    counter = multiprocessing.Value("i", 0)
    encoded = [p.encode() for p in paths]
    workers = [multiprocessing.Process(target=_hammer, args=(port, encoded, seconds, counter)) for _ in range(CLIENTS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return counter.value / seconds


def main() -> None:
    started = time.perf_counter()
    port = free_port()
    server = start_server(port)
    try:
        pages = build_data()
        print(f"# data built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        wait_for(port)
        heaviest = heaviest_plain = 0
        for path in pages:
            for language in LANGUAGES:
                weight, plain = page_weight(port, path, language)
                heaviest, heaviest_plain = max(heaviest, weight), max(heaviest_plain, plain)
                name = re.sub(r"_published_\d+", "_published", path.strip("/").replace("/", "_").replace("-", "_")) or "home"
                print(f"public_page_kb_{name}_{language}: {weight / 1024:.1f}")
        print(f"public_page_kb_heaviest: {heaviest / 1024:.1f}")
        print(f"public_page_kb_heaviest_uncompressed: {heaviest_plain / 1024:.1f}")
        public = [f"{p}?lang={lang}" for p in pages for lang in LANGUAGES]
        for path in public + ["/bench-bare/"]:  # warm every worker's per-language cache
            for _ in range(WORKERS * 3):
                get(port, path)
        print(f"# pages weighed at {time.perf_counter() - started:.1f} s", file=sys.stderr)
        bare_total = public_total = 0.0
        for _ in range(ROUNDS):
            bare_total += requests_per_second(port, ["/bench-bare/"], ROUND_SECONDS)
            public_total += requests_per_second(port, public, ROUND_SECONDS)
        bare, public_rps = bare_total / ROUNDS, public_total / ROUNDS
        print(f"rps_bare_django_page: {bare:.0f}")
        print(f"rps_public_pages: {public_rps:.0f}")
        print(f"rps_public_to_bare_ratio: {public_rps / bare:.2f}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
