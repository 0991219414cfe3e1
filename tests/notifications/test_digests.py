"""The monthly digest of what happened in each person's reviews (DOMAIN §10), and configurable reminders."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from revmod.notifications.domain.digests import previous_month
from revmod.notifications.models import Notification, NotificationPreference
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def _next_month() -> date:
    today = timezone.localdate()
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


def _digests_to(server, person):
    return [m for m in server.messages_to(person.email) if str(m["Subject"]).startswith("Your reviews in")]


def test_the_monthly_digest_sums_up_each_members_reviews_once(cast, cast_review, run, smtp_server, delivered):
    with delivered():
        consult(cast_review, cast["secretariat"])  # this month: the consultation, the SAQ opens
    NotificationPreference.objects.create(user=cast["observer.reviewed"], monthly_digest=False)
    smtp_server.clear()
    first_of_next_month = _next_month()
    month = f"{previous_month(first_of_next_month)[0]:%Y-%m}"
    run(first_of_next_month)
    run(first_of_next_month)
    [digest] = _digests_to(smtp_server, cast["fp.reviewer1"])
    assert str(digest["Subject"]) == f"Your reviews in {month}"
    body = smtp_server.body(digest).replace("\r\n", "\n")
    assert "\n\nGhana\n" in body and "  - steps completed: 1" in body
    assert "Mexico" not in body  # not a review of Kenya's focal point
    assert len(_digests_to(smtp_server, cast["secretariat"])) == 1
    assert _digests_to(smtp_server, cast["observer.reviewed"]) == []  # turned off
    [other] = _digests_to(smtp_server, cast["fp.unrelated"])
    assert "Mexico" in smtp_server.body(other) and "Ghana" not in smtp_server.body(other)
    assert _digests_to(smtp_server, cast["ngo"]) == []  # no review
    assert Notification.objects.filter(kind="monthly_digest", recipient=cast["fp.reviewer1"]).count() == 1


def test_the_monthly_digest_comes_in_the_readers_language(cast, cast_review, run, smtp_server, delivered):
    person = cast["fp.reviewed"]
    person.language = "zh"
    person.save(update_fields=["language"])
    with delivered():
        consult(cast_review, cast["secretariat"])
    smtp_server.clear()
    run(_next_month())
    [digest] = [m for m in smtp_server.messages_to(person.email) if str(m["Subject"]).endswith("月度摘要")]
    assert "加纳" in smtp_server.body(digest)


def test_reminder_days_are_configurable(cast, consulted, run, smtp_server, settings):
    """REVMOD_REMINDER_DAYS: here two weeks and two days before the SAQ's deadline of 15 July 2021."""
    settings.REVMOD_REMINDER_DAYS = "14, 2"
    for day in (date(2021, 6, 15), date(2021, 7, 1), date(2021, 7, 8), date(2021, 7, 13), date(2021, 7, 14)):
        run(day)
    bodies = [smtp_server.body(m) for m in smtp_server.messages_to(cast["fp.reviewed"].email)]
    assert [("days left: 14" in b, "days left: 2" in b) for b in bodies] == [(True, False), (False, True)]
