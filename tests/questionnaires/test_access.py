"""Who reads questionnaire answers: the review's people, then every States-party user once submitted (P&R 37, 40)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from revmod.questionnaires.domain import notes
from revmod.questionnaires.domain.queries import questions_of, submitted_responses_for
from revmod.questionnaires.domain.responses import open_response, reopen_response, save_answer, save_point, submit_response
from revmod.questionnaires.models import Answer, Response
from revmod.reviews.domain.steps import clear_output
from tests.questionnaires.helpers import answer_all, submit_all

pytestmark = pytest.mark.integration
EVERYONE = ("fp.reviewed", "expert.reviewed", "observer.reviewed", "fp.reviewer1", "expert.reviewer1", "fp.reviewer2",
            "expert.reviewer2", "fp.unrelated", "secretariat", "ngo", "anonymous")


def statuses(client, cast, login, url):
    seen = {}
    for key in EVERYONE:
        client.logout()
        if key != "anonymous":
            login(cast[key])
        seen[key] = client.get(url).status_code
    client.logout()
    return seen


def test_submitted_answers_reach_every_states_party_user_once_the_step_is_done(cast, saq, login, client):
    """Until the SAQ step is completed only the review's people read the answers; then every
    approved States-party user reads the submission, never the working copy or the team's
    comments; people of no State and visitors never (P&R 37, 40)."""
    submit_all(saq, cast["expert.reviewed"], cast["fp.reviewed"])
    untoc = Response.objects.get(step=saq, instrument_id="UNTOC")
    question = questions_of(untoc)[0]
    notes.add_comment(untoc, question=question, body="Internal: check with the ministry.", actor=cast["expert.reviewed"])
    url = f"/questionnaires/{untoc.pk}/"
    review_people = {key: 200 for key in EVERYONE[:7]}
    assert statuses(client, cast, login, url) == {**review_people, "fp.unrelated": 404, "secretariat": 200, "ngo": 404,
                                                  "anonymous": 302}
    clear_output(saq, actor=cast["fp.reviewed"])
    assert statuses(client, cast, login, url) == {**review_people, "fp.unrelated": 200, "secretariat": 200, "ngo": 404,
                                                  "anonymous": 302}
    page = login(cast["fp.unrelated"]).get(url).content.decode()
    assert "as last submitted" in page and "Penal Code, s. 12." in page and "Internal: check" not in page
    assert login(cast["fp.unrelated"]).get(f"/questionnaires/{untoc.pk}/export.xlsx").status_code == 404


def test_the_list_of_submitted_answers_is_what_each_person_may_read(cast, saq, login):
    untoc = open_response(saq, instrument_id="UNTOC", actor=cast["expert.reviewed"])
    answer_all(untoc, cast["expert.reviewed"])
    tip = open_response(saq, instrument_id="TIP", actor=cast["expert.reviewed"])
    answer_all(tip, cast["expert.reviewed"])
    submit_response(untoc, actor=cast["fp.reviewed"])  # TIP answered but not submitted: never listed
    listed = {key: [r.instrument_id for r in submitted_responses_for(cast[key])] for key in EVERYONE}
    assert listed == {**{key: ["UNTOC"] for key in EVERYONE[:7]}, "fp.unrelated": [], "secretariat": ["UNTOC"],
                      "ngo": [], "anonymous": []}
    page = login(cast["expert.reviewer2"]).get("/questionnaires/submitted/").content.decode()
    assert f'/questionnaires/{untoc.pk}/"' in page and f'/questionnaires/{tip.pk}/"' not in page


def test_the_list_of_submitted_answers_costs_the_same_queries_for_1_and_3(cast, saq, login):
    client = login(cast["secretariat"])
    client.get("/questionnaires/submitted/")  # the session's first request may save the session: not the page's cost
    counts = []
    for instruments in (["UNTOC"], ["TIP", "SOM"]):
        for instrument in instruments:
            response = open_response(saq, instrument_id=instrument, actor=cast["expert.reviewed"])
            answer_all(response, cast["expert.reviewed"])
            submit_response(response, actor=cast["fp.reviewed"])
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/questionnaires/submitted/")
        assert page.content.decode().count("<tr>") == 1 + len(counts) * 2 + 1
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_reopened_questionnaire_shows_outsiders_the_last_submission_only(cast, saq, login):
    untoc = open_response(saq, instrument_id="UNTOC", actor=cast["expert.reviewed"])
    answer_all(untoc, cast["expert.reviewed"])
    submit_response(untoc, actor=cast["fp.reviewed"])
    reopen_response(untoc, actor=cast["fp.reviewed"])
    question = questions_of(untoc)[0]
    revision = Answer.objects.get(response=untoc, question=question).revision
    save_answer(untoc, question=question, value={"text": "Being rewritten."}, base_revision=revision, actor=cast["expert.reviewed"])
    save_point(untoc, actor=cast["expert.reviewed"])
    versions = login(cast["expert.reviewer1"]).get(f"/questionnaires/{untoc.pk}/versions/").content.decode()
    team = login(cast["expert.reviewed"]).get(f"/questionnaires/{untoc.pk}/").content.decode()
    reviewer = login(cast["expert.reviewer1"]).get(f"/questionnaires/{untoc.pk}/").content.decode()
    assert "Being rewritten." in team and "Being rewritten." not in reviewer and "Penal Code" in reviewer
    assert "/versions/1/" in versions and "/versions/2/" not in versions
    assert login(cast["expert.reviewer1"]).get(f"/questionnaires/{untoc.pk}/versions/2/").status_code == 404
