"""Figures for notices: the deadline scan over a large mechanism, and a mass delivery by the task queue.

Run from the repository root: `.venv/bin/python benchmarks/notifications.py`. Prints only
`name: value` lines. Targets (issue 5): the deadline scan over a synthetic mechanism of
10,000 reviews in under 10 s, with a number of queries that does not grow with the number of
reviews (the reads; the bulk insert of the notices it finds takes one statement per batch of
rows, the batch being bounded by the database's parameter limit); 5,000 notifications queued
and delivered by the real task queue (django-tasks-db and two `db_worker` processes) to an
SMTP server on loopback: all counted, none twice. Everything happens in a throwaway data folder.
"""

import os
import random
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# benchmarks/ itself must not shadow installed packages (benchmarks/public.py and `public`, which aiosmtpd needs).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # tests.support.smtp: the loopback SMTP server of the tests
WORK = Path(tempfile.mkdtemp(prefix="revmod-bench-notifications-"))
os.environ["REVMOD_DATA_DIR"] = str(WORK)
os.environ["DJANGO_SETTINGS_MODULE"] = "revmod.settings"
os.environ["REVMOD_LOG_LEVEL"] = "ERROR"
os.environ.setdefault("REVMOD_SECRETARIAT_EMAIL", "secretariat@bench.example")
warnings.simplefilter("ignore")

import django  # noqa: E402  (settings read REVMOD_DATA_DIR at import)

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from benchmarks._bulk import insert_rows, next_id  # noqa: E402


SCAN_DAY = date(2024, 6, 3)
APPROVED_AT = datetime(2023, 1, 10, 12, tzinfo=UTC)
SMALL, LARGE = 1_000, 10_000
DELIVERIES = 5_000
WORKERS = 2
WORKER_START_SECONDS = 8
DELIVERY_TIMEOUT_SECONDS = 900  # a busy machine is slow, but every notice must arrive
EVENT_SIZE = 100  # people told of each event, as when a step moves in a review with many participants


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    from revmod.reference.domain import load_instruments, load_parties

    load_instruments()
    load_parties()
    rng = random.Random(2026)
    codes = _codes(LARGE)
    _synthetic(rng, codes[:SMALL])
    if "delivery" not in sys.argv[1:]:
        small = _scan(SMALL)
    _synthetic(rng, codes[SMALL:])
    if "delivery" not in sys.argv[1:]:
        large = _scan(LARGE)
        print(f"deadline_scan_read_queries_constant: {'yes' if small == large else 'no'}")
    _deliveries(DELIVERIES)


def _scan(reviews: int) -> int:
    """One scan of every open deadline on SCAN_DAY, rolled back so the next scan starts afresh."""
    from revmod.notifications.domain.scan import scan_deadlines

    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            notices = scan_deadlines(SCAN_DAY)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        transaction.set_rollback(True)
    # an executemany is logged as "<n> times: <sql>"
    kinds = Counter(q["sql"].split(" times: ", 1)[-1].split(None, 1)[0].upper() for q in queries.captured_queries)
    reads = kinds["SELECT"]
    print(f"deadline_scan_{reviews}_reviews_seconds: {elapsed:.2f}")
    print(f"deadline_scan_{reviews}_reviews_cpu_seconds: {cpu:.2f}")  # this process alone: the wall time on a busy machine is more
    print(f"deadline_scan_{reviews}_reviews_notices: {notices}")
    print(f"deadline_scan_{reviews}_reviews_queries: {len(queries)}")
    print(f"deadline_scan_{reviews}_reviews_read_queries: {reads}")
    print(f"deadline_scan_{reviews}_reviews_insert_queries: {kinds['INSERT']}")
    print(f"deadline_scan_{reviews}_reviews_other_queries: {len(queries) - reads - kinds['INSERT']}")
    return reads


def _synthetic(rng: random.Random, codes: list[str]) -> None:
    """Parties with a mission address, one review each, a phase whose open step is due around
    SCAN_DAY (some weeks ahead, some weeks late), two reviewing States, and focal points for
    most States (the rest are written to at their mission, P&R 18)."""
    from revmod.accounts.models import Nomination, User
    from revmod.reference.models import Cluster, Party, RegionalGroup
    from revmod.reviews.enums import STEP_ORDER
    from revmod.reviews.models import CountryReview, Phase, ReviewerSeat, ReviewGroup, ReviewStep

    regions = list(RegionalGroup.objects.values_list("code", flat=True))
    group, _created = ReviewGroup.objects.get_or_create(
        number=1, defaults={"started_on": date(2022, 11, 1), "phase_started_on": date(2022, 11, 1)})
    cluster = Cluster.objects.get(phase=1).pk
    review_id, phase_id, step_id, person_id = (next_id(m) for m in (CountryReview, Phase, ReviewStep, User))
    parties, reviews, phases, steps, seats, people, nominations = [], [], [], [], [], [], []
    for code in codes:
        parties.append({"iso3": code, "names": {"en": f"Synthetic {code}", "fr": f"Synthétique {code}"},
                        "regional_group_id": rng.choice(regions), "mission_email": f"mission.{code.lower()}@bench.example"})
        reviews.append({"id": review_id, "party_id": code, "group_id": group.pk, "started_on": group.started_on})
        phases.append({"id": phase_id, "review_id": review_id, "cluster_id": cluster, "opened_on": group.started_on,
                       "consulted_on": group.started_on})
        current = rng.randint(1, len(STEP_ORDER) - 1)
        due = SCAN_DAY + timedelta(days=rng.randint(-120, 45))
        for order, kind in enumerate(STEP_ORDER):
            status = "done" if order < current else "open" if order == current else "pending"
            steps.append({"id": step_id, "phase_id": phase_id, "kind": kind, "order": order, "status": status,
                          "due_on": due + timedelta(days=90 * (order - current)),
                          "opened_on": group.started_on if status != "pending" else None,
                          "done_on": group.started_on if status == "done" else None})
            step_id += 1
        reviewers = rng.sample([c for c in rng.sample(codes, 3) if c != code], 2)
        for party in [code, *reviewers]:
            if party != code:
                seats.append({"review_id": review_id, "reviewer_id": party, "instrument_id": "UNTOC",
                              "basis": "same_region", "since": group.started_on})
            if rng.random() < 0.88:
                email = f"fp.{code.lower()}.{party.lower()}.{review_id}@bench.example"
                people.append({"id": person_id, "email": email, "password": "!", "party_id": party,
                               "language": rng.choice(("en", "fr", "es", "ru", "ar", "zh"))})
                nominations.append({"person_id": person_id, "party_id": party, "review_id": review_id,
                                    "role": "focal_point", "status": "approved", "stated_name": email,
                                    "recorded_at": APPROVED_AT, "approved_at": APPROVED_AT,
                                    "stated_email": email})
                person_id += 1
        review_id, phase_id = review_id + 1, phase_id + 1
    with transaction.atomic():
        insert_rows(Party, parties)
        for model, rows in ((CountryReview, reviews), (Phase, phases), (ReviewStep, steps), (ReviewerSeat, seats),
                            (User, people), (Nomination, nominations)):
            insert_rows(model, rows)


def _deliveries(count: int) -> None:
    """`count` notices queued by `notify` (events of EVENT_SIZE people each), handed to the database task
    queue after commit, delivered by WORKERS `db_worker` processes to an SMTP server on loopback."""
    from django.conf import settings

    from revmod.accounts.models import User
    from revmod.notifications.domain import notify
    from revmod.notifications.enums import NoticeState
    from revmod.notifications.models import Notification
    from tests.support.smtp import SMTPServer

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    people = list(User.objects.order_by("pk")[:count])
    server = SMTPServer()
    server.start()
    workers = [_worker(server.port, index) for index in range(WORKERS)]
    try:
        time.sleep(WORKER_START_SECONDS)  # the workers start up and wait for tasks
        started = time.perf_counter()
        with transaction.atomic():
            for start in range(0, len(people), EVENT_SIZE):
                notify(f"bench:{start}", people=people[start:start + EVENT_SIZE], subject="Benchmark notice",
                       body=lambda person: f"Notice to {person.email}", critical=True)
        queued = time.perf_counter() - started
        waiting = Notification.objects.filter(key__startswith="bench:", state__in=[NoticeState.PENDING, NoticeState.SENDING])
        while waiting.exists() and time.perf_counter() - started < DELIVERY_TIMEOUT_SECONDS:
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        server.stop()
    recipients = Counter(r for m in server.received for r in m.rcpt_tos)
    states = Counter(Notification.objects.filter(key__startswith="bench:").values_list("state", flat=True))
    print(f"delivery_notices_queued: {len(people)}")
    print(f"delivery_queue_seconds: {queued:.2f}")
    print(f"delivery_total_seconds: {elapsed:.2f}")
    print(f"delivery_notices_per_second: {len(server.received) / elapsed:.0f}")
    print(f"delivery_emails_received: {len(server.received)}")
    print(f"delivery_distinct_recipients: {len(recipients)}")
    print(f"delivery_received_twice: {sum(1 for n in recipients.values() if n > 1)}")
    print(f"delivery_notices_marked_sent: {states[NoticeState.SENT]}")
    print(f"delivery_notices_not_sent: {sum(states.values()) - states[NoticeState.SENT]}")
    print(f"delivery_all_counted_none_twice: {'yes' if len(server.received) == len(recipients) == len(people) == states[NoticeState.SENT] else 'no'}")


def _worker(port: int, index: int) -> subprocess.Popen:
    """A real `db_worker` process, as `revmod db_worker` runs in production, polling every 0.2 s."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REVMOD_EMAIL_URL": f"smtp://127.0.0.1:{port}",
           "REVMOD_TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}
    return subprocess.Popen([sys.executable, "-m", "django", "db_worker", "--skip-checks", "--interval", "0.2",
                             "--worker-id", f"bench-{index}", "-v", "0"], env=env, cwd=WORK,
                            stdout=subprocess.DEVNULL, stderr=open(WORK / f"worker-{index}.log", "w"))


def _codes(count: int) -> list[str]:
    """Three-character codes starting with a digit, so none is a real ISO code."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    codes = (f"{d}{a}{b}" for d in "0123456789" for a in alphabet for b in alphabet)
    return [next(codes) for _ in range(count)]


if __name__ == "__main__":
    main()
