"""Offline answering: XLSX and DOCX out and back in, bad files refused, conflicts shown before anything changes."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument
from openpyxl import load_workbook

from revmod.core.errors import Refused
from revmod.core.i18n import UN_LANGUAGES
from revmod.questionnaires.domain import definitions
from revmod.questionnaires.domain.imports import CHANGE, CONFLICT, INVALID, apply_import, preview, receive_file
from revmod.questionnaires.domain.queries import current_definition, questions_of
from revmod.questionnaires.domain.responses import open_response, save_answer
from revmod.questionnaires.interfaces.docx import FIELD_TAG, QUESTION_TAG, export_docx, read_docx
from revmod.questionnaires.interfaces.xlsx import export_xlsx, read_xlsx
from revmod.questionnaires.models import Answer, PendingImport
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.questionnaires.helpers import answer_all
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def kinds(response):
    return {q.pk: q.kind for q in questions_of(response)}


def fill_xlsx(data: bytes, answers: dict[int, dict[str, str]]) -> bytes:
    """Type answers into the workbook as a person would: by row, in the visible columns."""
    book = load_workbook(io.BytesIO(data))
    sheet = book["Answers"]
    columns = {"choice": 6, "text": 7, "explanation": 7, "citation": 8, "provision": 9, "link": 10}
    for row in sheet.iter_rows(min_row=2):
        for name, text in answers.get(row[0].value, {}).items():
            sheet.cell(row[0].row, columns[name], text)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def fill_docx(data: bytes, answers: dict[int, dict[str, str]]) -> bytes:
    document = WordDocument(io.BytesIO(data))
    for table in document.tables:
        qid = int(QUESTION_TAG.search(table.cell(0, 0).text).group(1))
        for row in table.rows[1:]:
            name = FIELD_TAG.search(row.cells[0].text).group(1)
            if name in answers.get(qid, {}):
                row.cells[1].text = answers[qid][name]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(client, response, data, name="answers.xlsx"):
    return client.post(f"/questionnaires/{response.pk}/import/", {"file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize(("export", "fill", "read"), [(export_xlsx, fill_xlsx, read_xlsx), (export_docx, fill_docx, read_docx)])
def test_a_blank_questionnaire_goes_out_and_comes_back_answered(cast, untoc, export, fill, read):
    questions = questions_of(untoc)
    yes_no = next(q for q in questions if q.kind == "yes_no_partly")
    narrative = questions[0]
    data = fill(export(untoc, language="fr"), {
        yes_no.pk: {"choice": "oui, en partie", "explanation": "Ligne 1\nLigne 2"},
        narrative.pk: {"text": "Code pénal, art. 1."}})
    parsed = read(data, kinds=kinds(untoc))
    pending = receive_file(untoc, meta=parsed.meta, rows=parsed.rows, file_name="f", actor=cast["expert.reviewed"])
    assert {r.question for r in preview(pending) if r.status == CHANGE} == {yes_no, narrative}
    version = apply_import(pending, overwrite={}, actor=cast["expert.reviewed"])
    assert Answer.objects.get(question=yes_no).value == {"choice": "partly", "explanation": "Ligne 1\nLigne 2"}
    assert version.kind == "import" and version.answers[str(narrative.pk)] == {"text": "Code pénal, art. 1."}


@pytest.mark.parametrize(("export", "read"), [(export_xlsx, read_xlsx), (export_docx, read_docx)])
def test_a_fully_answered_questionnaire_comes_back_without_a_change(cast, untoc, export, read):
    answer_all(untoc, cast["expert.reviewed"], choice="partly")
    parsed = read(export(untoc, language="ar"), kinds=kinds(untoc))
    pending = receive_file(untoc, meta=parsed.meta, rows=parsed.rows, file_name="f", actor=cast["expert.reviewed"])
    rows = preview(pending)
    assert len(rows) == len(questions_of(untoc)) and {r.status for r in rows} == {"unchanged"}


def test_the_preview_shows_a_conflict_and_overwrites_only_when_asked(cast, untoc, login):
    question = questions_of(untoc)[0]
    save_answer(untoc, question=question, value={"text": "Before the download."}, base_revision=0, actor=cast["expert.reviewed"])
    data = fill_xlsx(export_xlsx(untoc), {question.pk: {"text": "Written offline."}})
    save_answer(untoc, question=question, value={"text": "Changed on the platform."}, base_revision=1, actor=cast["fp.reviewed"])
    client = login(cast["expert.reviewed"])
    page = client.get(upload(client, untoc, data)["Location"])
    html = page.content.decode()
    assert "Conflict: changed on the platform" in html and "Changed on the platform." in html and "Written offline." in html
    client.post(page.request["PATH_INFO"], {})
    assert Answer.objects.get(question=question).value == {"text": "Changed on the platform."}
    pending = receive_file(untoc, meta=read_xlsx(data, kinds=kinds(untoc)).meta,
                           rows=read_xlsx(data, kinds=kinds(untoc)).rows, file_name="f", actor=cast["expert.reviewed"])
    assert [r.status for r in preview(pending)] == [CONFLICT] + ["unchanged"] * (len(questions_of(untoc)) - 1)
    save_answer(untoc, question=question, value={"text": "Changed again."}, base_revision=2, actor=cast["fp.reviewed"])
    with pytest.raises(Refused, match="changed again since you reviewed"):
        apply_import(pending, overwrite={question.pk: 2}, actor=cast["expert.reviewed"])
    apply_import(pending, overwrite={question.pk: 3}, actor=cast["expert.reviewed"])
    assert Answer.objects.get(question=question).value == {"text": "Written offline."}


def test_an_answer_of_the_wrong_kind_changes_nothing(cast, untoc, login):
    questions = questions_of(untoc)
    yes_no = next(q for q in questions if q.kind == "yes_no_partly")
    data = fill_docx(export_docx(untoc), {yes_no.pk: {"choice": "perhaps"}, questions[0].pk: {"text": "Fine."}})
    client = login(cast["expert.reviewed"])
    location = upload(client, untoc, data, "a.docx")["Location"]
    html = client.get(location).content.decode()
    assert "Does not fit the question" in html and "“perhaps” is not one of the possible answers" in html
    client.post(location, {})
    assert not Answer.objects.filter(response=untoc).exists()
    parsed = read_docx(data, kinds=kinds(untoc))
    pending = receive_file(untoc, meta=parsed.meta, rows=parsed.rows, file_name="f", actor=cast["expert.reviewed"])
    assert INVALID in {r.status for r in preview(pending)}
    with pytest.raises(Refused, match="Nothing was imported"):
        apply_import(pending, overwrite={}, actor=cast["expert.reviewed"])


def _refused_upload(client, response, data, name, message):
    reply = upload(client, response, data, name)
    page = client.get(reply["Location"]).content.decode()
    assert reply["Location"] == f"/questionnaires/{response.pk}/" and message in page, page[:200]
    assert not PendingImport.objects.exists() and not Answer.objects.filter(response=response).exists()


def test_a_file_of_another_questionnaire_or_version_is_refused(cast, untoc, saq, unrelated_review, login):
    tip = open_response(saq, instrument_id="TIP", actor=cast["expert.reviewed"])
    client = login(cast["expert.reviewed"])
    _refused_upload(client, untoc, export_xlsx(tip), "tip.xlsx", "This file is the TIP questionnaire")
    draft = definitions.new_version(current_definition("UNTOC", 1), actor=cast["secretariat"])
    definitions.publish(draft, actor=cast["secretariat"])
    other_saq = step_of(consult(unrelated_review, cast["secretariat"]), StepKind.SAQ)
    newer = open_response(other_saq, instrument_id="UNTOC", actor=cast["fp.unrelated"])
    _refused_upload(client, untoc, export_docx(newer), "v2.docx", "exported from version 2 of the questionnaire")


def test_a_damaged_or_changed_file_is_refused(cast, untoc, login):
    client = login(cast["expert.reviewed"])
    good = export_xlsx(untoc)
    _refused_upload(client, untoc, b"not a spreadsheet at all", "x.xlsx", "could not be read")
    _refused_upload(client, untoc, good[: len(good) // 2], "half.xlsx", "could not be read")
    book = load_workbook(io.BytesIO(good))
    book["Answers"].cell(2, 2, 99)  # a hidden revision changed
    out = io.BytesIO()
    book.save(out)
    _refused_upload(client, untoc, out.getvalue(), "t.xlsx", "hidden data or rows were changed")


def test_a_file_over_the_size_limit_is_refused(cast, untoc, login, settings):
    data = export_docx(untoc)
    settings.UPLOAD_MAX_BYTES = len(data) - 1
    _refused_upload(login(cast["expert.reviewed"]), untoc, data, "big.docx", "larger than")


def test_the_files_are_downloaded_by_the_national_team_only(cast, untoc, login, client):
    reply = login(cast["observer.reviewed"]).get(f"/questionnaires/{untoc.pk}/export.xlsx")
    assert reply.status_code == 200 and reply["Content-Disposition"].startswith('attachment; filename="gha-untoc-cluster-1-v1.xlsx"')
    client.logout()
    assert login(cast["expert.reviewer1"]).get(f"/questionnaires/{untoc.pk}/export.docx").status_code == 404


def test_the_questionnaire_texts_go_out_in_the_persons_language(cast, untoc):
    question = questions_of(untoc)[0]
    sheet = load_workbook(io.BytesIO(export_xlsx(untoc, language="ru")))["Answers"]
    assert question.texts["ru"] in sheet.cell(2, 5).value
    assert all(question.texts[lang] for lang in UN_LANGUAGES)
