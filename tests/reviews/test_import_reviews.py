"""`revmod import-reviews`: moving a running mechanism onto revmod from CSV or XLSX."""

import csv
import importlib.util
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from revmod.accounts.enums import NominationStatus
from revmod.accounts.models import ActivationLink, Nomination, User
from revmod.audit.models import AuditEntry
from revmod.reference.domain import load_instruments, load_parties
from revmod.reference.models import Party
from revmod.reviews.domain.imports import import_reviews
from revmod.reviews.domain.queries.progress import rows
from revmod.reviews.interfaces.importer import ALL_COLUMNS, read_import
from revmod.reviews.models import CountryReview, DeadlineChange, Phase, ReviewerSeat, ReviewGroup, ReviewStep

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"
TODAY = date(2023, 4, 9)


@pytest.fixture
def officer(db):
    """A secretariat officer, with the real reference data loaded."""
    if not Party.objects.exists():
        load_instruments()
        load_parties()
    return User.objects.create_user(email="officer@unodc.example", password="a-long-passphrase-2026",
                                    is_secretariat=True)


def import_file(path, actor, **options):
    plan, problems = read_import(path)
    assert [str(p) for p in problems] == []
    return import_reviews(plan, actor=actor, **options)


def write_csv(folder: Path, records: list[dict]) -> Path:
    path = folder / "mechanism.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ALL_COLUMNS)
        writer.writeheader()
        writer.writerows(records)
    return path


def counts() -> dict[str, int]:
    models = (ReviewGroup, CountryReview, ReviewerSeat, Phase, ReviewStep, DeadlineChange, Nomination, User,
              ActivationLink, AuditEntry)
    return {m.__name__: m.objects.count() for m in models}


def snapshot() -> dict[str, list]:
    """What an import wrote, by natural keys (no ids), to compare two imports."""
    return {
        "groups": list(ReviewGroup.objects.values_list("number", "started_on", "current_phase", "phase_started_on")),
        "reviews": list(CountryReview.objects.values_list("party", "group", "started_on")),
        "seats": list(ReviewerSeat.objects.order_by("review__party", "reviewer", "instrument").values_list(
            "review__party", "reviewer", "instrument", "basis", "since")),
        "phases": list(Phase.objects.order_by("review__party", "cluster__phase").values_list(
            "review__party", "cluster__phase", "opened_on", "consulted_on", "finalized_at", "working_languages")),
        "steps": list(ReviewStep.objects.order_by("phase__review__party", "phase__cluster__phase", "order").values_list(
            "phase__review__party", "phase__cluster__phase", "kind", "status", "due_on", "opened_on", "done_on")),
        "nominations": list(Nomination.objects.order_by("review__party", "party", "role", "person__email").values_list(
            "review__party", "party", "role", "status", "approved_at", "person__email", "stated_name")),
        "people": list(User.objects.filter(nominations__isnull=False).distinct().order_by("email").values_list(
            "email", "first_name", "last_name", "gender", "institution_type", "institution", "party")),
    }


def test_example_imports_with_open_steps_deadlines_delay_seats_and_focal_points(officer):
    assert import_file(EXAMPLES / "import-reviews.xlsx", officer) == {
        "reviews": 3, "seats": 20, "phases": 4, "nominations": 11, "accounts": 10, "activations": 0}
    progress = {r.review.party_id: r for r in rows(CountryReview.objects.all(), TODAY)}
    assert {iso3: (r.phase.cluster.phase, r.open_step.kind, r.open_step.due_on, r.status, r.delay_days)
            for iso3, r in progress.items()} == {
        "GHA": (2, "consultation", None, "not_started", 0),
        "MEX": (1, "dialogue", date(2023, 3, 10), "feedback", 30),
        "THA": (1, "saq", date(2023, 9, 30), "saq", 0),
    }
    assert {iso3: r.reviewers for iso3, r in progress.items()} == {
        "GHA": ["KEN", "NOR"], "MEX": ["CAN", "FRA", "PER"], "THA": ["CAN", "PHL"]}
    assert {iso3: r.focal_point_names for iso3, r in progress.items()} == {
        "GHA": {"GHA": "Ama Mensah", "KEN": "Wanjiru Kamau", "NOR": "Ingrid Larsen"},
        "MEX": {"MEX": "Lucía Hernández", "CAN": "Claire Tremblay"},  # Peru's is pending
        "THA": {"THA": "Somchai Srisuk", "CAN": "Claire Tremblay"},
    }


def test_example_restores_step_history_groups_and_seat_bases(officer):
    import_file(EXAMPLES / "import-reviews.csv", officer)
    mexico = ReviewStep.objects.filter(phase__review__party="MEX").order_by("order")
    assert list(mexico.values_list("kind", "status", "due_on", "opened_on", "done_on")) == [
        ("consultation", "done", None, date(2021, 11, 1), date(2022, 1, 10)),
        ("saq", "done", date(2022, 7, 10), date(2022, 1, 10), date(2022, 8, 1)),
        ("feedback", "done", date(2023, 1, 10), date(2022, 8, 1), date(2023, 2, 15)),
        ("dialogue", "open", date(2023, 3, 10), date(2023, 2, 15), None),
        ("observations", "pending", date(2023, 7, 10), None, None),  # defaults: 4 and 2 months after
        ("summary", "pending", date(2023, 9, 10), None, None),
    ]
    assert list(ReviewGroup.objects.values_list("number", "started_on", "current_phase", "phase_started_on")) == [
        (1, date(2020, 12, 1), 2, date(2023, 6, 1)), (2, date(2021, 11, 1), 1, date(2021, 11, 1)),
        (3, date(2022, 11, 1), 1, date(2022, 11, 1))]
    ghana_first = Phase.objects.get(review__party="GHA", cluster__phase=1)
    assert ghana_first.finalized_at.date() == date(2022, 10, 5)
    assert set(ghana_first.steps.values_list("status", flat=True)) == {"done"}
    assert list(ReviewerSeat.objects.filter(review__party="MEX", reviewer="FRA").values_list("instrument", "basis")) == [
        ("FIR", "additional")]
    saq = ReviewStep.objects.get(phase__review__party="THA", kind="saq")
    assert list(saq.deadline_changes.values_list("old_due_on", "new_due_on", "reason", "changed_by")) == [
        (None, date(2023, 9, 30), "imported", officer.pk)]
    assert sorted(saq.documents.values_list("instrument", flat=True)) == ["TIP", "UNTOC"]


def test_imported_people_have_no_password_and_keep_their_roles(officer):
    import_file(EXAMPLES / "import-reviews.xlsx", officer)
    claire = User.objects.get(email="claire.tremblay@justice.ca.example")
    assert (claire.has_usable_password(), claire.is_active, claire.party_id, claire.gender) == (
        False, False, "CAN", "female")
    assert sorted(claire.nominations.values_list("review__party", "role", "status")) == [
        ("MEX", "focal_point", "approved"), ("THA", "focal_point", "approved")]
    pending = Nomination.objects.get(review__party="MEX", party="PER")
    assert (pending.status, pending.approved_at, pending.note_verbale_ref) == (NominationStatus.RECORDED, None, "7-5-M/123")
    assert ActivationLink.objects.count() == 0
    entry = AuditEntry.objects.get(action="reviews.import.completed")
    assert (entry.actor, entry.data["reviews"], entry.data["nominations"], entry.data["file"]) == (
        officer, 3, 11, "import-reviews.xlsx")


def test_xlsx_and_csv_give_the_same_result(officer):
    results = []
    for name in ("import-reviews.xlsx", "import-reviews.csv"):
        with transaction.atomic():
            import_file(EXAMPLES / name, officer)
            results.append(snapshot())
            transaction.set_rollback(True)
    assert results[0] == results[1]
    assert len(results[0]["steps"]) == 4 * 6  # four phases of six steps


BAD_ROWS = [
    {"record": "reviews", "state_iso3": "GHA", "group": "1", "started_on": "2020-12-01"},
    {"record": "reviews", "state_iso3": "XYZ", "group": "1", "started_on": "2020-12-01"},
    {"record": "reviews", "state_iso3": "gha", "group": "1", "started_on": "2020-12-01"},
    {"record": "reviews", "state_iso3": "THA", "group": "3", "started_on": "01/11/2022"},
    {"record": "seats", "state_iso3": "GHA", "reviewer_iso3": "KEN", "instrument": "UNTOC", "basis": "same_region"},
    {"record": "seats", "state_iso3": "GHA", "reviewer_iso3": "USA", "instrument": "FIR", "basis": "other_region"},
    {"record": "phases", "state_iso3": "GHA", "phase": "1", "consulted_on": "2021-01-20", "languages": "en de",
     "saq_due_on": "2020-11-30", "saq_submitted_on": "2021-07-15", "feedback_submitted_on": "2021-07-01"},
    {"record": "nominations", "state_iso3": "GHA", "nominating_iso3": "GHA", "role": "focal_point",
     "status": "approved", "first_name": "Ama", "last_name": "Mensah", "email": "ama@gh.example"},
    {"record": "nominations", "state_iso3": "GHA", "nominating_iso3": "GHA", "role": "focal_point",
     "status": "approved", "first_name": "Kofi", "last_name": "Boateng", "email": "kofi@gh.example"},
    {"record": "nominations", "state_iso3": "GHA", "nominating_iso3": "KEN", "role": "reviewer",
     "status": "approved", "first_name": "Wanjiru", "last_name": "Kamau", "email": "w.kamau(at)ke.example"},
    {"record": "nominations", "state_iso3": "GHA", "nominating_iso3": "NOR", "role": "expert",
     "status": "approved", "first_name": "Ingrid", "last_name": "Larsen", "email": "ingrid@no.example"},
    {"record": "seats", "state_iso3": "MEX", "reviewer_iso3": "PER", "instrument": "TIP", "basis": "same_region"},
    {"record": "phases", "state_iso3": "THA", "phase": "1", "consulted_on": "2023-02-01", "languages": "en"},
]
BAD_PROBLEMS = [
    "line 3, column state_iso3: unknown ISO3 code “XYZ”",
    "line 4, column state_iso3: Ghana already has a review in this file (line 2)",
    "line 5, column started_on: “01/11/2022” is not a date in YYYY-MM-DD form",
    "line 7, column reviewer_iso3: United States of America is not a party to FIR and cannot review it (P&R 28(b))",
    "line 8, column languages: unknown language code “de”; use ar, zh, en, fr, ru, es",
    "line 8, column saq_due_on: the deadline 2020-11-30 is before the review's start (2020-12-01)",
    "line 8, column feedback_submitted_on: submitted on 2021-07-01, before the previous step (2021-07-15)",
    "line 10, column role: Ghana already has an approved focal point in this review (line 9); one at a time (P&R 18)",
    "line 11, column role: unknown value “reviewer”; use one of: focal_point, expert, observer",
    "line 11, column email: “w.kamau(at)ke.example” is not an e-mail address",
    "line 12, column nominating_iso3: Norway is neither the State under review nor a reviewing State of this review",
    "line 13, column state_iso3: there is no review of Mexico in the reviews table",
]


def test_a_file_with_bad_rows_imports_nothing_and_reports_each_by_line_and_column(officer, tmp_path):
    before = counts()
    plan, problems = read_import(write_csv(tmp_path, BAD_ROWS))
    assert plan is None
    assert [str(p) for p in problems] == BAD_PROBLEMS
    assert counts() == before


def test_xlsx_problems_name_the_sheet_and_row(officer, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "reviews"
    book["reviews"].append(["state_iso3", "group", "started_on", "remarks"])
    book["reviews"].append(["GHA", 1, date(2020, 12, 1), ""])
    seats = book.create_sheet("seats")
    seats.append(["state_iso3", "reviewer_iso3", "instrument", "basis"])
    seats.append(["GHA", "ZZZ", "UNTOC", "same_region"])
    seats.append(["GHA", "KEN", "TIP", "other_region"])
    seats.append(["GHA", "NOR", "TIP", "other_region", "?"])
    book.save(tmp_path / "mechanism.xlsx")
    plan, problems = read_import(tmp_path / "mechanism.xlsx")
    assert [str(p) for p in problems] == [
        "sheet reviews, row 1, column remarks: unknown column",
        "sheet seats, row 2, column reviewer_iso3: unknown ISO3 code “ZZZ”",
        "sheet seats, row 3, column basis: Kenya is in the same regional group as Ghana",
    ]


def test_dry_run_changes_nothing(officer):
    before = counts()
    out = io.StringIO()
    call_command("import_reviews", str(EXAMPLES / "import-reviews.xlsx"), "--dry-run", "--send-activations",
                 stdout=out)
    assert out.getvalue().strip() == (
        "Dry run: the file is valid and would import 3 reviews, 20 seats, 4 phases, 11 nominations "
        "(10 new accounts, 10 activation e-mails). Nothing was changed.")
    assert counts() == before


def test_command_imports_and_sends_activations_when_asked(officer):
    out = io.StringIO()
    call_command("import_reviews", str(EXAMPLES / "import-reviews.csv"), "--send-activations",
                 "--actor", "OFFICER@unodc.example", stdout=out)
    assert out.getvalue().strip() == (
        "Imported 3 reviews, 20 seats, 4 phases, 11 nominations (10 new accounts, 10 activation e-mails).")
    assert ActivationLink.objects.filter(person__nominations__isnull=False).distinct().count() == 10


def test_command_prints_every_problem_and_exits_1(officer, tmp_path):
    err = io.StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command("import_reviews", str(write_csv(tmp_path, BAD_ROWS)), stderr=err)
    assert refusal.value.returncode == 1
    assert str(refusal.value) == "Nothing was imported: 12 problem(s) in the file."
    assert err.getvalue().splitlines() == BAD_PROBLEMS
    assert CountryReview.objects.count() == 0


def test_importing_the_same_file_again_is_refused(officer):
    call_command("import_reviews", str(EXAMPLES / "import-reviews.csv"), stdout=io.StringIO())
    before, err = counts(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_reviews", str(EXAMPLES / "import-reviews.csv"), stderr=err)
    day = AuditEntry.objects.get(action="reviews.import.completed").at.date()
    assert err.getvalue().splitlines() == [
        f"import-reviews.csv: This file was already imported on {day} by officer@unodc.example; nothing was changed."]
    with pytest.raises(CommandError):
        call_command("import_reviews", str(EXAMPLES / "import-reviews.xlsx"), stderr=err)
    assert "sheet reviews, row 2, column state_iso3: Ghana is already under review in revmod" in err.getvalue()
    assert counts() == before


def test_command_needs_one_secretariat_actor(officer):
    User.objects.create_user(email="second@unodc.example", password="another-long-passphrase", is_secretariat=True)
    with pytest.raises(CommandError, match="several secretariat accounts: say who imports with --actor") as refusal:
        call_command("import_reviews", str(EXAMPLES / "import-reviews.csv"))
    assert refusal.value.returncode == 1
    with pytest.raises(CommandError, match="nobody@unodc.example is not an active secretariat account"):
        call_command("import_reviews", str(EXAMPLES / "import-reviews.csv"), "--actor", "nobody@unodc.example")
    assert CountryReview.objects.count() == 0


def test_the_revmod_script_exits_1_with_its_reason_on_stderr(tmp_path):
    """The real console script on a fresh database without reference data, as a shell sees it."""
    env = {**os.environ, "REVMOD_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "revmod.settings"}
    run = [sys.executable, "-m", "revmod.cli"]
    assert subprocess.run([*run, "migrate", "-v0"], env=env, capture_output=True).returncode == 0
    refused = subprocess.run([*run, "import-reviews", str(EXAMPLES / "import-reviews.csv")], env=env,
                             capture_output=True, text=True)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.strip() == ("CommandError: The reference data (parties and instruments) is not loaded: "
                                      "load it first (revmod load-reference).")


def test_example_script_regenerates_the_shipped_csv(tmp_path):
    spec = importlib.util.spec_from_file_location("make_import_example", EXAMPLES / "make_import_example.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.main(tmp_path)
    assert (tmp_path / "import-reviews.csv").read_text() == (EXAMPLES / "import-reviews.csv").read_text()
    assert openpyxl.load_workbook(tmp_path / "import-reviews.xlsx").sheetnames == [
        "about", "reviews", "seats", "phases", "nominations"]


def test_csv_saved_by_a_spreadsheet_with_semicolons_and_a_byte_order_mark_reads_the_same(officer, tmp_path):
    with open(EXAMPLES / "import-reviews.csv", newline="", encoding="utf-8") as handle:
        records = list(csv.reader(handle))
    path = tmp_path / "semicolons.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle, delimiter=";").writerows(records)
    (plan, problems), (example, _none) = read_import(path), read_import(EXAMPLES / "import-reviews.csv")
    assert problems == []
    assert (plan.reviews, plan.seats, plan.phases, plan.people, plan.nominations) == (
        example.reviews, example.seats, example.phases, example.people, example.nominations)
    path.write_bytes("record,state_iso3\nreviews,CÔTE\n".encode("cp1252"))
    assert [str(p) for p in read_import(path)[1]] == [
        "semicolons.csv: The file is not UTF-8 text: save it as “CSV UTF-8”."]


def test_reviews_join_a_group_that_already_exists_at_its_current_phase(officer, tmp_path):
    ReviewGroup.objects.create(number=1, started_on=date(2020, 12, 1), current_phase=2,
                               phase_started_on=date(2023, 6, 1))
    finished = {f"{k}_submitted_on": d for k, d in (("saq", "2021-07-01"), ("feedback", "2022-01-10"),
                ("dialogue", "2022-03-01"), ("observations", "2022-07-01"), ("summary", "2022-09-01"))}
    records = [
        {"record": "reviews", "state_iso3": "GHA", "group": "1", "started_on": "2020-12-01"},
        {"record": "phases", "state_iso3": "GHA", "phase": "1", "consulted_on": "2021-01-20", "languages": "en",
         **finished},
    ]
    import_file(write_csv(tmp_path, records), officer)
    phases = Phase.objects.filter(review__party="GHA").order_by("cluster__phase")
    assert [(p.cluster.phase, p.opened_on, p.finalized_at is not None) for p in phases] == [
        (1, date(2020, 12, 1), True), (2, date(2023, 6, 1), False)]
    assert rows(CountryReview.objects.all(), TODAY)[0].open_step.kind == "consultation"
    late = [{"record": "reviews", "state_iso3": "KEN", "group": "1", "started_on": "2020-11-01"},
            {"record": "phases", "state_iso3": "KEN", "phase": "3", "opened_on": "2024-01-01"}]
    plan, problems = read_import(write_csv(tmp_path, late))
    assert [str(p) for p in problems] == [
        "line 2, column started_on: a review cannot start before its group (2020-12-01)",
        "line 3, column phase: group 1 is in phase 2 in revmod"]
