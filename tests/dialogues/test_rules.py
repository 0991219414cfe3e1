"""The dialogue's dates and labels, computed without the database (P&R 53)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from revmod.dialogues import rules
from revmod.dialogues.enums import ApplicationStatus, Stage

pytestmark = pytest.mark.unit
HELD = date(2024, 6, 14)
AT = datetime(2024, 5, 1, tzinfo=UTC)


def test_dates_are_computed_from_the_day_of_the_dialogue():
    """Applications close 15 days before, the list goes to States 10 days before (P&R 53(d), (e))."""
    assert rules.dates_of(HELD) == rules.DialogueDates(
        held_on=HELD, applications_close_on=date(2024, 5, 30), list_to_states_on=date(2024, 6, 4),
        objections_close_on=date(2024, 6, 9))


def test_an_application_on_the_closing_day_is_in_time_and_the_next_day_late():
    assert rules.is_application_in_time(HELD, date(2024, 5, 30))
    assert not rules.is_application_in_time(HELD, date(2024, 5, 31))


def test_a_list_sent_after_the_tenth_day_before_is_late():
    assert not rules.is_list_late(HELD, date(2024, 6, 4))
    assert rules.is_list_late(HELD, date(2024, 6, 5))


def test_the_chair_may_cancel_only_between_the_closing_day_and_the_dialogue():
    assert [rules.may_cancel(HELD, d) for d in (date(2024, 5, 30), date(2024, 5, 31), date(2024, 6, 13), HELD)] == [
        False, True, True, False]


@pytest.mark.parametrize("today, acts, expected", [
    (date(2024, 5, 1), {}, Stage.OPEN),
    (date(2024, 5, 31), {}, Stage.CLOSED),
    (date(2024, 6, 1), {"list_sent_at": AT}, Stage.CIRCULATED),
    (HELD, {"list_sent_at": AT}, Stage.HELD),
    (date(2024, 7, 1), {"list_sent_at": AT, "published_at": AT}, Stage.PUBLISHED),
    (date(2024, 7, 1), {"cancelled_at": AT, "published_at": AT}, Stage.CANCELLED),
])
def test_the_stage_follows_the_dates_and_the_acts(today, acts, expected):
    kwargs = {"cancelled_at": None, "list_sent_at": None, "published_at": None} | acts
    assert rules.stage(HELD, today, **kwargs) == expected


@pytest.mark.parametrize("kind, objected, outcome, expected", [
    ("ngo", False, None, ApplicationStatus.ON_LIST),
    ("ngo", True, None, ApplicationStatus.BEFORE_BUREAU),  # P&R 53(d)
    ("academia", True, None, ApplicationStatus.ON_LIST),  # decided "not admitted" at once, see decisions
    ("academia", True, "not_admitted", ApplicationStatus.NOT_ADMITTED),  # P&R 53(e)
    ("private_sector", False, "admitted", ApplicationStatus.ADMITTED),
])
def test_an_objection_sends_an_ngo_to_the_bureau_and_refuses_other_applicants(kind, objected, outcome, expected):
    assert rules.application_status(confirmed=True, kind=kind, objected=objected, outcome=outcome) == expected


def test_an_unconfirmed_application_is_not_on_the_list():
    assert rules.application_status(confirmed=False, kind="ngo", objected=False, outcome=None) == ApplicationStatus.UNCONFIRMED


def test_names_compare_without_case_or_spacing():
    assert rules.name_key("  Global  Initiative ") == rules.name_key("global initiative")


@pytest.mark.parametrize("days_before, list_sent, expected", [
    (20, False, {"add_document"}),
    (12, False, {"add_document", "send_list", "cancel"}),
    (12, True, {"add_document", "cancel"}),
    (3, True, {"add_document", "admit", "cancel"}),
    (0, True, {"add_document", "admit", "summary"}),
])
def test_the_secretariat_is_offered_exactly_the_acts_open_that_day(days_before, list_sent, expected):
    held = date(2024, 6, 14)
    today = held - timedelta(days=days_before)
    assert rules.open_acts(held, today, cancelled=False, list_sent=list_sent) == expected
    assert rules.open_acts(held, today, cancelled=True, list_sent=list_sent) == set()
