"""The status report's figures on small known data, as of past dates, in a fixed number of queries."""

import json
from datetime import date, datetime, UTC

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination, User
from revmod.reports.domain.queries.status import status_report
from revmod.reviews.domain.steps import move_to_step, set_deadline, step_of
from revmod.reviews.enums import StepKind
from revmod.lots.models import Redraw
from revmod.reviews.models import DeadlineChange, ReviewerSeat
from tests.conftest import make_review
from tests.reviews.test_workflow import consult, write_all

pytestmark = pytest.mark.integration


def moment(*parts) -> datetime:
    return datetime(*parts, 12, tzinfo=UTC)


@pytest.fixture
def mechanism(cast, cast_review, unrelated_review, groups):
    """Ghana consulted on 15 Jan 2021 (English), answers submitted 1 Aug 2021 (17 days late),
    written feedback open; Mexico not started; Argentina (group 2) not started. The Ghana
    review's people were approved on 5 Jan 2021; Mexico's focal point only today."""
    phase = consult(cast_review, cast["secretariat"], day=date(2021, 1, 15))
    DeadlineChange.objects.filter(step__phase=phase).update(changed_at=moment(2021, 1, 15))
    write_all(step_of(phase, StepKind.SAQ), cast["expert.reviewed"])
    move_to_step(phase, from_kind=StepKind.SAQ, to_kind=StepKind.FEEDBACK, actor=cast["secretariat"],
                 on=date(2021, 8, 1))
    Nomination.objects.filter(review=cast_review).update(approved_at=moment(2021, 1, 5))
    argentina = make_review("ARG", group=groups[2], same="BRA", other="ESP")
    return {"ghana": cast_review, "phase": phase, "argentina": argentina}


def test_progress_as_of_the_end_of_2021(mechanism):
    progress = status_report(date(2021, 12, 31))["progress"]
    assert (progress["reviews"], progress["moving"], progress["not_started"], progress["completed"]) == (3, 1, 2, 0)
    assert progress["by_group_and_status"] == [
        {"group": 1, "not_started": 1, "saq": 0, "feedback": 1, "observations": 0, "completed": 0, "total": 2},
        {"group": 2, "not_started": 1, "saq": 0, "feedback": 0, "observations": 0, "completed": 0, "total": 1},
    ]
    assert progress["consultations"] == {"held": 1, "share": 0.333, "by_group": [
        {"group": 1, "held": 1, "not_held": 1}, {"group": 2, "held": 0, "not_held": 1}]}
    assert progress["working_languages"] == {"agreed": 1, "single_share": 1.0, "not_agreed": 0,
                                             "by_number": {"1": 1, "2": 0, "3": 0}, "single": {"en": 1}, "combined": {}}
    assert progress["saq"]["by_group"][0] == {"group": 1, "submitted": 1, "in_progress": 0, "not_started": 1}
    assert progress["saq"]["timeliness"]["late_up_to_3_months"] == 1  # due 15 July, submitted 1 August
    assert sum(progress["saq"]["timeliness"].values()) == 1
    assert progress["feedback"]["delays"]["on_time"] == 1  # due 15 January 2022
    assert progress["seventy_percent_rule"] == [
        {"group": 1, "phase": 1, "scheduled": 2, "completed": 0, "share": 0.0, "may_advance": False},
        {"group": 2, "phase": 1, "scheduled": 1, "completed": 0, "share": 0.0, "may_advance": False},
    ]


def test_status_follows_the_steps_dates(mechanism):
    """Status 2024 para 23: the label on a date comes from which step was open on that date."""
    def group_one(day):  # Ghana and Mexico; Mexico never starts
        row = status_report(day)["progress"]["by_group_and_status"][0]
        return {k: v for k, v in row.items() if k not in ("group", "total") and v}
    assert group_one(date(2021, 1, 14)) == {"not_started": 2}
    assert group_one(date(2021, 1, 15)) == {"not_started": 1, "saq": 1}
    assert group_one(date(2021, 7, 31)) == {"not_started": 1, "saq": 1}
    assert group_one(date(2021, 8, 1)) == {"not_started": 1, "feedback": 1}


def test_nominations_as_of_the_end_of_2021(mechanism):
    nominations = status_report(date(2021, 12, 31))["nominations"]
    assert nominations["focal_points"] == {
        "people": 3, "states": 3, "women": 2, "women_share": 0.667,
        "institutions": {"foreign_affairs": 1, "justice": 2},
        "institution_shares": {"foreign_affairs": 0.333, "justice": 0.667},
        "states_with_more_than_one": 0, "states_that_replaced": 0, "states_that_replaced_share": 0.0,
    }
    # Taking part: Ghana, Kenya, Norway, Mexico, Peru, France, Argentina, Brazil, Spain.
    assert nominations["states_without_focal_point"] == {
        "states": 6, "share": 0.667, "reviews_held_up": 2,
        "reviews_held_up_by_group": [{"group": 1, "reviews": 1}, {"group": 2, "reviews": 1}],
        "reviews_ready_not_started": 0, "reviews_ready_not_started_by_group": [{"group": 1, "reviews": 0},
                                                                                {"group": 2, "reviews": 0}],
    }
    assert nominations["experts"] == {"people": 3, "women": 1, "women_share": 0.333}
    assert nominations["states_with_observers"] == 1


def test_a_replaced_focal_point_counts_from_the_replacement(cast, mechanism):
    old = Nomination.objects.get(person=cast["fp.reviewed"])
    Nomination.objects.filter(pk=old.pk).update(ended_at=moment(2022, 3, 1))
    person = User.objects.create_user("new.fp@example.org", first_name="Akosua", last_name="Asante",
                                      gender="female", institution_type="justice")
    Nomination.objects.create(person=person, party_id="GHA", review=mechanism["ghana"], role=Role.FOCAL_POINT,
                              status=NominationStatus.APPROVED, approved_at=moment(2022, 3, 1), replaces=old,
                              stated_name="Akosua Asante", stated_email=person.email)
    before, after = (status_report(day)["nominations"]["focal_points"] for day in (date(2022, 2, 28), date(2022, 3, 1)))
    assert (before["people"], before["women"], before["states_that_replaced"]) == (3, 2, 0)
    assert (after["people"], after["women"], after["states_that_replaced"]) == (3, 3, 1)
    assert after["states_that_replaced_share"] == 0.333


def test_participation_as_of_the_end_of_2021(mechanism):
    participation = status_report(date(2021, 12, 31))["participation"]
    assert participation["parties"] == 190  # Bhutan and South Sudan joined in 2023
    assert (participation["states_under_review"], participation["reviews"]) == (3, 3)
    assert participation["groups"] == [
        {"group": 1, "started_on": "2020-12-01", "parties_taking_part": 6, "reviews": 2},
        {"group": 2, "started_on": "2021-11-01", "parties_taking_part": 3, "reviews": 1},
    ]
    assert participation["parties_taking_part"] == 9
    assert participation["redraws"] == {"redraws": 0, "meetings": 0, "last_on": None}
    assert participation["joined_since_launch"] == {"launch": "2020-12-01", "convention": [], "protocols": [
        {"party": "COM", "instruments": ["FIR", "SOM"]}, {"party": "DEU", "instruments": ["FIR"]}]}


@pytest.mark.parametrize("day, convention, protocols", [
    (date(2024, 2, 29), 2, 8),   # Status Feb 2024 para 9
    (date(2024, 5, 21), 2, 9),   # Status 2024 para 9: Uganda ratified two Protocols in March 2024
])
def test_newcomers_match_the_secretariats_reports(groups, day, convention, protocols):
    joined = status_report(day)["participation"]["joined_since_launch"]
    assert (len(joined["convention"]), len(joined["protocols"])) == (convention, protocols)
    assert joined["convention"] == ["BTN", "SSD"]


def test_a_past_date_gives_the_past_figures_after_later_changes(cast, mechanism):
    """"As of" reads the history: later moves, deadline changes and nominations change nothing before them."""
    day = date(2021, 12, 31)
    before = status_report(day)
    phase = mechanism["phase"]
    set_deadline(step_of(phase, StepKind.FEEDBACK), due_on=date(2022, 6, 15), actor=cast["secretariat"],
                 reason="extension")
    write_all(step_of(phase, StepKind.FEEDBACK), cast["expert.reviewer1"])
    move_to_step(phase, from_kind=StepKind.FEEDBACK, to_kind=StepKind.DIALOGUE, actor=cast["secretariat"],
                 on=date(2022, 5, 2))
    consult(mechanism["argentina"], cast["secretariat"], day=date(2022, 2, 1), languages=("en", "es"))
    Nomination.objects.filter(person=cast["fp.unrelated"]).update(approved_at=moment(2022, 1, 10))
    assert status_report(day) == before
    later = status_report(date(2022, 6, 30))
    assert later["progress"]["feedback"]["submitted"] == 1
    assert later["progress"]["working_languages"]["combined"] == {"en+es": 1}
    assert later["nominations"]["focal_points"]["people"] == 4


def test_lateness_uses_the_deadline_agreed_by_that_date(cast, mechanism):
    feedback = step_of(mechanism["phase"], StepKind.FEEDBACK)  # due 15 January 2022
    set_deadline(feedback, due_on=date(2022, 3, 15), actor=cast["secretariat"], reason="extension")
    DeadlineChange.objects.filter(step=feedback, new_due_on=date(2022, 3, 15)).update(changed_at=moment(2022, 2, 1))

    def delays(day):
        return {k: v for k, v in status_report(day)["progress"]["feedback"]["delays"].items() if v}
    assert delays(date(2022, 1, 31)) == {"late_up_to_3_months": 1}
    assert delays(date(2022, 2, 20)) == {"on_time": 1}
    assert delays(date(2023, 3, 20)) == {"late_over_1_year": 1}


def test_no_state_is_named_beside_its_progress(mechanism):
    """No ranking of any kind (P&R 4-5): the only States the report names are newcomers."""
    text = json.dumps(status_report(date(2024, 5, 21)))
    for iso3 in ("GHA", "MEX", "ARG", "KEN", "NOR", "PER", "FRA", "BRA", "ESP"):
        assert f'"{iso3}"' not in text


def test_query_count_is_the_same_at_one_and_three_reviews(cast_review, groups):
    def count():
        with CaptureQueriesContext(connection) as queries:
            status_report(date(2024, 5, 21))
        return len(queries)
    one = count()
    make_review("ARG", group=groups[2], same="BRA", other="ESP")
    make_review("CHL", group=groups[3], same="URY", other="ITA")
    assert count() == one == 12


def _focal_point(party: str, review, approved_on: datetime) -> Nomination:
    person = User.objects.create_user(f"fp.{party.lower()}@example.org", first_name="Focal", last_name=party,
                                      gender="male", institution_type="interior")
    return Nomination.objects.create(person=person, party_id=party, review=review, role=Role.FOCAL_POINT,
                                     status=NominationStatus.APPROVED, approved_at=approved_on,
                                     stated_name=str(person), stated_email=person.email)


def test_a_review_with_every_focal_point_named_is_ready_until_its_consultation(cast, mechanism):
    """Status Feb 2024 para 15: not started although nobody is missing; figure 1 counts the others."""
    mexico = Nomination.objects.get(person=cast["fp.unrelated"]).review
    Nomination.objects.filter(person=cast["fp.unrelated"]).update(approved_at=moment(2021, 2, 1))
    _focal_point("PER", mexico, moment(2021, 3, 1))
    _focal_point("FRA", mexico, moment(2021, 4, 1))

    def without(day):
        figures = status_report(day)["nominations"]["states_without_focal_point"]
        return figures["reviews_held_up"], figures["reviews_ready_not_started"]
    assert without(date(2021, 3, 31)) == (1, 0)  # France not yet named for Mexico's review
    assert without(date(2021, 4, 1)) == (0, 1)  # Argentina's group 2 starts in November
    assert without(date(2021, 12, 31)) == (1, 1)


def test_a_redraw_changes_the_parties_taking_part_from_its_day(cast, mechanism):
    """P&R 28(d): the replaced reviewing State's seat ends on the redraw's day, the new one starts."""
    ghana = mechanism["ghana"]
    ReviewerSeat.objects.filter(review=ghana, reviewer_id="NOR").update(until=date(2022, 6, 10))
    for seat in ReviewerSeat.objects.filter(review=ghana, reviewer_id="NOR"):
        ReviewerSeat.objects.create(review=ghana, reviewer_id="SWE", instrument=seat.instrument, basis=seat.basis,
                                    since=date(2022, 6, 10))
    Redraw.objects.create(review=ghana, asked_by_id="GHA", reason="language", meeting="Joint meeting, June 2022",
                          old_reviewer_id="NOR", new_reviewer_id="SWE", seed="0f", recorded_by=cast["secretariat"],
                          recorded_at=moment(2022, 6, 10))
    before, after = (status_report(day)["participation"] for day in (date(2022, 6, 9), date(2022, 6, 10)))
    assert before["redraws"] == {"redraws": 0, "meetings": 0, "last_on": None}
    assert after["redraws"] == {"redraws": 1, "meetings": 1, "last_on": "2022-06-10"}
    assert before["parties_taking_part"] == after["parties_taking_part"] == 9
    # Sweden has no focal point: one more State without one, from the redraw's day.
    states = [status_report(day)["nominations"]["states_without_focal_point"]["states"]
              for day in (date(2022, 6, 9), date(2022, 6, 10))]
    assert states == [6, 7]
