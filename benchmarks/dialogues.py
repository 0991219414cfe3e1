"""Figures for the constructive dialogues and the follow-up of reviews (P&R 44, 53).

Run from the repository root: `.venv/bin/python benchmarks/dialogues.py`. Works in a throwaway
SQLite database in a temporary folder; prints only `name: value` lines. Targets: with 2,000
applications registered, the screening (list sent, objections, admissions) and the list for
States produced in < 5 s; the technical assistance overview over 10,000 observation items in
< 3 s, with the same number of queries at 1,000 and at 10,000 items.

The first PUBLIC_PATH organisations go through the public path (register, confirm, apply,
confirm: four domain calls and four e-mails each), which gives the cost per application; the
others are loaded in bulk, as confirmed, so that the script finishes within a minute.
"""

import os
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
TEMP = tempfile.TemporaryDirectory(prefix="revmod-bench-dialogues-")
os.environ.update(REVMOD_DATA_DIR=TEMP.name, DJANGO_SETTINGS_MODULE="revmod.settings",
                  REVMOD_REQUIRE_SECOND_FACTOR="0", REVMOD_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from revmod.accounts.models import User  # noqa: E402
from revmod.core.errors import Refused  # noqa: E402
from revmod.demo.cast import build_cast  # noqa: E402
from revmod.dialogues.domain import applications, decisions, dialogues  # noqa: E402
from revmod.dialogues.domain.queries.applicants import applicant_rows, applicants_csv  # noqa: E402
from revmod.dialogues.models import Application, Organisation  # noqa: E402
from revmod.reference.domain import load_instruments, load_parties  # noqa: E402
from revmod.notifications.models import Notification  # noqa: E402
from revmod.reference.models import Instrument, Party  # noqa: E402
from revmod.reviews.domain.reviews import seat_reviewer, start_review  # noqa: E402
from revmod.reviews.enums import SeatBasis  # noqa: E402
from revmod.reviews.models import ReviewGroup  # noqa: E402

APPLICATIONS = 2000
PUBLIC_PATH = 300
OBSERVATION_ITEMS = (1_000, 10_000)
KINDS = ("ngo", "academia", "private_sector")
TODAY = date(2024, 5, 1)
HELD_ON = date(2024, 6, 14)


def setup() -> tuple[User, dict[str, User]]:
    call_command("migrate", verbosity=0)
    load_instruments()
    load_parties()
    group = ReviewGroup.objects.create(number=1, started_on=date(2020, 12, 1), phase_started_on=date(2020, 12, 1))
    cast = build_cast(make_review("GHA", group=group, same="KEN", other="NOR"),
                      unrelated_review=make_review("MEX", group=group, same="PER", other="FRA"))
    return cast["secretariat"], cast


def make_review(iso3: str, *, group, same: str, other: str):
    """A review with its two reviewing States on every instrument, as in the tests' cast."""
    review = start_review(Party.objects.get(pk=iso3), group=group, actor=None)
    for instrument in Instrument.objects.filter(adherences__party_id=iso3):
        for reviewer, basis in ((same, SeatBasis.SAME_REGION), (other, SeatBasis.OTHER_REGION)):
            seat_reviewer(review, reviewer=Party.objects.get(pk=reviewer), instrument=instrument, basis=basis,
                          since=group.started_on, actor=None)
    return review


def _link(email: str) -> str:
    """The token of the latest link e-mailed to `email`, as its reader would click it."""
    body = Notification.objects.filter(email=email).order_by("-id").values_list("body", flat=True).first()
    return re.search(r"/confirm/([\w-]+)/", body).group(1)


def register_and_apply(dialogue, parties: list[Party]) -> None:
    """Each organisation registers, confirms, applies and confirms, as a real one would."""
    for number in range(PUBLIC_PATH):
        email = f"contact{number}@org{number}.example.org"
        applications.register_organisation(
            name=f"Organisation {number:04d}", kind=KINDS[number % 3], country=parties[number % len(parties)],
            contact_name=f"Contact {number}", contact_email=email, areas=["trafficking"])
        applications.confirm_organisation(_link(email))
        applications.apply_to_dialogue(dialogue, email=email, representatives="Director", today=TODAY)
        applications.confirm_application(_link(email), today=TODAY)


def load_the_others(dialogue, parties: list[Party]) -> None:
    """The remaining organisations and their applications, confirmed, loaded in bulk."""
    now = timezone.now()
    Organisation.objects.bulk_create([Organisation(
        name=f"Organisation {n:04d}", name_key=f"organisation {n:04d}", kind=KINDS[n % 3], country=parties[n % len(parties)],
        contact_name=f"Contact {n}", contact_email=f"contact{n}@org{n}.example.org", areas=["trafficking"],
        registered_at=now, confirmed_at=now) for n in range(PUBLIC_PATH, APPLICATIONS)], batch_size=500)
    Application.objects.bulk_create([
        Application(dialogue=dialogue, organisation=o, representatives="Director", applied_at=now, confirmed_at=now)
        for o in Organisation.objects.filter(applications__isnull=True)], batch_size=500)


def bad_input(dialogue, parties: list[Party]) -> tuple[int, int]:
    duplicates = late = 0
    for number in range(100):
        try:
            applications.register_organisation(name=f"organisation  {number:04d}", kind="ngo", country=parties[number % len(parties)],
                                               contact_name="X", contact_email=f"new{number}@example.org")
        except Refused:
            duplicates += 1
        try:
            applications.apply_to_dialogue(dialogue, email=f"contact{number}@org{number}.example.org",
                                           representatives="X", today=dialogue.dates.applications_close_on + timedelta(days=1))
        except Refused:
            late += 1
    return duplicates, late


def main() -> None:
    secretariat, cast = setup()
    parties = list(Party.objects.order_by("iso3"))
    dialogue = dialogues.announce_dialogue(actor=secretariat, working_group="tip", session="fourteenth", held_on=HELD_ON,
                                           format="hybrid", titles={"en": "Benchmark dialogue"}, today=TODAY)
    started = time.perf_counter()
    register_and_apply(dialogue, parties)
    registered = time.perf_counter()
    per_application = (registered - started) / PUBLIC_PATH
    load_the_others(dialogue, parties)
    registered, cpu = time.perf_counter(), time.process_time()
    sent_on = dialogue.dates.applications_close_on + timedelta(days=1)
    on_list = dialogues.send_list_to_states(dialogue, actor=secretariat, today=sent_on)
    dialogue.refresh_from_db()
    for application in Application.objects.filter(organisation__kind="academia").order_by("id")[:20]:
        decisions.object_to_applicant(application, actor=cast["fp.unrelated"], party_id="MEX", reason="x", today=sent_on)
    admitted = decisions.admit_unopposed(dialogue, actor=secretariat, today=dialogue.dates.objections_close_on + timedelta(days=1))
    screened = time.perf_counter()
    state = cast["fp.unrelated"]
    rows = applicant_rows(dialogue, viewer=state)
    csv_text = applicants_csv(rows)
    listed = time.perf_counter()
    client = Client()
    client.force_login(state)
    with counted() as queries:
        page = client.get(f"/dialogues/{dialogue.pk}/applicants/")
    paged, cpu = time.perf_counter(), time.process_time() - cpu
    duplicates, late = bad_input(dialogue, parties)
    print(f"applications: {Application.objects.filter(confirmed_at__isnull=False).count()}")
    print(f"organisations: {Organisation.objects.filter(confirmed_at__isnull=False).count()}")
    print(f"applications_through_public_path: {PUBLIC_PATH}")
    print(f"per_application_public_path_ms: {per_application * 1000:.2f}")
    print(f"screen_send_list_20_objections_admit_seconds: {screened - registered:.3f}")
    print(f"applicants_on_list: {on_list}")
    print(f"applicants_admitted: {admitted}")
    print(f"list_for_states_rows_and_csv_seconds: {listed - screened:.3f}")
    print(f"list_for_states_csv_lines: {len(csv_text.splitlines()) - 1}")
    print(f"list_for_states_page_seconds: {paged - listed:.3f}")
    print(f"list_for_states_page_status: {page.status_code}")
    print(f"list_for_states_page_queries: {len(queries)}")
    print(f"list_for_states_page_kilobytes: {len(page.content) // 1024}")
    print(f"screened_and_list_for_states_produced_seconds: {paged - registered:.2f}")
    print(f"screened_and_list_for_states_produced_cpu_seconds: {cpu:.2f}")
    print(f"duplicate_registrations_refused: {duplicates}/100")
    print(f"late_applications_refused: {late}/100")
    followup_figures(secretariat, cast)


def observation_items(count: int, secretariat) -> None:
    """Finalized lists of observations of many States until there are `count` items, a third
    of them reported on, as the findings app leaves them (P&R 38-39, 44)."""
    from revmod.findings.enums import FindingState, ItemKind
    from revmod.findings.models import ObservationItem, ObservationList
    from revmod.followup.models import ProgressReport
    from revmod.reference.models import Article
    from revmod.reviews.models import CountryReview, Phase

    kinds = (ItemKind.TA_NEED, ItemKind.RECOMMENDATION, ItemKind.CHALLENGE, ItemKind.GOOD_PRACTICE)
    articles = {code: list(Article.objects.filter(instrument_id=code).values_list("pk", flat=True))
                for code in ("UNTOC", "TIP", "SOM", "FIR")}
    group = ReviewGroup.objects.get(number=1)
    have = ObservationItem.objects.count()
    new_parties = list(Party.objects.filter(review__isnull=True).order_by("iso3")[:max(1, (count - have) // 80)])
    CountryReview.objects.bulk_create([CountryReview(party=p, group=group, started_on=group.started_on) for p in new_parties])
    reviews = list(CountryReview.objects.filter(party__in=new_parties))
    Phase.objects.bulk_create([Phase(review=r, cluster_id=1, opened_on=group.started_on) for r in reviews])
    lists = ObservationList.objects.bulk_create([
        ObservationList(review=r, phase=r.phases.first(), instrument_id=code, state=FindingState.FINALIZED,
                        finalized_at=timezone.now() - timedelta(days=30 * (i % 24)))
        for i, r in enumerate(reviews) for code in articles])
    items = ObservationItem.objects.bulk_create([
        ObservationItem(list=lists[n % len(lists)], kind=kinds[n % 4], text=f"item {n}", order=n, confidential=n % 17 == 0)
        for n in range(count - have)], batch_size=1000)
    Through = ObservationItem.articles.through
    Through.objects.bulk_create([Through(observationitem_id=it.pk, article_id=pk)
                                 for n, it in enumerate(items)
                                 for pk in articles[it.list.instrument_id][n % 5:n % 5 + 1 + n % 2]], batch_size=1000)
    statuses = ("not_met", "partly_met", "met")
    ProgressReport.objects.bulk_create([
        ProgressReport(item=it, party_id=it.list.review.party_id, status=statuses[n % 3], as_of=timezone.localdate(),
                       progress="x", reported_by=secretariat, reported_at=timezone.now())
        for n, it in enumerate(items) if it.kind == ItemKind.TA_NEED and n % 3], batch_size=1000)


def counted() -> CaptureQueriesContext:
    """A query capture whose count is right even after the log filled up (9,000 entries)."""
    reset_queries()
    return CaptureQueriesContext(connection)


def followup_figures(secretariat, cast) -> None:
    """The technical assistance overview and the records page at two sizes (P&R 44)."""
    from revmod.followup.domain.queries.overview import ta_overview

    client = Client()
    client.force_login(cast["fp.unrelated"])
    secretariat_client = Client()
    secretariat_client.force_login(secretariat)
    for warm in (client, secretariat_client):  # the first request of a session costs a few more queries
        warm.get("/followup/practices/")
    for size in OBSERVATION_ITEMS:
        observation_items(size, secretariat)
        started, cpu = time.perf_counter(), time.process_time()
        with counted() as queries:
            overview = ta_overview()
        computed, cpu = time.perf_counter(), time.process_time() - cpu
        with counted() as page_queries:
            page = client.get("/followup/technical-assistance/")
        paged = time.perf_counter()
        xlsx = client.get("/followup/technical-assistance/?format=xlsx")
        exported = time.perf_counter()
        with counted() as record_queries:
            records = secretariat_client.get("/followup/")
        assert records.status_code == 200
        listed = time.perf_counter()
        print(f"followup_observation_items_{size}: {size}")
        print(f"followup_ta_needs_counted_{size}: {overview.total.identified}")
        print(f"followup_ta_overview_seconds_{size}: {computed - started:.3f}")
        print(f"followup_ta_overview_cpu_seconds_{size}: {cpu:.3f}")
        print(f"followup_ta_overview_queries_{size}: {len(queries)}")
        print(f"followup_ta_overview_page_seconds_{size}: {paged - computed:.3f}")
        print(f"followup_ta_overview_page_status_{size}: {page.status_code}")
        print(f"followup_ta_overview_page_queries_{size}: {len(page_queries)}")
        print(f"followup_ta_overview_xlsx_seconds_{size}: {exported - paged:.3f}")
        print(f"followup_ta_overview_xlsx_status_{size}: {xlsx.status_code}")
        print(f"followup_records_page_seconds_{size}: {listed - exported:.3f}")
        print(f"followup_records_page_queries_{size}: {len(record_queries)}")


if __name__ == "__main__":
    main()
