"""What each member of the cast sees on the review pages, and what they are refused."""

import re

import pytest

from revmod.audit.models import AuditEntry
from revmod.reviews.domain.steps import record_consultation
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def listed_states(response) -> list[str]:
    return re.findall(r'<a href="/reviews/\d+/">([^<]+)</a>', response.content.decode())


def test_dashboard_lists_exactly_the_reviews_each_member_may_see(cast, login, client):
    expected = {
        "secretariat": ["Ghana", "Mexico"],
        "fp.reviewed": ["Ghana"], "expert.reviewed": ["Ghana"], "observer.reviewed": ["Ghana"],
        "fp.reviewer1": ["Ghana"], "expert.reviewer2": ["Ghana"],
        "fp.unrelated": ["Mexico"], "ngo": [],
    }
    for key, states in expected.items():
        client.logout()
        response = login(cast[key]).get("/reviews/")
        assert response.status_code == 200, key
        assert listed_states(response) == states, key


def test_review_page_is_404_for_those_outside_it(cast, cast_review, login, client):
    for key in ("fp.unrelated", "ngo"):
        client.logout()
        assert login(cast[key]).get(f"/reviews/{cast_review.pk}/").status_code == 404
    client.logout()
    assert login(cast["fp.unrelated"]).get("/reviews/999999/").status_code == 404


def test_anonymous_visitor_is_sent_to_login(cast, cast_review, client):
    response = client.get(f"/reviews/{cast_review.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_password_without_second_factor_reaches_no_review(cast, cast_review, client):
    client.force_login(cast["fp.reviewed"])
    response = client.get(f"/reviews/{cast_review.pk}/")
    assert response.status_code == 302 and response["Location"] == "/accounts/verify/"


def test_review_page_shows_timeline_people_and_deadlines(cast, cast_review, login):
    consult(cast_review, cast["secretariat"])
    page = login(cast["observer.reviewed"]).get(f"/reviews/{cast_review.pk}/").content.decode()
    assert "July 15, 2021" in page  # the SAQ deadline, in the reader's language
    assert "Kwame Mensah" in page and "Wanjiru Kamau" in page
    assert "Clear for my State" not in page  # observers change nothing


def test_observer_cannot_save_a_document(cast, cast_review, login):
    consult(cast_review, cast["secretariat"])
    document = cast_review.phases.get().steps.get(kind="saq").documents.get(instrument="UNTOC")
    response = login(cast["observer.reviewed"]).post(f"/documents/{document.pk}/", {"body": "x", "base_version": 0})
    document.refresh_from_db()
    assert response.status_code == 200 and document.current_version == 0


def test_reading_a_confidential_document_is_audited(cast, cast_review, login):
    consult(cast_review, cast["secretariat"])
    document = cast_review.phases.get().steps.get(kind="saq").documents.get(instrument="TIP")
    login(cast["expert.reviewer1"]).get(f"/documents/{document.pk}/")
    entry = AuditEntry.objects.filter(action="documents.document.read").last()
    assert (entry.actor, entry.target_id) == (cast["expert.reviewer1"], str(document.pk))


def test_consultation_form_shows_errors_in_the_users_language(cast, cast_review, login):
    step = cast_review.phases.get().steps.get(kind="consultation")
    c = login(cast["secretariat"])
    response = c.post(f"/reviews/steps/{step.pk}/consultation/", {
        "consulted_on": "2021-01-10", "languages": ["en", "fr", "ar"]}, HTTP_ACCEPT_LANGUAGE="en")
    assert "A third working language needs the exceptional reason recorded." in response.content.decode()
    assert cast_review.phases.get().consulted_on is None


def test_dashboard_filters_late_reviews_and_missing_focal_points(cast, cast_review, unrelated_review, login):
    record_consultation(unrelated_review.phases.get(), actor=cast["secretariat"],
                        consulted_on=unrelated_review.started_on, languages=["es"])
    c = login(cast["secretariat"])
    assert listed_states(c.get("/reviews/?late=on")) == ["Mexico"]
    assert listed_states(c.get("/reviews/?no_focal_point=on")) == []


def test_dashboard_query_count_does_not_grow_with_reviews(cast, login, django_assert_max_num_queries, groups):
    from tests.conftest import make_review

    c = login(cast["secretariat"])
    c.get("/reviews/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        c.get("/reviews/")
    make_review("PER", group=groups[2], same="CHL", other="ESP")
    make_review("ITA", group=groups[2], same="FRA", other="GHA")
    with CaptureQueriesContext(connection) as four:
        c.get("/reviews/")
    assert len(four) == len(two)


def test_the_secretariat_sees_newcomers_and_starts_their_review(cast, login, groups):
    c = login(cast["secretariat"])
    page = c.get("/reviews/").content.decode()
    assert "Bhutan" in page and "South Sudan" in page
    response = c.post("/reviews/newcomers/BTN/start/", {"group": 3})
    assert response.status_code == 302
    from revmod.reviews.models import CountryReview

    assert CountryReview.objects.get(party="BTN").group_id == 3


def test_not_found_page_is_in_the_users_language_and_not_a_crash(client, db):
    response = client.get("/reviews/not-a-number/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "There is nothing here, or it is not yours to see." in response.content.decode()
