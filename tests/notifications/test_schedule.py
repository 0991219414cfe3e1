"""The deadline arithmetic of notices and the iCalendar text, as pure functions."""

from datetime import UTC, date, datetime

import pytest

from revmod.notifications.interfaces.ical import Event, calendar, escape, fold
from revmod.notifications.schedule import COMING, ESCALATED, MISSED, DueNotice, due_notices, retry_delay_seconds

pytestmark = pytest.mark.unit
DUE = date(2021, 7, 15)


def notices_on(day, escalate_after=30):
    return due_notices(DUE, day, reminder_days=(1, 7, 30), escalate_after=escalate_after)


@pytest.mark.parametrize(("day", "expected"), [
    (date(2021, 6, 14), []),  # 31 days before: nothing yet
    (date(2021, 6, 15), [DueNotice(COMING, 30, 30)]),
    (date(2021, 6, 20), [DueNotice(COMING, 30, 25)]),  # same marker: a late run does not repeat it
    (date(2021, 7, 8), [DueNotice(COMING, 7, 7)]),
    (date(2021, 7, 14), [DueNotice(COMING, 1, 1)]),
    (date(2021, 7, 15), [DueNotice(COMING, 1, 0)]),  # due today: still the 1-day reminder
])
def test_reminders_before_the_deadline_use_the_tightest_window(day, expected):
    assert notices_on(day) == expected


def test_a_missed_deadline_is_noticed_from_the_first_day_then_once_a_week():
    """WG TA 2023 rec. 4: automatic notice of missed deadlines."""
    markers = [notices_on(date(2021, 7, d))[0].marker for d in (16, 22, 23, 29, 30)]
    assert markers == [0, 0, 1, 1, 2]
    assert notices_on(date(2021, 7, 16))[0].kind == MISSED


def test_escalation_to_the_mission_comes_after_the_configured_days():
    """P&R 18: the permanent mission is the temporary focal point."""
    assert [n.kind for n in notices_on(date(2021, 7, 28), escalate_after=14)] == [MISSED]
    assert [n.kind for n in notices_on(date(2021, 7, 29), escalate_after=14)] == [MISSED, ESCALATED]


def test_retries_wait_twice_as_long_each_time():
    assert [retry_delay_seconds(n, 60) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]


def test_ical_text_is_escaped_and_folded_without_splitting_a_character():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "Гана: ответы на вопросник для самооценки " * 3
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_a_calendar_has_one_all_day_event_per_deadline():
    text = calendar([Event("u1@revmod", DUE, "Ghana: summary", url="https://x/reviews/1/")], name="Deadlines",
                    stamp=datetime(2021, 1, 1, tzinfo=UTC))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20210715\r\nDTEND;VALUE=DATE:20210716\r\n" in text
    assert "SUMMARY:Ghana: summary\r\n" in text
