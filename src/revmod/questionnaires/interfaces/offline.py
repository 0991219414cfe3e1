"""What the XLSX and DOCX files share: their rows, their signed hidden data, and the file checks.

A file carries, hidden, the response, the questionnaire and its version, and for each question
its id, the answer's revision and a fingerprint of the answer at export time. An HMAC over all
of it (keyed with the site's secret) lets the import refuse a file of another questionnaire,
another version, or one whose hidden data were changed, before reading any answer.
"""

import hashlib
import hmac
import io
import json
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from revmod.core.errors import Refused
from revmod.questionnaires.answers import FIELDS, value_hash
from revmod.questionnaires.domain.queries import answers_of, questions_of
from revmod.questionnaires.models import Question, Response

FORMAT = 1
MAX_UNPACKED = 100 * 1024 * 1024  # an XLSX or DOCX that unpacks to more is refused (zip bomb)
# Each field of an answer has one place in a file: one column of the sheet, one row of a table.
SLOT_OF = {"choice": "choice", "mechanism": "choice", "explanation": "text", "text": "text",
           "reference": "text", "citation": "citation", "provision": "provision", "link": "link"}
SLOTS = ("choice", "text", "citation", "provision", "link")


@dataclass
class ExportRow:
    question: Question
    value: dict | None
    revision: int

    @property
    def fingerprint(self) -> str:
        return "h" + value_hash(self.value)


@dataclass
class Parsed:
    """What a file says: its hidden data, and per question id the fields as written."""

    meta: dict
    rows: dict[int, dict] = field(default_factory=dict)  # {id: {"raw": {...}, "revision": n, "hash": "h..."}}


def django_language(language: str) -> str:
    """The Django language code of a UN language ("zh" -> "zh-hans")."""
    return "zh-hans" if language == "zh" else language


def export_rows(response: Response) -> list[ExportRow]:
    """Every question the State answers (follow-ups too: offline, the file says when they apply)."""
    answers = answers_of(response)
    return [ExportRow(q, answers[q.pk].value if q.pk in answers else None,
                      answers[q.pk].revision if q.pk in answers else 0) for q in questions_of(response)]


def meta_of(response: Response) -> dict:
    return {"format": FORMAT, "response": response.pk, "definition": response.definition_id,
            "version": response.definition.version, "instrument": response.instrument_id}


def signature(meta: dict, rows: list[tuple[int, int, str]]) -> str:
    """HMAC of the hidden data; any change to them, or a row added or removed, breaks it."""
    payload = json.dumps([{k: meta[k] for k in ("format", "response", "definition", "version", "instrument")},
                          sorted(rows)], separators=(",", ":"))
    return hmac.new(settings.SECRET_KEY.encode(), payload.encode(), hashlib.sha256).hexdigest()[:32]


def verify(parsed: Parsed) -> Parsed:
    rows = [(qid, row["revision"], row["hash"]) for qid, row in parsed.rows.items()]
    if not hmac.compare_digest(str(parsed.meta.get("signature", "")), signature(parsed.meta, rows)):
        raise Refused(_("This file is not an export of a revmod questionnaire, or its hidden data or rows were changed. "
                        "Export the questionnaire again and copy your answers into the new file."))
    return parsed


def raw_fields(kind: str, slots: dict[str, str]) -> dict[str, str]:
    """The answer's fields from the places of a file (the sheet's columns, a table's rows)."""
    return {f.name: slots.get(SLOT_OF[f.name], "") for f in FIELDS[kind]}


def cell_text(value) -> str:
    """A cell as text: numbers and dates typed in a spreadsheet become what was typed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if getattr(value, "hour", 0) == 0 else value.isoformat()
    return str(value).strip()


def open_package(data: bytes, *, expected: str) -> zipfile.ZipFile:
    """The file as a zip package of the expected kind, after the size checks; refused otherwise."""
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise Refused(_("The file is larger than %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)})
    if not data:
        raise Refused(_("The file is empty."))
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
        unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Refused(_("The file could not be read: it is damaged, or it is not an XLSX or DOCX file.")) from error
    if unpacked > MAX_UNPACKED:
        raise Refused(_("The file is too large once unpacked."))
    if expected not in names:
        raise Refused(_("The file could not be read: it is damaged, or it is not an XLSX or DOCX file."))
    return package


def kind_of(data: bytes) -> str | None:
    """"xlsx" or "docx" from the file's content, never from its name."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    return None
