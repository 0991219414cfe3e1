"""Figures for the status report: speed and number of queries at two sizes, and its exports.

Run from the repository root: `.venv/bin/python benchmarks/reports.py`. Prints only
`name: value` lines. Targets (issue 6): the full status report over the demo mechanism
(`revmod demo`: the reviews drawn from the real parties) < 2 s, over a synthetic
10,000-review mechanism < 20 s, with the same number of queries at both sizes. The public
site's figures are in benchmarks/public.py. Everything happens in a throwaway data folder.
"""

import os
import random
import sys
import tempfile
import time
import warnings
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from datetime import UTC
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # benchmarks._bulk
WORK = Path(tempfile.mkdtemp(prefix="revmod-bench-reports-"))
os.environ["REVMOD_DATA_DIR"] = str(WORK)
os.environ["DJANGO_SETTINGS_MODULE"] = "revmod.settings"
os.environ["REVMOD_LOG_LEVEL"] = "ERROR"
warnings.simplefilter("ignore")

import django  # noqa: E402  (settings read REVMOD_DATA_DIR at import)

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from benchmarks._bulk import insert_rows, next_id  # noqa: E402

SYNTHETIC_REVIEWS = 10_000
REPORT_DAY = date(2024, 5, 21)  # the day of the figures of Status 2024
LANGUAGE_CHOICES = (["en"], ["en"], ["en"], ["fr"], ["es"], ["en", "fr"], ["ar", "en"], ["en", "es"])
INSTITUTIONS = ("justice", "foreign_affairs", "interior")


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    from revmod.demo.mechanism import build_mechanism
    from revmod.reference.domain import load_instruments, load_parties

    load_instruments()
    load_parties()
    counts = build_mechanism()
    print(f"demo_reviews: {counts['reviews']}")
    demo_queries = _time_report("demo")
    _time_report("demo", as_of=REPORT_DAY)
    _time_exports()
    _synthetic(SYNTHETIC_REVIEWS - counts["reviews"])
    big_queries = _time_report(str(SYNTHETIC_REVIEWS))
    _time_report(str(SYNTHETIC_REVIEWS), as_of=REPORT_DAY)
    print(f"status_report_queries_constant: {'yes' if big_queries == demo_queries else 'no'}")


def _time_report(label: str, as_of: date | None = None) -> int:
    """The whole report, today or as of a past day (then only the reviews started by that day count)."""
    from revmod.reports.domain.queries.status import status_report

    if as_of is not None:
        label = f"{label}_as_of_{as_of.isoformat()}"
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        report = status_report(as_of or timezone.localdate())
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
    """Bring the mechanism to SYNTHETIC_REVIEWS reviews: parties, reviews, steps with deadline
    histories, languages, seats and nominations like the demo's, in a few bulk inserts."""
    from django.db import transaction

    from revmod.reference.models import Adherence, Party, RegionalGroup
    from revmod.reviews.models import CountryReview

    rng, started = random.Random(2024), time.perf_counter()
    regions = list(RegionalGroup.objects.values_list("code", flat=True))
    groups = {1: date(2020, 12, 1), 2: date(2021, 11, 1), 3: date(2022, 11, 1)}
    first = next_id(CountryReview)
    reviews = [{"id": first + i, "party_id": code, "group_id": n, "started_on": groups[n]}
               for i, (code, n) in enumerate((c, rng.randint(1, 3)) for c in _codes(count))]
    with transaction.atomic():
        insert_rows(Party, [{"iso3": r["party_id"], "names": {"en": f"Synthetic {r['party_id']}"},
                         "regional_group_id": rng.choice(regions)} for r in reviews])
        insert_rows(Adherence, [{"party_id": r["party_id"], "instrument_id": "UNTOC"} for r in reviews])
        insert_rows(CountryReview, reviews)
        _synthetic_phases(rng, reviews)
        _synthetic_people(rng, reviews)
    print(f"synthetic_build_seconds: {time.perf_counter() - started:.1f}")


def _synthetic_phases(rng: random.Random, reviews: list[dict]) -> None:
    """One phase per review at a random step, each step's deadline agreed at the consultation."""
    from revmod.reference.models import Cluster
    from revmod.reviews.deadlines import default_schedule
    from revmod.reviews.models import DeadlineChange, Phase, ReviewStep

    from revmod.accounts.models import User

    today, cluster = timezone.localdate(), Cluster.objects.get(phase=1).pk
    secretariat = User.objects.filter(is_secretariat=True).values_list("pk", flat=True).first()
    phase_id, step_id = next_id(Phase), next_id(ReviewStep)
    phases, steps, changes, languages = [], [], [], []
    for review in reviews:
        plan = _timeline(rng, review["started_on"], today)
        consulted, last_done = plan[0][2], plan[-1][2]
        phases.append({"id": phase_id, "review_id": review["id"], "cluster_id": cluster,
                       "opened_on": review["started_on"], "consulted_on": consulted,
                       "finalized_at": datetime.combine(last_done, dt_time(12), UTC) if last_done else None})
        schedule = default_schedule(consulted) if consulted else {}
        for order, (kind, opened, done) in enumerate(plan):
            steps.append({"id": step_id, "phase_id": phase_id, "kind": kind, "order": order, "due_on": schedule.get(kind),
                          "status": "pending" if opened is None else "done" if done else "open",
                          "opened_on": opened, "done_on": done})
            if kind in schedule:
                changes.append({"step_id": step_id, "new_due_on": schedule[kind], "reason": "agreed",
                                "changed_by_id": secretariat,
                                "changed_at": datetime.combine(consulted, dt_time(12), UTC)})
            step_id += 1
        if consulted:
            languages += [{"phase_id": phase_id, "language_id": c} for c in rng.choice(LANGUAGE_CHOICES)]
        phase_id += 1
    for model, rows in ((Phase, phases), (ReviewStep, steps), (DeadlineChange, changes),
                        (Phase.working_languages.through, languages)):
        insert_rows(model, rows)


def _synthetic_people(rng: random.Random, reviews: list[dict]) -> None:
    """Two reviewing States per review; a focal point and an expert for most States."""
    from revmod.accounts.models import Nomination, User
    from revmod.reviews.models import ReviewerSeat

    parties = [r["party_id"] for r in reviews]
    insert_rows(ReviewerSeat, [
        {"review_id": r["id"], "reviewer_id": reviewer, "instrument_id": "UNTOC", "basis": basis, "since": r["started_on"]}
        for r in reviews for basis, reviewer in zip(("same_region", "other_region"), rng.sample(parties, 2), strict=True)
        if reviewer != r["party_id"]])
    named = [r for r in reviews if rng.random() < 0.88]
    person, people, nominations = next_id(User), [], []
    approved = timezone.now() - timedelta(days=30)
    for review in named:
        for role in ("focal_point", "expert"):
            email = f"{role}.{review['party_id'].lower()}@synthetic.example"
            people.append({"id": person, "email": email, "password": "!", "party_id": review["party_id"],
                           "gender": rng.choice(("female", "male")), "institution_type": rng.choice(INSTITUTIONS)})
            nominations.append({"person_id": person, "party_id": review["party_id"], "review_id": review["id"],
                                "role": role, "status": "approved", "approved_at": approved, "recorded_at": approved,
                                "stated_name": email, "stated_email": email})
            person += 1
    insert_rows(User, people)
    insert_rows(Nomination, nominations)


if __name__ == "__main__":
    main()
