"""Reading and checking a CSV or XLSX file that describes a running mechanism (docs/import-reviews.md)."""

import csv
import hashlib
import re
import zipfile
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.accounts.enums import Gender, InstitutionType, Role
from revmod.reference.models import Adherence, Cluster, Instrument, Party
from revmod.reviews.deadlines import SCHEDULED_STEPS
from revmod.reviews.domain import imports
from revmod.reviews.enums import SeatBasis
from revmod.reviews.models import CountryReview, ReviewGroup

STEP_COLUMNS = tuple(f"{kind}_{what}" for kind in SCHEDULED_STEPS for what in ("due_on", "submitted_on"))
TABLES: dict[str, tuple[str, ...]] = {
    "reviews": ("state_iso3", "group", "started_on"),
    "seats": ("state_iso3", "reviewer_iso3", "instrument", "basis", "since"),
    "phases": ("state_iso3", "phase", "opened_on", "consulted_on", "languages",
               "exceptional_language_reason", *STEP_COLUMNS, "finalized_on"),
    "nominations": ("state_iso3", "nominating_iso3", "role", "status", "first_name", "last_name", "email",
                    "title", "phone", "gender", "institution_type", "institution", "approved_on",
                    "note_verbale_ref", "note_verbale_on"),
}
REQUIRED: dict[str, set[str]] = {
    "reviews": {"state_iso3", "group", "started_on"},
    "seats": {"state_iso3", "reviewer_iso3", "instrument", "basis"},
    "phases": {"state_iso3", "phase"},
    "nominations": {"state_iso3", "nominating_iso3", "role", "status", "first_name", "last_name", "email"},
}
RECORD = "record"
ALL_COLUMNS = tuple(dict.fromkeys([RECORD, *(c for columns in TABLES.values() for c in columns)]))
APPROVED, PENDING = "approved", "pending"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file: where (line, or sheet and row), which column, what."""

    where: str
    column: str
    message: str
    position: tuple[int, int] = (0, 0)

    def __str__(self) -> str:
        if not self.column:
            return f"{self.where}: {self.message}"
        return _("%(where)s, column %(column)s: %(message)s") % {
            "where": self.where, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class Row:
    table: str
    where: str
    position: tuple[int, int]
    values: dict[str, str]


def read_import(path: Path | str, *, today: date | None = None) -> tuple[imports.ImportPlan | None, list[Problem]]:
    """The checked plan of a file, or every problem in it (then no plan: nothing may be imported)."""
    path = Path(path)
    if missing_reference():
        return None, [Problem(path.name, "", missing_reference())]
    if not path.is_file():
        return None, [Problem(path.name, "", _("There is no such file."))]
    fingerprint = hashlib.sha256(path.read_bytes()).hexdigest()
    earlier = imports.previous_import(fingerprint)
    if earlier is not None:
        return None, [Problem(path.name, "", _("This file was already imported on %(day)s by %(who)s; nothing was "
                                               "changed.") % {"day": earlier.at.date(), "who": earlier.actor})]
    rows, problems = read_rows(path)
    checker = Checker(today or timezone.localdate())
    for table in TABLES:
        for row in (r for r in rows if r.table == table):
            getattr(checker, f"check_{table}")(row)
    checker.check_phase_order()
    problems = sorted(problems + checker.problems, key=lambda p: p.position)
    if not problems and not checker.plan.reviews:
        problems = [Problem(path.name, "", _("The file has no reviews."))]
    if problems:
        return None, problems
    checker.plan.source, checker.plan.fingerprint = path.name, fingerprint
    return checker.plan, []


def missing_reference() -> str:
    """Why the reference data does not allow an import yet; empty when it does."""
    if Party.objects.exists() and Instrument.objects.exists() and Cluster.objects.count() >= 4:
        return ""
    return _("The reference data (parties and instruments) is not loaded: load it first (revmod load-reference).")


def read_rows(path: Path) -> tuple[list[Row], list[Problem]]:
    """The file's rows by table: XLSX sheets named after the tables, or one table with a `record` column."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path)
        if suffix == ".csv":
            with open(path, newline="", encoding="utf-8-sig") as handle:
                first = handle.readline()
                handle.seek(0)  # spreadsheets set to a comma decimal separator write semicolons
                reader = csv.reader(handle, delimiter=";" if first.count(";") > first.count(",") else ",")
                header = next(reader, [])
                cells = [(reader.line_num, row) for row in reader]
            return _table_rows(None, header, cells, where=lambda n: _("line %(n)s") % {"n": n}, sheet=0)
    except UnicodeDecodeError:
        return [], [Problem(path.name, "", _("The file is not UTF-8 text: save it as “CSV UTF-8”."))]
    except (csv.Error, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        return [], [Problem(path.name, "", _("The file cannot be read (%(error)s).") % {"error": error})]
    return [], [Problem(path.name, "", _("Use a .xlsx or a .csv file."))]


def _read_xlsx(path: Path) -> tuple[list[Row], list[Problem]]:
    import openpyxl  # loaded only for XLSX files

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheets = [(i, s) for i, s in enumerate(book.worksheets) if _table_name(s.title) or i == 0]
    by_table = [(i, s) for i, s in sheets if _table_name(s.title)]
    rows, problems = [], []
    for index, sheet in by_table or sheets[:1]:
        values = list(sheet.iter_rows(values_only=True))
        header, cells = (values[0] if values else ()), list(enumerate(values[1:], start=2))
        def where(n, title=sheet.title):
            return _("sheet %(sheet)s, row %(n)s") % {"sheet": title, "n": n}
        found, wrong = _table_rows(_table_name(sheet.title) if by_table else None, header, cells, where, index)
        rows, problems = rows + found, problems + wrong
    book.close()
    return rows, problems


def _table_name(text: str) -> str | None:
    name = str(text or "").strip().lower()
    return name if name in TABLES else f"{name}s" if f"{name}s" in TABLES else None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # a date cell; one with a time of day is not a date
        timed = isinstance(value, datetime) and value.time() != datetime.min.time()
        return value.isoformat(sep=" ") if timed else value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table_rows(table: str | None, header, cells, where, sheet: int) -> tuple[list[Row], list[Problem]]:
    """Rows of one table (`table` given) or of several, each naming its table in `record`."""
    names = [_cell(h).lower() for h in header]
    allowed = set(TABLES[table]) if table else set(ALL_COLUMNS)
    problems = [Problem(where(1), name, _("unknown column"), (sheet, 1)) for name in names if name and name not in allowed]
    if table is None and RECORD not in names:
        return [], problems + [Problem(where(1), RECORD, _("missing column: it names each row's table (%(tables)s)")
                                       % {"tables": ", ".join(TABLES)}, (sheet, 1))]
    rows, missing_reported = [], set()
    for number, values in cells:
        data = {name: _cell(v) for name, v in zip(names, values, strict=False) if name in allowed}
        if not any(data.values()):
            continue
        kind = table or _table_name(data.pop(RECORD, ""))
        if kind is None:
            problems.append(Problem(where(number), RECORD, _("name one of the tables: %(tables)s")
                                    % {"tables": ", ".join(TABLES)}, (sheet, number)))
            continue
        missing = [c for c in sorted(REQUIRED[kind]) if c not in names]
        if missing:
            if kind not in missing_reported:
                problems += [Problem(where(1), c, _("missing column"), (sheet, 1)) for c in missing]
                missing_reported.add(kind)
            continue
        problems += [Problem(where(number), c, _("this column is not used in %(table)s rows") % {"table": kind},
                             (sheet, number)) for c, v in data.items() if v and c not in TABLES[kind]]
        rows.append(Row(kind, where(number), (sheet, number), {c: data.get(c, "") for c in TABLES[kind]}))
    return rows, problems


class Checker:
    """Checks rows table by table (reviews, seats, phases, nominations) and builds the plan."""

    def __init__(self, today: date):
        self.today, self.problems, self.plan = today, [], imports.ImportPlan()
        self.parties = Party.objects.in_bulk()
        self.instruments = set(Instrument.objects.values_list("code", flat=True))
        self.adherences = set(Adherence.objects.values_list("party_id", "instrument_id"))
        self.under_review = set(CountryReview.objects.values_list("party_id", flat=True))
        self.groups = ReviewGroup.objects.in_bulk()
        self.reviews: dict[str, imports.ReviewRecord] = {}
        self.seen: dict[tuple, str] = {}
        self.reviewers: dict[str, set[str]] = {}
        self.phase_rows: dict[tuple[str, int], tuple[imports.PhaseRecord, Row]] = {}

    def add(self, row: Row, column: str, message: str) -> None:
        self.problems.append(Problem(row.where, column, message, row.position))

    def text(self, row: Row, column: str) -> str:
        value = row.values[column]
        if not value and column in REQUIRED[row.table]:
            self.add(row, column, _("a value is required"))
        return value

    def day(self, row: Row, column: str, *, past: bool = False) -> date | None:
        value = self.text(row, column)
        try:
            day = date.fromisoformat(value) if _DAY.match(value) else None
        except ValueError:
            day = None
        if value and day is None:
            self.add(row, column, _("“%(value)s” is not a date in YYYY-MM-DD form") % {"value": value})
        elif day and past and day > self.today:
            self.add(row, column, _("%(day)s is in the future") % {"day": day})
            return None
        return day

    def choice(self, row: Row, column: str, choices, *, upper: bool = False) -> str | None:
        value = self.text(row, column)
        value = value.upper() if upper else value.lower()
        if value and value not in choices:
            self.add(row, column, _("unknown value “%(value)s”; use one of: %(choices)s")
                     % {"value": row.values[column], "choices": ", ".join(choices)})
        return value if value in choices else None

    def party(self, row: Row, column: str) -> str | None:
        code = self.text(row, column).upper()
        if code and code not in self.parties:
            self.add(row, column, _("unknown ISO3 code “%(code)s”") % {"code": row.values[column]})
        return code if code in self.parties else None

    def review_of(self, row: Row) -> imports.ReviewRecord | None:
        """The review a row belongs to; a review row with its own problems is not reported again."""
        iso3 = self.party(row, "state_iso3")
        if iso3 and iso3 not in self.reviews and ("review", iso3) not in self.seen:
            self.add(row, "state_iso3", _("there is no review of %(state)s in the reviews table")
                     % {"state": self.name(iso3)})
        return self.reviews.get(iso3) if iso3 else None

    def name(self, iso3: str) -> str:
        return self.parties[iso3].name

    def once(self, row: Row, column: str, key: tuple, message: str) -> bool:
        """True the first time `key` is seen; else reports `message` with where it was first seen."""
        if key in self.seen:
            self.add(row, column, message % {"where": self.seen[key]})
            return False
        self.seen[key] = row.where
        return True

    def check_reviews(self, row: Row) -> None:
        iso3 = self.party(row, "state_iso3")
        group_text = self.text(row, "group")
        group = int(group_text) if group_text in {"1", "2", "3"} else None
        if group_text and group is None:
            self.add(row, "group", _("the group is 1, 2 or 3 (P&R 17)"))
        started_on = self.day(row, "started_on")
        if iso3 is None or not self.once(row, "state_iso3", ("review", iso3), _(
                "%(state)s already has a review in this file (%%(where)s)") % {"state": self.name(iso3)}):
            return
        if iso3 in self.under_review:
            self.add(row, "state_iso3", _("%(state)s is already under review in revmod") % {"state": self.name(iso3)})
        existing = self.groups.get(group)
        if existing and started_on and started_on < existing.started_on:
            self.add(row, "started_on", _("a review cannot start before its group (%(day)s)") % {"day": existing.started_on})
        if group and started_on:
            self.reviews[iso3] = imports.ReviewRecord(iso3, group, started_on)
            self.plan.reviews.append(self.reviews[iso3])

    def check_seats(self, row: Row) -> None:
        review, reviewer = self.review_of(row), self.party(row, "reviewer_iso3")
        instrument = self.choice(row, "instrument", sorted(self.instruments), upper=True)
        basis = self.choice(row, "basis", SeatBasis.values)
        since = self.day(row, "since")
        if not (review and reviewer and instrument and basis):
            return
        if reviewer == review.iso3:
            self.add(row, "reviewer_iso3", _("a State cannot review itself"))
        if (review.iso3, instrument) not in self.adherences:
            self.add(row, "instrument", _("%(state)s is not a party to %(instrument)s, so it is not reviewed on it")
                     % {"state": self.name(review.iso3), "instrument": instrument})
        if (reviewer, instrument) not in self.adherences:
            self.add(row, "reviewer_iso3", _("%(state)s is not a party to %(instrument)s and cannot review it (P&R 28(b))")
                     % {"state": self.name(reviewer), "instrument": instrument})
        self.check_region(row, review.iso3, reviewer, basis)
        if since and since < review.started_on:
            self.add(row, "since", _("%(day)s is before the review started (%(start)s)") % {"day": since, "start": review.started_on})
        if self.once(row, "instrument", ("seat", review.iso3, reviewer, instrument),
                     _("this seat is already in the file (%(where)s)")):
            self.reviewers.setdefault(review.iso3, set()).add(reviewer)
            self.plan.seats.append(imports.SeatRecord(review.iso3, reviewer, instrument, basis, since or review.started_on))

    def check_region(self, row: Row, reviewed: str, reviewer: str, basis: str) -> None:
        """One reviewing State from the same regional group, one from another (P&R 28)."""
        same = self.parties[reviewed].regional_group_id == self.parties[reviewer].regional_group_id
        values = {"reviewer": self.name(reviewer), "state": self.name(reviewed)}
        if basis == SeatBasis.SAME_REGION and not same:
            self.add(row, "basis", _("%(reviewer)s is not in the regional group of %(state)s") % values)
        elif basis == SeatBasis.OTHER_REGION and same:
            self.add(row, "basis", _("%(reviewer)s is in the same regional group as %(state)s") % values)

    def check_phases(self, row: Row) -> None:
        review = self.review_of(row)
        number_text = self.text(row, "phase")
        number = int(number_text) if number_text in {"1", "2", "3", "4"} else None
        if number_text and number is None:
            self.add(row, "phase", _("the phase is 1, 2, 3 or 4 (P&R 9)"))
        given = imports.PhaseRecord(
            "", 0, self.day(row, "opened_on"), self.day(row, "consulted_on", past=True),
            tuple(c for c in re.split(r"[\s,;]+", row.values["languages"].lower()) if c),
            row.values["exceptional_language_reason"],
            {k: d for k in SCHEDULED_STEPS if (d := self.day(row, f"{k}_due_on"))},
            {k: d for k in SCHEDULED_STEPS if (d := self.day(row, f"{k}_submitted_on", past=True))},
            self.day(row, "finalized_on", past=True))
        if review is None or number is None or not self.once(
                row, "phase", ("phase", review.iso3, number), _("this phase is already in the file (%(where)s)")):
            return
        group = self.groups.get(review.group)
        if group and number > group.current_phase:
            self.add(row, "phase", _("group %(group)s is in phase %(current)s in revmod") % {
                "group": group.number, "current": group.current_phase})
        record, problems = imports.checked_phase(
            replace(given, review=review.iso3, phase=number), started_on=review.started_on)
        for column, message in problems:
            self.add(row, column, message)
        self.phase_rows[(review.iso3, number)] = (record, row)
        self.plan.phases.append(record)

    def check_phase_order(self) -> None:
        """A review's later phase opens after its earlier one (P&R 10)."""
        for (iso3, number), (record, row) in sorted(self.phase_rows.items()):
            earlier = [r for (i, n), (r, _row) in self.phase_rows.items() if i == iso3 and n < number]
            previous = max(earlier, key=lambda r: r.phase, default=None)
            if previous and record.opened_on <= previous.opened_on:
                self.add(row, "opened_on", _("phase %(n)s must open after phase %(m)s (%(day)s)") % {
                    "n": number, "m": previous.phase, "day": previous.opened_on})

    def check_nominations(self, row: Row) -> None:
        review, party = self.review_of(row), self.party(row, "nominating_iso3")
        role, status = self.choice(row, "role", Role.values), self.choice(row, "status", (APPROVED, PENDING))
        email = self.email(row)
        approved_on = self.day(row, "approved_on", past=True)
        person = imports.PersonRecord(email or "", self.text(row, "first_name"), self.text(row, "last_name"), party or "",
                              row.values["title"], row.values["phone"], self.choice(row, "gender", Gender.values) or "",
                              self.choice(row, "institution_type", InstitutionType.values) or "",
                              row.values["institution"])
        note_verbale_on = self.day(row, "note_verbale_on", past=True)
        if approved_on and status == PENDING:
            self.add(row, "approved_on", _("a pending nomination has no approval date"))
        if not (review and party and role and status and email):
            return
        if party != review.iso3 and party not in self.reviewers.get(review.iso3, set()):
            self.add(row, "nominating_iso3", _("%(state)s is neither the State under review nor a reviewing State of this review")
                     % {"state": self.name(party)})
        self.person(row, person)
        self.unique_role(row, review.iso3, party, role, status, email)
        self.plan.nominations.append(imports.NominationRecord(
            review.iso3, party, role, email, (approved_on or self.today) if status == APPROVED else None,
            row.values["note_verbale_ref"], note_verbale_on))

    def email(self, row: Row) -> str | None:
        value = self.text(row, "email").lower()
        try:
            validate_email(value)
        except ValidationError:
            if value:
                self.add(row, "email", _("“%(value)s” is not an e-mail address") % {"value": row.values["email"]})
            return None
        return value

    def person(self, row: Row, person: imports.PersonRecord) -> None:
        """One person, one State (the one they serve) and one name, however many roles they hold."""
        known = self.plan.people.setdefault(person.email, person)
        if known is person:
            self.seen[("person", person.email)] = row.where
            return
        where = self.seen[("person", person.email)]
        for column in ("first_name", "last_name"):
            if getattr(known, column) != getattr(person, column):
                self.add(row, column, _("the same e-mail has another %(column)s on %(where)s") % {"column": column, "where": where})
        if known.party != person.party:
            self.add(row, "nominating_iso3", _("the same person serves %(state)s on %(where)s; a person serves one State")
                     % {"state": self.name(known.party), "where": where})

    def unique_role(self, row: Row, review: str, party: str, role: str, status: str, email: str) -> None:
        """No role twice for one person, and one approved focal point per State and review (P&R 18)."""
        self.once(row, "role", ("role", review, party, role, email),
                  _("this person already has this role for this State in this review (%(where)s)"))
        if role == Role.FOCAL_POINT and status == APPROVED:
            self.once(row, "role", ("focal point", review, party),
                      _("%(state)s already has an approved focal point in this review (%%(where)s); one at a time (P&R 18)")
                      % {"state": self.name(party)})
