"""Questionnaires over the API: who reads which answers, autosave without lost answers, submission by the focal point."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from revmod.audit.models import AuditEntry
from revmod.questionnaires.answers import FIELDS
from revmod.questionnaires.api import AnswerIn
from revmod.questionnaires.domain.queries import questions_of
from revmod.questionnaires.domain.responses import open_response, save_answer
from revmod.questionnaires.models import Answer, Response
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.api.caller import Api
from tests.questionnaires.helpers import answer_all, sample_value

pytestmark = pytest.mark.integration
MISSING = 987654321


@pytest.fixture
def api(client, cast):
    return Api(client, cast)


def put_answer(api, who, response, question, revision, headers=None, **fields):
    return api.put(who, f"/questionnaires/{response.pk}/answers/{question.pk}", {"base_revision": revision, **fields},
                   **(headers or {}))


def by_id(body) -> dict:
    return {q["id"]: q for q in body["questions"]}


def test_the_answer_body_has_a_field_for_every_field_of_every_kind_of_question():
    names = {f.name for fields in FIELDS.values() for f in fields}
    assert set(AnswerIn.model_fields) == names | {"base_revision"}


def test_a_steps_questionnaires_show_progress_to_the_national_team_only(api, saq, untoc):
    team = api.get("fp.reviewed", f"/questionnaires/steps/{saq.pk}").json()
    rows = {row["instrument"]: row for row in team["questionnaires"]}
    assert list(rows) == ["UNTOC", "TIP", "SOM", "FIR"] and team["unsubmitted"] == ["UNTOC", "TIP", "SOM", "FIR"]
    assert rows["UNTOC"]["response"] == untoc.pk and rows["UNTOC"]["status"] == "draft"
    assert rows["UNTOC"]["progress"] == {"answered": 0, "total": 27, "percent": 0, "missing": rows["UNTOC"]["progress"]["missing"]}
    assert rows["TIP"]["response"] is None and team["can_clear"] is False
    reviewer = api.get("expert.reviewer1", f"/questionnaires/steps/{saq.pk}").json()
    assert [row["progress"] for row in reviewer["questionnaires"]] == [None] * 4
    for who in ("fp.unrelated", "ngo"):
        mine, missing = api.get(who, f"/questionnaires/steps/{saq.pk}"), api.get(who, f"/questionnaires/steps/{MISSING}")
        assert (mine.status_code, mine.json()) == (missing.status_code, missing.json()) == (404, {"detail": "Not Found"})
    other_step = step_of(saq.phase, StepKind.CONSULTATION)
    assert api.get("fp.reviewed", f"/questionnaires/steps/{other_step.pk}").status_code == 404


def test_a_drafter_starts_a_questionnaire_and_a_reader_cannot(api, cast, saq):
    started = api.post("expert.reviewed", f"/questionnaires/steps/{saq.pk}/TIP")
    assert started.status_code == 200 and started.json()["instrument"] == "TIP" and started.json()["can_edit"] is True
    assert Response.objects.filter(step=saq).count() == 1
    again = api.post("fp.reviewed", f"/questionnaires/steps/{saq.pk}/TIP").json()
    assert again["id"] == started.json()["id"]
    nothing = api.post("fp.reviewer1", f"/questionnaires/steps/{saq.pk}/SOM", **{"Accept-Language": "fr"})
    assert (nothing.status_code, nothing.json()) == (404, {"detail": "Ce questionnaire n'a pas encore de réponses."})
    assert api.post("fp.unrelated", f"/questionnaires/steps/{saq.pk}/SOM").status_code == 404
    assert Response.objects.filter(step=saq).count() == 1


def test_an_answer_saved_is_read_back_by_the_team_and_not_by_the_reviewing_states(api, cast, untoc):
    question = questions_of(untoc)[0]
    saved = put_answer(api, "expert.reviewed", untoc, question, 0, text="Defined in the Penal Code.")
    assert saved.status_code == 200, saved.content
    assert saved.json()["revision"] == 1 and saved.json()["progress"]["answered"] == 1
    team = api.get("fp.reviewed", f"/questionnaires/{untoc.pk}").json()
    assert team["working_copy"] is True and team["can_submit"] is True and team["can_edit"] is True
    first = by_id(team)[question.pk]
    assert (first["value"], first["revision"], first["answered"], first["label"]) == (
        {"text": "Defined in the Penal Code."}, 1, True, question.label)
    assert [f["name"] for f in first["fields"]] == [f.name for f in FIELDS[question.kind]]
    reviewer = api.get("expert.reviewer1", f"/questionnaires/{untoc.pk}").json()
    assert reviewer["working_copy"] is False and reviewer["submission"] is None and reviewer["can_edit"] is False
    assert {q["value"] for q in reviewer["questions"]} == {None} and reviewer["progress"]["answered"] == 0
    reads = AuditEntry.objects.filter(action="questionnaires.response.read", target_id=str(untoc.pk))
    assert sorted(reads.values_list("actor__email", flat=True)) == sorted(
        [cast["fp.reviewed"].email, cast["expert.reviewer1"].email])


def test_a_stale_revision_answers_409_and_the_newer_answer_is_kept(api, cast, untoc):
    question = questions_of(untoc)[0]
    save_answer(untoc, question=question, value={"text": "The expert's answer."}, base_revision=0, actor=cast["expert.reviewed"])
    late = put_answer(api, "fp.reviewed", untoc, question, 0, text="Stale.")
    assert late.status_code == 409
    body = late.json()
    assert (body["current_version"], body["value"], body["by"]) == (1, {"text": "The expert's answer."}, "Abena Owusu")
    assert "saved a newer answer" in body["detail"]
    assert Answer.objects.get(response=untoc, question=question).value == {"text": "The expert's answer."}
    kept = put_answer(api, "fp.reviewed", untoc, question, body["current_version"], text="Mine after all.")
    assert kept.status_code == 200 and kept.json()["revision"] == 2


def test_an_answer_that_does_not_fit_is_refused_and_a_choice_is_read_in_any_language(api, untoc):
    question = next(q for q in questions_of(untoc) if q.kind == "yes_no_partly")
    wrong = put_answer(api, "expert.reviewed", untoc, question, 0, choice="maybe")
    assert wrong.status_code == 400 and "not one of the possible answers" in wrong.json()["detail"]
    assert not Answer.objects.filter(response=untoc).exists()
    french = put_answer(api, "expert.reviewed", untoc, question, 0, choice="oui, en partie", explanation="Article 3.")
    assert french.json()["value"] == {"choice": "partly", "explanation": "Article 3."}
    assert put_answer(api, "expert.reviewed", untoc, question, 1).status_code == 200  # every field blank: no answer
    assert Answer.objects.get(response=untoc, question=question).value is None


def test_readers_cannot_save_and_outsiders_learn_nothing(api, cast, untoc, saq):
    question = questions_of(untoc)[0]
    for who in ("observer.reviewed", "fp.reviewer1", "secretariat"):
        refused = put_answer(api, who, untoc, question, 0, text="x")
        assert refused.json() == {"detail": "You cannot change these answers now."}, who
    for who in ("fp.unrelated", "ngo"):
        for path in (f"/questionnaires/{untoc.pk}", f"/questionnaires/{MISSING}"):
            assert api.get(who, path).json() == {"detail": "Not Found"}, (who, path)
        assert put_answer(api, who, untoc, question, 0, text="x").status_code == 404
        assert api.post(who, f"/questionnaires/{untoc.pk}/submit").status_code == 404
    elsewhere = open_response(saq, instrument_id="TIP", actor=cast["expert.reviewed"])
    foreign = questions_of(elsewhere)[0]
    assert put_answer(api, "expert.reviewed", untoc, foreign, 0, text="x").status_code == 404
    assert api.get("anonymous", f"/questionnaires/{untoc.pk}").status_code == 401
    assert not Answer.objects.exists()


def test_only_the_focal_point_submits_and_then_the_reviewing_states_read_the_submission(api, cast, untoc):
    incomplete = api.post("fp.reviewed", f"/questionnaires/{untoc.pk}/submit")
    assert incomplete.status_code == 400 and "Some questions are not answered yet" in incomplete.json()["detail"]
    answer_all(untoc, cast["expert.reviewed"])
    refused = api.post("expert.reviewed", f"/questionnaires/{untoc.pk}/submit")
    assert refused.status_code == 400
    assert refused.json() == {"detail": "Only the focal point of the State under review submits the answers, while the step is open."}
    submitted = api.post("fp.reviewed", f"/questionnaires/{untoc.pk}/submit")
    assert submitted.status_code == 200, submitted.content
    assert (submitted.json()["status"], submitted.json()["submission"], submitted.json()["can_reopen"]) == ("submitted", 1, True)
    reviewer = api.get("fp.reviewer2", f"/questionnaires/{untoc.pk}").json()
    assert reviewer["working_copy"] is False and reviewer["submission"] == 1 and reviewer["progress"]["percent"] == 100
    answers = {a.question_id: a.value for a in Answer.objects.filter(response=untoc)}
    assert {q["id"]: q["value"] for q in reviewer["questions"] if q["value"]} == answers
    question = questions_of(untoc)[0]
    late = put_answer(api, "expert.reviewed", untoc, question, 1, text="After the submission.")
    assert late.status_code == 400 and late.json() == {"detail": "You cannot change these answers now."}
    assert api.post("fp.reviewed", f"/questionnaires/{untoc.pk}/submit").status_code == 400


def test_reading_the_answers_makes_as_many_queries_for_one_answer_as_for_three(api, cast, untoc):
    questions = [q for q in questions_of(untoc) if q.parent_id is None]
    save_answer(untoc, question=questions[0], value=sample_value(questions[0]), base_revision=0, actor=cast["expert.reviewed"])
    api.get("fp.reviewed", f"/questionnaires/{untoc.pk}")  # the token, made once
    with CaptureQueriesContext(connection) as one:
        assert api.get("fp.reviewed", f"/questionnaires/{untoc.pk}").json()["progress"]["answered"] == 1
    for question in questions[1:3]:
        save_answer(untoc, question=question, value=sample_value(question, "no"), base_revision=0, actor=cast["expert.reviewed"])
    with CaptureQueriesContext(connection) as three:
        assert api.get("fp.reviewed", f"/questionnaires/{untoc.pk}").json()["progress"]["answered"] == 3
    assert len(three) == len(one)
