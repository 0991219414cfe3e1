"""Figures for the constructive dialogues: 2,000 applications registered and screened, the list for States produced (P&R 53).

Run from the repository root: `.venv/bin/python benchmarks/dialogues.py`. Works in a throwaway
SQLite database in a temporary folder; prints only `name: value` lines. Target: the 2,000
applications registered, confirmed and screened and the list for States produced in < 5 s.
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
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

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
    """Each organisation registers, confirms, applies and confirms: what 2,000 real ones would do."""
    for number in range(APPLICATIONS):
        email = f"contact{number}@org{number}.example.org"
        applications.register_organisation(
            name=f"Organisation {number:04d}", kind=KINDS[number % 3], country=parties[number % len(parties)],
            contact_name=f"Contact {number}", contact_email=email, areas=["trafficking"])
        applications.confirm_organisation(_link(email))
        applications.apply_to_dialogue(dialogue, email=email, representatives="Director", today=TODAY)
        applications.confirm_application(_link(email), today=TODAY)


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
    sent_on = dialogue.dates.applications_close_on + timedelta(days=1)
    on_list = dialogues.send_list_to_states(dialogue, actor=secretariat, today=sent_on)
    dialogue.refresh_from_db()
    for application in Application.objects.filter(organisation__kind="academia").order_by("id")[:20]:
        decisions.object_to_applicant(application, actor=cast["fp.unrelated"], party_id="MEX", reason="x", today=sent_on)
    screened = time.perf_counter()
    state = cast["fp.unrelated"]
    rows = applicant_rows(dialogue, viewer=state)
    csv_text = applicants_csv(rows)
    listed = time.perf_counter()
    client = Client()
    client.force_login(state)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/dialogues/{dialogue.pk}/applicants/")
    paged = time.perf_counter()
    duplicates, late = bad_input(dialogue, parties)
    print(f"applications: {Application.objects.filter(confirmed_at__isnull=False).count()}")
    print(f"organisations: {Organisation.objects.filter(confirmed_at__isnull=False).count()}")
    print(f"register_confirm_apply_confirm_seconds: {registered - started:.2f}")
    print(f"per_application_ms: {(registered - started) / APPLICATIONS * 1000:.2f}")
    print(f"screen_send_list_and_20_objections_seconds: {screened - registered:.3f}")
    print(f"applicants_on_list: {on_list}")
    print(f"list_for_states_rows_and_csv_seconds: {listed - screened:.3f}")
    print(f"list_for_states_csv_lines: {len(csv_text.splitlines()) - 1}")
    print(f"list_for_states_page_seconds: {paged - listed:.3f}")
    print(f"list_for_states_page_status: {page.status_code}")
    print(f"list_for_states_page_queries: {len(queries)}")
    print(f"list_for_states_page_kilobytes: {len(page.content) // 1024}")
    print(f"total_registered_screened_listed_seconds: {paged - started:.2f}")
    print(f"duplicate_registrations_refused: {duplicates}/100")
    print(f"late_applications_refused: {late}/100")


if __name__ == "__main__":
    main()
