"""Figures for the status report and the public site: speed, queries, page weight, requests per second.

Run from the repository root: `.venv/bin/python benchmarks/reports.py`. Prints only
`name: value` lines. Targets (issue 6): the full status report over the demo mechanism
(`revmod demo`, 190 reviews from the real parties) < 2 s, over a synthetic 10,000-review
mechanism < 20 s, with the same number of queries; public pages < 100 KB with the stylesheet;
each public page served at >= 70% of the requests per second of a bare Django page, by the
same gunicorn workers on loopback. Everything happens in a throwaway data folder.
"""

import http.client
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
WORK = Path(tempfile.mkdtemp(prefix="revmod-bench-reports-"))
os.environ["REVMOD_DATA_DIR"] = str(WORK)
os.environ["DJANGO_SETTINGS_MODULE"] = "revmod.settings"
os.environ["REVMOD_LOG_LEVEL"] = "ERROR"
warnings.simplefilter("ignore")

import django  # noqa: E402  (settings read REVMOD_DATA_DIR at import)

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

SYNTHETIC_REVIEWS = 10_000
WORKERS = 2
CLIENT_THREADS = 4
SECONDS_PER_RUN = 2.5
PUBLIC_PAGES = {"home": "/", "countries": "/countries/", "country": "/countries/GHA/", "draw": "/draw/",
                "draw_csv": "/draw/results.csv"}
SERVER_FILES = {
    "bench_urls.py": (
        "from django.http import HttpResponse\nfrom django.urls import path\nfrom revmod.urls import urlpatterns as site\n"
        "def bare(request):\n    return HttpResponse('ok')\n"
        "urlpatterns = [path('bench/bare/', bare), *site]\n"),
    "bench_settings.py": "from revmod.settings import *  # noqa\nROOT_URLCONF = 'bench_urls'\nDEBUG = False\n",
}


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    from revmod.demo.mechanism import build_mechanism
    from revmod.reference.domain import load_instruments, load_parties

    load_instruments()
    load_parties()
    counts = build_mechanism()
    print(f"demo_reviews: {counts['reviews']}")
    demo_queries = _time_report("demo")
    _time_exports()
    _page_weights()
    _requests_per_second()
    _synthetic(SYNTHETIC_REVIEWS - counts["reviews"])
    big_queries = _time_report(str(SYNTHETIC_REVIEWS))
    print(f"status_report_queries_constant: {'yes' if big_queries == demo_queries else 'no'}")


def _time_report(label: str) -> int:
    from revmod.reports.domain.queries.status import status_report

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        report = status_report(timezone.localdate())
        elapsed = time.perf_counter() - started
    print(f"status_report_{label}_reviews: {report['progress']['reviews']}")
    print(f"status_report_{label}_seconds: {elapsed:.3f}")
    print(f"status_report_{label}_queries: {len(queries)}")
    return len(queries)


def _time_exports() -> None:
    from revmod.reports.interfaces.render import export_status

    for fmt, language in (("json", "en"), ("xlsx", "fr"), ("docx", "ar")):
        started = time.perf_counter()
        export = export_status(timezone.localdate(), fmt=fmt, language=language)
        print(f"status_export_{fmt}_{language}_seconds: {time.perf_counter() - started:.3f}")
        print(f"status_export_{fmt}_{language}_kb: {len(export.content) / 1024:.1f}")


def _page_weights() -> None:
    """HTML plus the one stylesheet, as a first visit with nothing cached transfers them."""
    from django.contrib.staticfiles import finders

    css = Path(finders.find("revmod/site.css")).stat().st_size
    client, heaviest = Client(), 0.0
    for name, url in PUBLIC_PAGES.items():
        for language in ("en", "ar"):
            response = client.get(f"{url}?lang={language}")
            assert response.status_code == 200, (url, response.status_code)
            kb = (len(response.content) + (0 if url.endswith(".csv") else css)) / 1024
            heaviest = max(heaviest, kb)
            print(f"public_{name}_{language}_kb: {kb:.1f}")
    print(f"public_heaviest_kb: {heaviest:.1f}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server() -> tuple[subprocess.Popen, int]:
    for name, text in SERVER_FILES.items():
        (WORK / name).write_text(text)
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_settings",
           "PYTHONPATH": os.pathsep.join([str(WORK), str(ROOT / "src")])}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "revmod.wsgi:application", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}",
         "--log-level", "error"], env=env, cwd=WORK, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            if _get(port, "/bench/bare/") == 200:
                return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def _get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Accept-Language": "en"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _rps(port: int, path: str) -> float:
    """Requests per second over SECONDS_PER_RUN, from CLIENT_THREADS threads, all answered 200."""
    done, failed = [0] * CLIENT_THREADS, [0] * CLIENT_THREADS
    stop = time.perf_counter() + SECONDS_PER_RUN

    def loop(index: int) -> None:
        while time.perf_counter() < stop:
            if _get(port, path) == 200:
                done[index] += 1
            else:
                failed[index] += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(CLIENT_THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if sum(failed):
        raise RuntimeError(f"{path}: {sum(failed)} failed requests")
    return sum(done) / (time.perf_counter() - started)


def _requests_per_second() -> None:
    """The bare page before and after the public ones, so a drift in the machine shows in both."""
    server, port = _start_server()
    try:
        for path in ("/bench/bare/", "/", "/countries/GHA/", "/draw/"):
            _rps(port, path)  # warm every worker's imports and connections
        bare = [_rps(port, "/bench/bare/")]
        pages = {name: _rps(port, PUBLIC_PAGES[name]) for name in ("home", "country", "draw")}
        bare.append(_rps(port, "/bench/bare/"))
    finally:
        server.terminate()
        server.wait(timeout=10)
    baseline = sum(bare) / len(bare)
    print(f"bare_django_rps: {baseline:.0f}")
    for name, rps in pages.items():
        print(f"public_{name}_rps: {rps:.0f}")
        print(f"public_{name}_rps_ratio: {rps / baseline:.2f}")
    print(f"public_lowest_rps_ratio: {min(pages.values()) / baseline:.2f}")


def _codes(count: int) -> list[str]:
    """Three-character codes starting with a digit, so none is a real ISO code."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    codes = (f"{d}{a}{b}" for d in "0123456789" for a in alphabet for b in alphabet)
    return [next(codes) for _ in range(count)]


def _timeline(rng: random.Random, started: date, today: date) -> list[tuple[str, date | None, date | None]]:
    """(step, opened_on, done_on) for each step of a phase, reaching a random step by today."""
    from revmod.reviews.enums import STEP_ORDER

    target = rng.choices(range(7), weights=(14, 30, 22, 10, 10, 6, 8))[0]
    rows, opened = [], started
    for index, kind in enumerate(STEP_ORDER):
        if opened is None or opened > today:
            rows.append((kind, None, None))
            opened = None
            continue
        done = opened + timedelta(days=rng.randint(20, 300)) if index < target else None
        done = done if done and done <= today else None
        rows.append((kind, opened, done))
        opened = done
    return rows


def _synthetic(count: int) -> None:
    """Bring the mechanism to SYNTHETIC_REVIEWS reviews with bulk inserts: parties, reviews, steps,
    deadline histories, languages, seats and nominations like the real ones."""
    from django.db import transaction

    from revmod.reference.models import Adherence, Party, RegionalGroup
    from revmod.reviews.models import CountryReview, ReviewGroup

    rng, started = random.Random(2024), time.perf_counter()
    regions = list(RegionalGroup.objects.values_list("code", flat=True))
    groups = {g.number: g for g in ReviewGroup.objects.all()}
    with transaction.atomic():
        parties = Party.objects.bulk_create(
            Party(iso3=code, names={"en": f"Synthetic {code}"}, regional_group_id=rng.choice(regions))
            for code in _codes(count))
        Adherence.objects.bulk_create(Adherence(party=p, instrument_id="UNTOC") for p in parties)
        reviews = CountryReview.objects.bulk_create(
            CountryReview(party=p, group=groups[n], started_on=groups[n].started_on)
            for p, n in ((p, rng.randint(1, 3)) for p in parties))
        phases = _synthetic_phases(rng, reviews)
        _synthetic_people(rng, reviews, phases)
    print(f"synthetic_build_seconds: {time.perf_counter() - started:.1f}")


def _synthetic_phases(rng: random.Random, reviews) -> list:
    from datetime import datetime, time as clock, timezone as tz

    from revmod.accounts.models import User
    from revmod.reference.models import Cluster
    from revmod.reviews.deadlines import default_schedule
    from revmod.reviews.models import DeadlineChange, Phase, ReviewStep

    today, cluster = timezone.localdate(), Cluster.objects.get(phase=1)
    secretariat = User.objects.filter(is_secretariat=True).first()
    plans = [(review, _timeline(rng, review.started_on, today)) for review in reviews]
    phases = Phase.objects.bulk_create(
        Phase(review=review, cluster=cluster, opened_on=review.started_on, consulted_on=plan[0][2],
              finalized_at=datetime.combine(plan[-1][2], clock.min, tzinfo=tz.utc) if plan[-1][2] else None)
        for review, plan in plans)
    steps, changes = [], []
    for phase, (_, plan) in zip(phases, plans):
        schedule = default_schedule(plan[0][2]) if plan[0][2] else {}
        for order, (kind, opened, done) in enumerate(plan):
            status = "pending" if opened is None else "done" if done else "open"
            steps.append(ReviewStep(phase=phase, kind=kind, order=order, status=status, opened_on=opened,
                                    done_on=done, due_on=schedule.get(kind)))
    steps = ReviewStep.objects.bulk_create(steps)
    for step in steps:
        if step.due_on:
            at = datetime.combine(step.phase.consulted_on, clock(12), tzinfo=tz.utc)
            changes.append(DeadlineChange(step=step, new_due_on=step.due_on, reason="agreed", changed_by=secretariat,
                                          changed_at=at))
    DeadlineChange.objects.bulk_create(changes)
    through = Phase.working_languages.through
    through.objects.bulk_create(through(phase_id=p.pk, language_id=code) for p in phases if p.consulted_on
                                for code in rng.choice((["en"], ["en"], ["fr"], ["en", "fr"], ["ar", "en"])))
    return phases


def _synthetic_people(rng: random.Random, reviews, phases) -> None:
    """Two reviewing States per review, a focal point and an expert for most States."""
    from revmod.accounts.models import Nomination, User
    from revmod.reviews.models import ReviewerSeat

    parties = [r.party_id for r in reviews]
    seats = []
    for review in reviews:
        for basis, reviewer in zip(("same_region", "other_region"), rng.sample(parties, 2)):
            if reviewer != review.party_id:
                seats.append(ReviewerSeat(review=review, reviewer_id=reviewer, instrument_id="UNTOC", basis=basis,
                                          since=review.started_on))
    ReviewerSeat.objects.bulk_create(seats)
    named = [r for r in reviews if rng.random() < 0.88]
    people = User.objects.bulk_create(
        User(email=f"{role}.{r.party_id.lower()}@synthetic.example", password="!", party_id=r.party_id,
             gender=rng.choice(("female", "male")), institution_type=rng.choice(("justice", "foreign_affairs", "interior")))
        for r in named for role in ("fp", "expert"))
    approved = timezone.now() - timedelta(days=30)
    Nomination.objects.bulk_create(
        Nomination(person=person, party_id=review.party_id, review=review, role=role, status="approved",
                   approved_at=approved, stated_name=person.email, stated_email=person.email)
        for review, pair in zip(named, zip(people[::2], people[1::2]))
        for person, role in zip(pair, ("focal_point", "expert")))


if __name__ == "__main__":
    main()
