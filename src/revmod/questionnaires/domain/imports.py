"""Offline answers coming back: checking a file belongs here, previewing each change, applying them.

An answer changed on the platform after the export, and changed in the file too, is a
conflict: it is applied only when the person chose to overwrite it, having seen that very
revision. Everything is applied in one transaction, or nothing is.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.questionnaires import policy
from revmod.questionnaires.answers import WrongAnswer, clean_value, value_hash
from revmod.questionnaires.domain.queries import answers_of, questions_of
from revmod.questionnaires.domain.responses import keep_version, save_answer
from revmod.questionnaires.enums import VersionKind
from revmod.questionnaires.models import PendingImport, Question, Response, ResponseVersion

UNCHANGED, CHANGE, CONFLICT, INVALID = "unchanged", "change", "conflict", "invalid"


@dataclass
class ImportRow:
    question: Question
    status: str
    old: dict | None
    new: dict | None
    revision: int  # the platform's revision now
    problem: str = ""


def _belongs(response: Response, meta: dict) -> None:
    """A file of another questionnaire, another version or another State is refused."""
    definition = response.definition
    if meta.get("instrument") != response.instrument_id:
        raise Refused(_("This file is the %(other)s questionnaire, not the %(this)s questionnaire.") % {
            "other": meta.get("instrument"), "this": response.instrument_id})
    if meta.get("definition") != definition.pk or meta.get("version") != definition.version:
        raise Refused(_("This file was exported from version %(other)s of the questionnaire; these answers use version %(this)s. Export the questionnaire again.") % {
            "other": meta.get("version"), "this": definition.version})
    if meta.get("response") != response.pk:
        raise Refused(_("This file holds the answers of another review or another phase."))


@transaction.atomic
def receive_file(response: Response, *, meta: dict, rows: dict[int, dict], file_name: str, actor) -> PendingImport:
    """Keep a checked file's answers until the person has seen what would change."""
    if not policy.can_edit_answers(actor, response):
        raise Refused(_("You cannot change these answers now."))
    _belongs(response, meta)
    known = {q.pk for q in questions_of(response)}
    if set(rows) - known:
        raise Refused(_("This file has questions that are not in this questionnaire. Export the questionnaire again."))
    PendingImport.objects.filter(response=response, created_by=actor).delete()
    return PendingImport.objects.create(response=response, created_by=actor, created_at=timezone.now(),
                                        file_name=file_name[:200], rows={str(k): v for k, v in rows.items()})


def _row(question: Question, data: dict, current) -> ImportRow:
    old = current.value if current else None
    revision = current.revision if current else 0
    try:
        new = clean_value(question.kind, data["raw"])
    except WrongAnswer as error:
        return ImportRow(question, INVALID, old, None, revision, str(error))
    if "h" + value_hash(new) == data["hash"] or new == old:
        return ImportRow(question, UNCHANGED, old, new, revision)  # not changed offline, or already the same
    return ImportRow(question, CHANGE if revision == data["revision"] else CONFLICT, old, new, revision)


def preview(pending: PendingImport) -> list[ImportRow]:
    """Per question, what the file would do: nothing, a change, a conflict, or an invalid answer."""
    response = pending.response
    answers = answers_of(response)
    return [_row(q, pending.rows[str(q.pk)], answers.get(q.pk)) for q in questions_of(response) if str(q.pk) in pending.rows]


@transaction.atomic
def apply_import(pending: PendingImport, *, overwrite: dict[int, int], actor) -> ResponseVersion:
    """Apply the file's changes; conflicts only where `overwrite` names the revision the person saw.

    Side effects, in order: each answer (compare-and-swap, as in autosave), a version of kind
    "import", the pending file removed, an audit entry. Any refusal leaves everything as it was.
    """
    response = pending.response
    if not policy.can_edit_answers(actor, response) or pending.created_by_id != actor.pk:
        raise Refused(_("You cannot change these answers now."))
    rows = preview(pending)
    invalid = [f"{r.question.label}: {r.problem}" for r in rows if r.status == INVALID]
    if invalid:
        raise Refused(_("Nothing was imported: some answers do not fit their question. %(list)s") % {"list": " ".join(invalid)})
    applied, kept = 0, 0
    for row in rows:
        if row.status == CONFLICT and row.question.pk not in overwrite:
            kept += 1
            continue
        if row.status == CONFLICT and overwrite[row.question.pk] != row.revision:
            raise Refused(_("Question %(label)s was changed again since you reviewed the import: review it again.") % {
                "label": row.question.label})
        if row.status in (CHANGE, CONFLICT):
            save_answer(response, question=row.question, value=row.new or {}, base_revision=row.revision, actor=actor)
            applied += 1
    version = keep_version(response, kind=VersionKind.IMPORT, actor=actor)
    record("questionnaires.import.applied", actor=actor, target=response, review=response.step.phase.review,
           data={"file": pending.file_name, "applied": applied, "kept_on_platform": kept, "version": version.number})
    pending.delete()
    return version
