"""Answering in the browser: autosave without lost answers, who may do what, submission, versions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from revmod.audit.models import AuditEntry
from revmod.notifications.models import Notification
from revmod.core.errors import Refused
from revmod.questionnaires.domain import notes
from revmod.questionnaires.domain.queries import compare, questions_of, response_progress
from revmod.questionnaires.domain.responses import (
    AnswerConflict, reopen_response, save_answer, save_point, submit_response,
)
from revmod.questionnaires.models import Answer, AnswerFile, ResponseVersion
from revmod.reviews.domain.steps import clear_output, step_of
from revmod.reviews.enums import StepKind, StepStatus
from tests.questionnaires.helpers import answer_all, sample_value, submit_all

pytestmark = pytest.mark.integration
JSON = {"HTTP_ACCEPT": "application/json"}


def first_question(response):
    return questions_of(response)[0]


def post_answer(client, response, question, value, revision):
    return client.post(f"/questionnaires/{response.pk}/questions/{question.pk}/", {**value, "base_revision": revision}, **JSON)


def test_autosave_conflict_never_loses_the_newer_answer(cast, untoc, login):
    question = first_question(untoc)
    save_answer(untoc, question=question, value={"text": "The expert's answer."}, base_revision=0, actor=cast["expert.reviewed"])
    with pytest.raises(AnswerConflict) as raised:
        save_answer(untoc, question=question, value={"text": "Stale."}, base_revision=0, actor=cast["fp.reviewed"])
    assert raised.value.answer.value == {"text": "The expert's answer."}
    reply = post_answer(login(cast["fp.reviewed"]), untoc, question, {"text": "Also stale."}, 0)
    assert reply.status_code == 409
    body = reply.json()
    assert body["revision"] == 1 and body["value"] == {"text": "The expert's answer."} and "newer answer" in body["error"]
    assert Answer.objects.get(response=untoc, question=question).value == {"text": "The expert's answer."}
    kept = post_answer(login(cast["fp.reviewed"]), untoc, question, {"text": "Mine after all."}, body["revision"])
    assert kept.json()["revision"] == 2


def test_autosave_answers_with_the_new_revision_and_the_progress(cast, untoc, login):
    question = first_question(untoc)
    reply = post_answer(login(cast["expert.reviewed"]), untoc, question, {"text": "Defined in the Penal Code."}, 0)
    progress = response_progress(untoc)
    assert reply.json() == {"revision": 1, "answered": 1, "total": progress.total}
    assert progress.total == 27  # UNTOC cluster 1 for a UNCAC party: articles 8 and 9 left out, follow-ups hidden


def test_the_plain_form_saves_without_javascript_and_shows_a_conflict(cast, untoc, login):
    question = first_question(untoc)
    client = login(cast["expert.reviewed"])
    reply = client.post(f"/questionnaires/{untoc.pk}/questions/{question.pk}/", {"text": "Plain form.", "base_revision": 0})
    assert reply.status_code == 302 and reply["Location"].endswith(f"#q{question.pk}")
    page = client.post(f"/questionnaires/{untoc.pk}/questions/{question.pk}/", {"text": "Late text.", "base_revision": 0})
    html = page.content.decode()
    assert page.status_code == 409 and "saved a newer answer" in html and "Late text." in html and "Plain form." in html
    assert Answer.objects.get(response=untoc, question=question).value == {"text": "Plain form."}


def test_a_wrong_kind_of_answer_is_refused_with_a_message(cast, untoc, login):
    question = next(q for q in questions_of(untoc) if q.kind == "yes_no_partly")
    reply = post_answer(login(cast["expert.reviewed"]), untoc, question, {"choice": "maybe"}, 0)
    assert reply.status_code == 400 and "not one of the possible answers" in reply.json()["error"]
    assert not Answer.objects.filter(response=untoc).exists()


def test_observers_reviewers_and_the_secretariat_cannot_edit(cast, untoc, login, client):
    question = first_question(untoc)
    for key in ("observer.reviewed", "expert.reviewer1", "fp.reviewer2", "secretariat"):
        with pytest.raises(Refused):
            save_answer(untoc, question=question, value={"text": "x"}, base_revision=0, actor=cast[key])
    page = login(cast["observer.reviewed"]).get(f"/questionnaires/{untoc.pk}/")
    assert page.status_code == 200 and b"data-autosave" not in page.content
    assert post_answer(client, untoc, question, {"text": "x"}, 0).status_code == 400
    assert not Answer.objects.filter(response=untoc).exists()
    client.logout()
    assert login(cast["fp.unrelated"]).get(f"/questionnaires/{untoc.pk}/").status_code == 404


def test_only_the_focal_point_submits_complete_answers(cast, untoc):
    """The focal point of the State under review clears the output (DOMAIN §6; P&R 34)."""
    with pytest.raises(Refused, match="not answered yet: 2.1, 2.2"):
        submit_response(untoc, actor=cast["fp.reviewed"])
    answer_all(untoc, cast["expert.reviewed"])
    with pytest.raises(Refused, match="Only the focal point"):
        submit_response(untoc, actor=cast["expert.reviewed"])
    version = submit_response(untoc, actor=cast["fp.reviewed"])
    assert version.kind == "submission" and version.number == 1
    document = untoc.step.documents.get(instrument="UNTOC")
    body = document.versions.get(number=document.current_version).body
    assert "Penal Code, s. 12." in body and "<h3>" in body


def test_the_saq_document_is_written_through_the_questionnaire_only(cast, untoc, login):
    """The SAQ text is the rendering of the submitted answers: typing over it on the document's
    page is refused and the page sends the drafter to the questionnaire (P&R 9, 34)."""
    document = untoc.step.documents.get(instrument="UNTOC")
    client = login(cast["expert.reviewed"])
    page = client.get(f"/documents/{document.pk}/").content.decode()
    assert "Open the questionnaire" in page and 'name="body"' not in page
    client.post(f"/documents/{document.pk}/", {"body": "<p>Typed over the answers</p>", "base_version": document.current_version})
    document.refresh_from_db()
    assert not document.versions.filter(body__contains="Typed over").exists()
    answer_all(untoc, cast["expert.reviewed"])
    submit_response(untoc, actor=cast["fp.reviewed"])
    document.refresh_from_db()
    assert "Penal Code, s. 12." in document.versions.get(number=document.current_version).body


def test_a_submitted_version_is_locked(cast, untoc):
    answer_all(untoc, cast["expert.reviewed"])
    submitted = submit_response(untoc, actor=cast["fp.reviewed"])
    question = first_question(untoc)
    answer = Answer.objects.get(response=untoc, question=question)
    with pytest.raises(Refused, match="cannot change these answers"):
        save_answer(untoc, question=question, value={"text": "After."}, base_revision=answer.revision, actor=cast["expert.reviewed"])
    reopen_response(untoc, actor=cast["fp.reviewed"])
    save_answer(untoc, question=question, value={"text": "After."}, base_revision=answer.revision, actor=cast["expert.reviewed"])
    assert ResponseVersion.objects.get(pk=submitted.pk).answers[str(question.pk)] == answer.value


def test_two_versions_are_compared_question_by_question(cast, untoc, login):
    answer_all(untoc, cast["expert.reviewed"])
    before = save_point(untoc, actor=cast["expert.reviewed"])
    question = first_question(untoc)
    save_answer(untoc, question=question, value={"text": "Rewritten."}, base_revision=1, actor=cast["expert.reviewed"])
    law = notes.attach_file(untoc, question=question, uploaded=SimpleUploadedFile("act.pdf", b"%PDF-1.7 act"), actor=cast["expert.reviewed"])
    after = submit_response(untoc, actor=cast["fp.reviewed"])
    differences = compare(questions_of(untoc), before.answers, after.answers, before.files, after.files)
    assert [(d.question, d.new, d.old_files, d.new_files) for d in differences] == [(question, {"text": "Rewritten."}, [], [law.pk])]
    page = login(cast["expert.reviewed"]).get(f"/questionnaires/{untoc.pk}/compare/?a={before.number}&b={after.number}")
    html = page.content.decode()
    assert page.status_code == 200 and html.count('class="diff"') == 1 and "Rewritten." in html and "act.pdf" in html


def test_the_step_is_cleared_only_once_every_questionnaire_is_submitted(cast, saq, login):
    """P&R 34: the answers are given through the module before the focal point clears them;
    the step's page then offers the focal point, and only them, to clear the step."""
    clear_url = f"/reviews/steps/{saq.pk}/clear/"
    with pytest.raises(Refused, match="not submitted yet: UNTOC, TIP, SOM, FIR"):
        clear_output(saq, actor=cast["fp.reviewed"])
    assert clear_url not in login(cast["fp.reviewed"]).get(f"/questionnaires/steps/{saq.pk}/").content.decode()
    submit_all(saq, cast["expert.reviewed"], cast["fp.reviewed"])
    assert clear_url not in login(cast["expert.reviewed"]).get(f"/questionnaires/steps/{saq.pk}/").content.decode()
    client = login(cast["fp.reviewed"])
    assert clear_url in client.get(f"/questionnaires/steps/{saq.pk}/").content.decode()
    client.post(clear_url)
    assert step_of(saq.phase, StepKind.FEEDBACK).status == StepStatus.OPEN


def test_comments_stay_inside_the_national_team(cast, untoc, login, client):
    question = first_question(untoc)
    notes.add_comment(untoc, question=question, body="Ask the ministry of justice.", actor=cast["expert.reviewed"])
    for key in ("expert.reviewer1", "observer.reviewed", "secretariat"):
        with pytest.raises(Refused):
            notes.add_comment(untoc, question=question, body="x", actor=cast[key])
    seen = {}
    for key in ("fp.reviewed", "observer.reviewed", "expert.reviewer1", "fp.reviewer2", "secretariat"):
        seen[key] = "Ask the ministry" in login(cast[key]).get(f"/questionnaires/{untoc.pk}/").content.decode()
        client.logout()
    assert seen == {"fp.reviewed": True, "observer.reviewed": True, "expert.reviewer1": False,
                    "fp.reviewer2": False, "secretariat": False}


def test_reviewers_read_only_the_submitted_answers(cast, untoc, login):
    question = first_question(untoc)
    answer_all(untoc, cast["expert.reviewed"])
    reviewer = login(cast["expert.reviewer1"])
    assert "not been submitted yet" in reviewer.get(f"/questionnaires/{untoc.pk}/").content.decode()
    submit_response(untoc, actor=cast["fp.reviewed"])
    reopen_response(untoc, actor=cast["fp.reviewed"])
    save_answer(untoc, question=question, value={"text": "Draft after reopening."}, base_revision=1, actor=cast["expert.reviewed"])
    html = reviewer.get(f"/questionnaires/{untoc.pk}/").content.decode()
    assert "Penal Code, s. 12." in html and "Draft after reopening." not in html


def test_files_attach_to_one_answer_after_the_upload_checks(cast, untoc):
    question = first_question(untoc)
    notes.attach_file(untoc, question=question, uploaded=SimpleUploadedFile("law.pdf", b"%PDF-1.7 text"), actor=cast["expert.reviewed"])
    with pytest.raises(Refused, match="not accepted"):
        notes.attach_file(untoc, question=question, uploaded=SimpleUploadedFile("x.pdf", b"MZ\x90\x00\xff\xfe\x00"), actor=cast["expert.reviewed"])
    with pytest.raises(Refused, match="empty"):
        notes.attach_file(untoc, question=question, uploaded=SimpleUploadedFile("e.pdf", b""), actor=cast["expert.reviewed"])
    with pytest.raises(Refused):
        notes.attach_file(untoc, question=question, uploaded=SimpleUploadedFile("y.pdf", b"%PDF-1.7"), actor=cast["observer.reviewed"])
    assert [f.name for f in AnswerFile.objects.filter(answer__question=question)] == ["law.pdf"]
    assert not Notification.objects.filter(body__contains="law.pdf").exists()  # drafts stay in the team


def test_a_file_over_the_size_limit_is_refused_and_nothing_kept(cast, untoc, login, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    question = first_question(untoc)
    client = login(cast["expert.reviewed"])
    reply = client.post(f"/questionnaires/{untoc.pk}/questions/{question.pk}/file/",
                        {"file": SimpleUploadedFile("big.pdf", b"%PDF-1.7 " + b"x" * 2048)}, follow=True)
    assert "larger than" in reply.content.decode() and not AnswerFile.objects.exists()


def test_files_of_answers_are_read_by_the_team_and_once_submitted_by_the_reviewers(cast, untoc, login, client):
    """A draft file stays in the national team; the reviewers open the files of the submission
    only, and a file removed later stays in the submission that held it (P&R 34-35, 37)."""
    question = first_question(untoc)
    draft = notes.attach_file(untoc, question=question, uploaded=SimpleUploadedFile("draft.pdf", b"%PDF-1.7 draft"),
                              actor=cast["expert.reviewed"])
    url = f"/questionnaires/{untoc.pk}/files/{draft.pk}/"

    def who_opens(path):
        seen = {}
        for key in ("fp.reviewed", "observer.reviewed", "secretariat", "expert.reviewer1", "fp.reviewer2", "fp.unrelated", "ngo"):
            seen[key] = login(cast[key]).get(path).status_code
            client.logout()
        return seen

    team = {"fp.reviewed": 200, "observer.reviewed": 200, "secretariat": 200}
    assert who_opens(url) == {**team, "expert.reviewer1": 404, "fp.reviewer2": 404, "fp.unrelated": 404, "ngo": 404}
    answer_all(untoc, cast["expert.reviewed"])
    submit_response(untoc, actor=cast["fp.reviewed"])
    document = untoc.step.documents.get(instrument_id="UNTOC")
    assert f'<a href="{url}"' in document.versions.get(number=document.current_version).body
    reopen_response(untoc, actor=cast["fp.reviewed"])
    notes.remove_file(untoc, item=draft, actor=cast["expert.reviewed"])
    later = notes.attach_file(untoc, question=question, uploaded=SimpleUploadedFile("later.pdf", b"%PDF-1.7 later"),
                              actor=cast["expert.reviewed"])
    assert who_opens(url) == {**team, "expert.reviewer1": 200, "fp.reviewer2": 200, "fp.unrelated": 404, "ngo": 404}
    assert who_opens(f"/questionnaires/{untoc.pk}/files/{later.pk}/")["expert.reviewer1"] == 404
    page = login(cast["fp.reviewed"]).get(f"/questionnaires/{untoc.pk}/").content.decode()
    assert "later.pdf" in page and "draft.pdf" not in page
    assert AuditEntry.objects.filter(action="questionnaires.file.read", actor=cast["expert.reviewer1"]).count() == 1


def test_every_read_of_the_answers_is_in_the_audit_trail(cast, untoc, login):
    login(cast["expert.reviewer2"]).get(f"/questionnaires/{untoc.pk}/")
    entry = AuditEntry.objects.filter(action="questionnaires.response.read").latest("id")
    assert entry.actor == cast["expert.reviewer2"] and entry.target_id == str(untoc.pk)


def test_the_answering_page_costs_the_same_queries_for_1_and_3_answers(cast, untoc, login, django_assert_num_queries):
    client = login(cast["expert.reviewed"])
    client.get(f"/questionnaires/{untoc.pk}/")  # the session's first request may save the session: not the page's cost
    questions = [q for q in questions_of(untoc) if q.parent_id is None]
    counts = []
    for n in (1, 3):
        for question in questions[:n]:
            if not Answer.objects.filter(response=untoc, question=question).exists():
                save_answer(untoc, question=question, value=sample_value(question, "no"), base_revision=0, actor=cast["expert.reviewed"])
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/questionnaires/{untoc.pk}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_answering_page_reads_right_to_left_in_arabic_with_the_questions_in_arabic(cast, untoc, login):
    question = first_question(untoc)
    with translation.override("en"):  # the request switches this thread to Arabic: back to English after it
        html = login(cast["expert.reviewed"]).get(f"/questionnaires/{untoc.pk}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in html and question.texts["ar"] in html and question.texts["en"] not in html
