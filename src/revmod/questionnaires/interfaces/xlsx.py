"""The questionnaire as an XLSX workbook to fill in offline, and reading it back (openpyxl).

One row per question; hidden columns A-C hold the question id, the answer's revision and its
fingerprint at export; a hidden sheet holds the signed data and the lists of possible answers.
"""

import io
import warnings

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from revmod.core.errors import Refused
from revmod.core.i18n import localized, short_language
from revmod.questionnaires.answers import FIELDS, OPTION_LABELS
from revmod.questionnaires.interfaces.offline import (
    SLOT_OF, SLOTS, ExportRow, Parsed, cell_text, django_language, export_rows, meta_of, open_package, raw_fields, signature, verify,
)
from revmod.questionnaires.models import Response

SHEET, META = "Answers", "revmod"
FIRST_SLOT_COLUMN = 6  # F: the choice; G text; H law; I provision; J link
GREY = PatternFill("solid", fgColor="DDDDDD")
META_KEYS = ("format", "response", "definition", "version", "instrument", "signature")


def _headers() -> list[str]:
    return ["id", "revision", "fingerprint", _("No."), _("Question"), _("Answer (choose)"),
            _("Answer, explanation or reference"), _("Law and provision"), _("Text of the provision"), _("Link")]


def _note(row: ExportRow, language: str) -> str:
    question = row.question
    note = f"{question.label} — {localized(question.texts, language)}\n[{question.get_kind_display()}]"
    if question.parent_id:
        labels = " / ".join(localized(OPTION_LABELS[c], language) for c in question.shown_when)
        note += "\n" + _("Answer only if the answer to %(label)s is: %(answers)s") % {
            "label": question.parent.label, "answers": labels}
    return note


def _write_meta(book: Workbook, meta: dict, language: str) -> dict[str, str]:
    sheet = book.create_sheet(META)
    sheet.sheet_state = "hidden"
    for i, key in enumerate(META_KEYS, start=1):
        sheet.cell(i, 1, key)
        sheet.cell(i, 2, meta[key])
    ranges = {}
    for column, options in enumerate((("yes", "partly", "no"), ("yes", "no"), ("uncac", "other", "none")), start=4):
        for i, code in enumerate(options, start=1):
            sheet.cell(i, column, localized(OPTION_LABELS[code], language))
        letter = chr(ord("A") + column - 1)
        ranges[",".join(options)] = f"{META}!${letter}$1:${letter}${len(options)}"
    return ranges


def _write_row(sheet, r: int, row: ExportRow, language: str, validations: dict) -> None:
    fields = {SLOT_OF[f.name]: f for f in FIELDS[row.question.kind]}
    sheet.cell(r, 1, row.question.pk)
    sheet.cell(r, 2, row.revision)
    sheet.cell(r, 3, row.fingerprint)
    sheet.cell(r, 4, row.question.label)
    sheet.cell(r, 5, _note(row, language)).alignment = Alignment(wrap_text=True, vertical="top")
    for offset, slot in enumerate(SLOTS):
        cell = sheet.cell(r, FIRST_SLOT_COLUMN + offset)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        field = fields.get(slot)
        if field is None:
            cell.fill = GREY
            continue
        text = (row.value or {}).get(field.name, "")
        cell.value = field.option_label(text, language) if field.options and text else (text or None)
        if field.options:
            validations[",".join(field.options)].add(cell.coordinate)


def export_xlsx(response: Response, *, language: str | None = None) -> bytes:
    """The workbook for `response`, blank or partly answered, in the person's language."""
    language = short_language(language)
    with translation.override(django_language(language)):
        return _workbook(response, language)


def _workbook(response: Response, language: str) -> bytes:
    rows = export_rows(response)
    meta = meta_of(response)
    meta["signature"] = signature(meta, [(r.question.pk, r.revision, r.fingerprint) for r in rows])
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    ranges = _write_meta(book, meta, language)
    validations = {key: DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=True)
                   for key, ref in ranges.items()}
    for validation in validations.values():
        sheet.add_data_validation(validation)
    sheet.append(_headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        _write_row(sheet, r, row, language, validations)
    for letter in "ABC":
        sheet.column_dimensions[letter].hidden = True
    for letter, width in zip("DEFGHIJ", (7, 60, 16, 50, 30, 40, 25), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "F2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read_meta(book) -> dict:
    if META not in book.sheetnames or SHEET not in book.sheetnames:
        raise Refused(_("This workbook is not an export of a revmod questionnaire."))
    meta = {}
    for key, value in book[META].iter_rows(min_col=1, max_col=2, values_only=True):
        if key in META_KEYS:
            meta[key] = value
    return meta


def read_xlsx(data: bytes, *, kinds: dict[int, str]) -> Parsed:
    """The file's signed data and answers; `kinds` gives each question's kind (from the response)."""
    open_package(data, expected="xl/workbook.xml")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation extensions it skips
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        meta = _read_meta(book)
        parsed = Parsed(meta=meta)
        for values in book[SHEET].iter_rows(min_row=2, max_col=FIRST_SLOT_COLUMN + len(SLOTS) - 1, values_only=True):
            if not values or not isinstance(values[0], int | float):
                continue
            qid = int(values[0])
            slots = {slot: cell_text(values[FIRST_SLOT_COLUMN - 1 + i]) for i, slot in enumerate(SLOTS)}
            parsed.rows[qid] = {"raw": raw_fields(kinds[qid], slots) if qid in kinds else {},
                                "revision": int(values[1] or 0), "hash": cell_text(values[2])}
        book.close()
    except Refused:
        raise
    except Exception as error:  # openpyxl raises many kinds of error on a damaged workbook
        raise Refused(_("The file could not be read: it is damaged, or it is not an XLSX or DOCX file.")) from error
    return verify(parsed)
