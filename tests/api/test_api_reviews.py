"""The reviews API answers each member of the cast exactly as the pages do, and refuses what they refuse."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from revmod.accounts.domain import approve_nomination, end_nomination, record_nomination, submit_profile
from revmod.accounts.enums import Role
from revmod.accounts.models import Nomination
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind, StepStatus
from revmod.reviews.models import StepClearance
from tests.api.caller import Api
from tests.conftest import make_review
from tests.reviews.test_workflow import consult, write_all

pytestmark = pytest.mark.integration


@pytest.fixture
def api(client, cast):
    return Api(client, cast)


@pytest.fixture
def saq(cast, cast_review):
    return step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)


def test_reviews_list_gives_each_member_exactly_the_reviews_they_may_see(api, cast_review, unrelated_review):
    ghana, mexico = {cast_review.pk}, {unrelated_review.pk}
    expected = {
        "secretariat": ghana | mexico,
        "fp.reviewed": ghana, "expert.reviewed": ghana, "observer.reviewed": ghana,
        "fp.reviewer1": ghana, "expert.reviewer1": ghana, "fp.reviewer2": ghana, "expert.reviewer2": ghana,
        "fp.unrelated": mexico, "ngo": set(),
    }
    for who, ids in expected.items():
        response = api.get(who, "/reviews/")
        assert response.status_code == 200, who
        assert {row["id"] for row in response.json()} == ids, who
    anonymous = api.get("anonymous", "/reviews/")
    assert anonymous.status_code == 401 and anonymous.json() == {"detail": "Unauthorized"}


def test_reviews_list_shows_status_open_step_deadline_delay_and_reviewers(api, saq, cast_review):
    row = next(r for r in api.get("fp.reviewed", "/reviews/").json() if r["id"] == cast_review.pk)
    assert row["party"] == {"iso3": "GHA", "name": "Ghana"}
    assert row["status"] == "saq" and row["phase"] == 1
    assert row["open_step"]["id"] == saq.pk and row["open_step"]["due_on"] == "2021-07-15"
    assert row["open_step"]["delay_days"] == (timezone.localdate() - date(2021, 7, 15)).days
    assert [s["iso3"] for s in row["reviewing_states"]] == ["KEN", "NOR"]


def test_a_review_outside_ones_own_answers_404_like_one_that_does_not_exist(api, cast_review):
    for who in ("fp.unrelated", "ngo"):
        outside = api.get(who, f"/reviews/{cast_review.pk}")
        missing = api.get(who, "/reviews/999999")
        assert outside.status_code == missing.status_code == 404, who
        assert outside.json() == missing.json() == {"detail": "Not Found"}
    assert api.get("anonymous", f"/reviews/{cast_review.pk}").status_code == 401


def test_review_detail_shows_phases_steps_seats_and_documents(api, saq, cast_review):
    review = api.get("observer.reviewed", f"/reviews/{cast_review.pk}").json()
    steps = {s["kind"]: s for s in review["phases"][0]["steps"]}
    assert steps["saq"]["status"] == "open" and steps["saq"]["due_on"] == "2021-07-15"
    assert steps["consultation"]["done_on"] == "2021-01-15"
    assert steps["saq"]["can_clear"] is False and steps["saq"]["can_draft"] is False  # observers change nothing
    assert review["phases"][0]["working_languages"] == ["en"]
    assert {s["reviewer"]["iso3"] for s in review["seats"]} == {"KEN", "NOR"}
    assert sorted(d["instrument"] for d in review["documents"] if d["step"] == saq.pk) == ["FIR", "SOM", "TIP", "UNTOC"]
    mine = api.get("fp.reviewed", f"/reviews/{cast_review.pk}").json()
    assert {s["kind"]: s["can_clear"] for s in mine["phases"][0]["steps"]}["saq"] is True


def test_participants_see_current_roles_and_the_secretariat_the_whole_history(api, cast, cast_review):
    expert = Nomination.objects.get(person=cast["expert.reviewed"], review=cast_review)
    end_nomination(expert, actor=cast["secretariat"], reason="withdrawn")
    seen = {who: {p["nomination"] for p in api.get(who, f"/reviews/{cast_review.pk}").json()["people"]}
            for who in ("fp.reviewer1", "secretariat")}
    everyone = set(Nomination.objects.filter(review=cast_review).values_list("pk", flat=True))
    assert seen["secretariat"] == everyone
    assert seen["fp.reviewer1"] == everyone - {expert.pk}


def test_an_observer_cannot_clear_and_nothing_changes(api, saq, cast):
    write_all(saq, cast["expert.reviewed"])
    response = api.post("observer.reviewed", f"/reviews/steps/{saq.pk}/clear")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Only the focal point of a State that must clear this step can clear it, while it is open."}
    saq.refresh_from_db()
    assert saq.status == StepStatus.OPEN and not StepClearance.objects.exists()
    assert api.post("fp.unrelated", f"/reviews/steps/{saq.pk}/clear").status_code == 404


def test_the_focal_point_clears_and_the_next_step_opens(api, saq, cast):
    write_all(saq, cast["expert.reviewed"])
    response = api.post("fp.reviewed", f"/reviews/steps/{saq.pk}/clear")
    assert response.status_code == 200
    assert response.json()["status"] == "done" and response.json()["done_on"] is not None
    assert step_of(saq.phase, StepKind.FEEDBACK).status == StepStatus.OPEN


def test_a_refusal_is_json_in_the_callers_language(api, saq):
    response = api.post("observer.reviewed", f"/reviews/steps/{saq.pk}/clear", **{"Accept-Language": "fr"})
    assert response.status_code == 400 and response["Content-Language"] == "fr"
    assert response["Content-Type"].startswith("application/json") and response.json()["detail"]


def test_an_extension_asked_and_approved_moves_the_deadline(api, saq):
    asked = api.post("fp.reviewed", f"/reviews/steps/{saq.pk}/extensions",
                     {"new_due_on": "2021-09-15", "reason": "Elections"})
    assert asked.status_code == 201 and asked.json()["status"] == "pending"
    extension = asked.json()["id"]
    own_side = api.post("fp.reviewed", f"/reviews/extensions/{extension}/decision", {"approve": True})
    assert own_side.status_code == 400 and "other side" in own_side.json()["detail"]
    assert api.post("fp.unrelated", f"/reviews/extensions/{extension}/decision", {"approve": True}).status_code == 404
    decided = api.post("fp.reviewer2", f"/reviews/extensions/{extension}/decision", {"approve": True})
    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    saq.refresh_from_db()
    assert saq.due_on == date(2021, 9, 15)


@pytest.mark.parametrize(("body", "status"), [
    ({"new_due_on": "2021-02-30", "reason": "Elections"}, 422),
    ({"new_due_on": "next month", "reason": "Elections"}, 422),
    ({"reason": "Elections"}, 422),
    ("{not json", 400),
])
def test_a_malformed_extension_request_answers_json_and_changes_nothing(api, saq, body, status):
    response = api.post("fp.reviewed", f"/reviews/steps/{saq.pk}/extensions", body)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json") and response.json()["detail"]
    assert not saq.extension_requests.exists()


def _nominate_focal_point(review, secretariat):
    nomination = record_nomination(review, actor=secretariat, party=review.party, role=Role.FOCAL_POINT,
                                   name=f"Focal {review.party_id}", email=f"fp.{review.party_id.lower()}@example.org")
    submit_profile(nomination.person, actor=nomination.person, gender="female", institution_type="justice")
    return approve_nomination(nomination, actor=secretariat)


def test_reviews_list_runs_in_the_same_number_of_queries_for_1_and_3_reviews(client, groups):
    secretariat = get_user_model().objects.create_user(email="officer@example.org", password="x" * 16,
                                                      is_secretariat=True)
    api = Api(client, {"secretariat": secretariat})

    def count_queries(expected_reviews):
        with CaptureQueriesContext(connection) as queries:
            response = api.get("secretariat", "/reviews/")
        assert response.status_code == 200 and len(response.json()) == expected_reviews
        return len(queries)

    first = make_review("GHA", group=groups[1], same="KEN", other="NOR", actor=secretariat)
    consult(first, secretariat)
    _nominate_focal_point(first, secretariat)
    api.headers("secretariat")  # the token is created outside the counted request
    api.get("secretariat", "/reviews/")  # and its first use (recorded once) too
    one = count_queries(1)
    for iso3, same, other in (("MEX", "PER", "FRA"), ("BRA", "ARG", "DEU")):
        review = make_review(iso3, group=groups[2], same=same, other=other, actor=secretariat)
        _nominate_focal_point(review, secretariat)
    assert count_queries(3) == one
