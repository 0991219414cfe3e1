"""Writes the example files of `revmod import-reviews`: import-reviews.xlsx and import-reviews.csv."""

# Three reviews at different steps: Ghana (group 1) finished phase 1 and waits for the initial
# consultation of phase 2; Mexico (group 2) is in the constructive dialogue of phase 1; Thailand
# (group 3) is answering the self-assessment questionnaire. Regenerate with
#
#     .venv/bin/python docs/examples/make_import_example.py [FOLDER]

import csv
import os
import sys
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

REVIEWS = [
    {"state_iso3": "GHA", "group": 1, "started_on": "2020-12-01"},
    {"state_iso3": "MEX", "group": 2, "started_on": "2021-11-01"},
    {"state_iso3": "THA", "group": 3, "started_on": "2022-11-01"},
]


def _seats(state, reviewer, basis, instruments):
    return [{"state_iso3": state, "reviewer_iso3": reviewer, "instrument": i, "basis": basis} for i in instruments]


ALL = ("UNTOC", "TIP", "SOM", "FIR")
SEATS = [
    *_seats("GHA", "KEN", "same_region", ALL),
    *_seats("GHA", "NOR", "other_region", ALL),
    *_seats("MEX", "PER", "same_region", ALL),
    *_seats("MEX", "CAN", "other_region", ("UNTOC", "TIP", "SOM")),
    *_seats("MEX", "FRA", "additional", ("FIR",)),  # Canada is not a party to the Firearms Protocol
    *_seats("THA", "PHL", "same_region", ("UNTOC", "TIP")),
    *_seats("THA", "CAN", "other_region", ("UNTOC", "TIP")),
]

PHASES = [
    {"state_iso3": "GHA", "phase": 1, "opened_on": "2020-12-01", "consulted_on": "2021-01-20", "languages": "en",
     "saq_due_on": "2021-07-20", "saq_submitted_on": "2021-07-15",
     "feedback_due_on": "2022-01-20", "feedback_submitted_on": "2022-02-10",
     "dialogue_due_on": "2022-03-20", "dialogue_submitted_on": "2022-04-01",
     "observations_due_on": "2022-07-20", "observations_submitted_on": "2022-08-30",
     "summary_due_on": "2022-09-20", "summary_submitted_on": "2022-10-05", "finalized_on": "2022-10-05"},
    {"state_iso3": "GHA", "phase": 2, "opened_on": "2023-06-01"},
    {"state_iso3": "MEX", "phase": 1, "consulted_on": "2022-01-10", "languages": "es en",
     "saq_due_on": "2022-07-10", "saq_submitted_on": "2022-08-01",
     "feedback_due_on": "2023-01-10", "feedback_submitted_on": "2023-02-15",
     "dialogue_due_on": "2023-03-10"},
    {"state_iso3": "THA", "phase": 1, "consulted_on": "2023-02-01", "languages": "en",
     "saq_due_on": "2023-09-30"},
]


def _person(state, nominating, role, status, first, last, email, gender, institution_type, institution, **more):
    return {"state_iso3": state, "nominating_iso3": nominating, "role": role, "status": status,
            "first_name": first, "last_name": last, "email": email, "gender": gender,
            "institution_type": institution_type, "institution": institution, **more}


NOMINATIONS = [
    _person("GHA", "GHA", "focal_point", "approved", "Ama", "Mensah", "ama.mensah@justice.gh.example", "female",
            "justice", "Ministry of Justice and Attorney-General's Department", title="Director, Legislative Drafting",
            approved_on="2020-12-10", note_verbale_ref="NV/GHA/2020/114", note_verbale_on="2020-12-07"),
    _person("GHA", "GHA", "expert", "approved", "Kofi", "Boateng", "kofi.boateng@police.gh.example", "male",
            "police", "Ghana Police Service", approved_on="2020-12-21"),
    _person("GHA", "KEN", "focal_point", "approved", "Wanjiru", "Kamau", "w.kamau@mfa.ke.example", "female",
            "foreign_affairs", "Ministry of Foreign and Diaspora Affairs", approved_on="2020-12-14"),
    _person("GHA", "NOR", "focal_point", "approved", "Ingrid", "Larsen", "ingrid.larsen@jd.no.example", "female",
            "justice", "Ministry of Justice and Public Security", approved_on="2020-12-11"),
    _person("MEX", "MEX", "focal_point", "approved", "Lucía", "Hernández", "lucia.hernandez@sre.mx.example",
            "female", "foreign_affairs", "Secretaría de Relaciones Exteriores", approved_on="2021-11-12"),
    _person("MEX", "PER", "focal_point", "pending", "Jorge", "Quispe", "jquispe@mpfn.pe.example", "male",
            "prosecution", "Ministerio Público", note_verbale_ref="7-5-M/123"),
    _person("MEX", "CAN", "focal_point", "approved", "Claire", "Tremblay", "claire.tremblay@justice.ca.example",
            "female", "justice", "Department of Justice", phone="+1 613 555 0100", approved_on="2021-11-20"),
    _person("MEX", "FRA", "expert", "approved", "Julien", "Moreau", "julien.moreau@interieur.fr.example", "male",
            "interior", "Ministère de l'Intérieur", approved_on="2021-12-02"),
    _person("THA", "THA", "focal_point", "approved", "Somchai", "Srisuk", "somchai.s@oag.th.example", "male",
            "prosecution", "Office of the Attorney General", approved_on="2022-11-15"),
    _person("THA", "PHL", "observer", "pending", "Maria", "Santos", "maria.santos@pmvienna.ph.example", "female",
            "mission", "Permanent Mission of the Philippines in Vienna"),
    _person("THA", "CAN", "focal_point", "approved", "Claire", "Tremblay", "claire.tremblay@justice.ca.example",
            "female", "justice", "Department of Justice", phone="+1 613 555 0100", approved_on="2022-11-18"),
]

DATA = {"reviews": REVIEWS, "seats": SEATS, "phases": PHASES, "nominations": NOMINATIONS}
ABOUT = [
    "Import of a running mechanism into revmod: revmod import-reviews FILE",
    "One sheet per table: reviews, seats, phases, nominations (this sheet is not read).",
    "Dates as YYYY-MM-DD (or date cells); codes as ISO3 (GHA), instruments UNTOC, TIP, SOM, FIR.",
    "Every column is described in docs/import-reviews.md.",
]


def _tables():
    """The importer's own column lists, so that the example never drifts from them."""
    sys.path.insert(0, str(HERE.parent.parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "revmod.settings")
    import django

    django.setup()
    from revmod.reviews.interfaces.importer import ALL_COLUMNS, TABLES

    return TABLES, ALL_COLUMNS


def _excel_value(column, value):
    if value is not None and column.endswith("_on"):
        return date.fromisoformat(value)
    return value


def write_xlsx(path: Path, tables) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    about = book.active
    about.title = "about"
    for line in ABOUT:
        about.append([line])
    for name, columns in tables.items():
        sheet = book.create_sheet(name)
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in DATA[name]:
            sheet.append([_excel_value(c, row.get(c)) for c in columns])
        for cells in sheet.iter_cols(min_row=2):
            for cell in cells:
                if isinstance(cell.value, (date, datetime)):
                    cell.number_format = "yyyy-mm-dd"
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(12, len(column) + 2)
        sheet.freeze_panes = "A2"
    book.properties.created = book.properties.modified = datetime(2026, 1, 1)
    book.save(path)


def write_csv(path: Path, tables, all_columns) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(all_columns)
        for name in tables:
            for row in DATA[name]:
                writer.writerow([name if c == "record" else row.get(c, "") for c in all_columns])


def main(folder: Path = HERE) -> None:
    tables, all_columns = _tables()
    folder.mkdir(parents=True, exist_ok=True)
    write_xlsx(folder / "import-reviews.xlsx", tables)
    write_csv(folder / "import-reviews.csv", tables, all_columns)
    print(f"Wrote {folder / 'import-reviews.xlsx'} and {folder / 'import-reviews.csv'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
