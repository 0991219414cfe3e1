"""Deadline arithmetic (P&R 34, 35; Status 2024 para 39)."""

from datetime import date

import pytest

from revmod.reviews.deadlines import add_months, default_schedule, delay_days, schedule_problems, shift_from

pytestmark = pytest.mark.unit


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert add_months(date(2021, 1, 31), 1) == date(2021, 2, 28)
    assert add_months(date(2021, 8, 15), 6) == date(2022, 2, 15)


def test_default_schedule_follows_the_procedures():
    assert default_schedule(date(2021, 1, 15)) == {
        "saq": date(2021, 7, 15), "feedback": date(2022, 1, 15), "dialogue": date(2022, 3, 15),
        "observations": date(2022, 7, 15), "summary": date(2022, 9, 15)}


def test_a_questionnaire_longer_than_six_months_cannot_be_agreed():
    schedule = default_schedule(date(2021, 1, 15)) | {"saq": date(2021, 7, 16)}
    assert ("saq", "too_long") in schedule_problems(date(2021, 1, 15), schedule)


def test_a_deadline_before_the_previous_one_cannot_be_agreed():
    schedule = default_schedule(date(2021, 1, 15)) | {"observations": date(2022, 1, 1)}
    assert schedule_problems(date(2021, 1, 15), schedule) == [("observations", "before_previous")]


def test_an_extension_moves_the_later_steps_by_the_same_days():
    schedule = default_schedule(date(2021, 1, 15))
    moved = shift_from(schedule, "feedback", date(2022, 2, 14))
    assert moved["saq"] == schedule["saq"]
    assert moved["feedback"] == date(2022, 2, 14)
    assert moved["summary"] == date(2022, 10, 15)


def test_delay_counts_from_the_deadline_to_submission_or_today():
    assert delay_days(date(2021, 7, 15), date(2021, 7, 25), date(2030, 1, 1)) == 10
    assert delay_days(date(2021, 7, 15), None, date(2021, 8, 14)) == 30
    assert delay_days(date(2021, 7, 15), date(2021, 7, 1), date(2030, 1, 1)) == 0
    assert delay_days(None, None, date(2030, 1, 1)) == 0
