"""Deadlines nobody misses unnoticed: reminders, weekly missed notices, escalation (WG TA 2023 rec. 4)."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from revmod.accounts.models import Nomination
from revmod.notifications.enums import Frequency, NoticeState
from revmod.notifications.models import Notification, NotificationPreference
from revmod.reference.models import Party
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind, StepStatus

pytestmark = pytest.mark.integration


def subjects_to(server, person_or_email):
    address = getattr(person_or_email, "email", person_or_email)
    return [str(m["Subject"]) for m in server.messages_to(address)]


def test_a_coming_deadline_reminds_the_focal_point_30_7_and_1_days_before_in_their_language(
        cast, consulted, run, smtp_server):
    fp = cast["fp.reviewed"]
    fp.language = "fr"
    fp.save(update_fields=["language"])
    for day in (date(2021, 6, 14), date(2021, 6, 15), date(2021, 7, 8), date(2021, 7, 14)):
        run(day)
    subject = "Examen de Ghana : réponses au questionnaire d'auto-évaluation à remettre le 2021-07-15"
    assert subjects_to(smtp_server, fp) == [subject] * 3
    assert {r for m in smtp_server.received for r in m.rcpt_tos} == {fp.email}  # the State under review owes the SAQ
    bodies = [smtp_server.body(m) for m in smtp_server.messages]
    assert ["(jours restants : 30)" in bodies[0], "(jours restants : 7)" in bodies[1], "(jours restants : 1)" in bodies[2]] == [True] * 3
    assert smtp_server.messages[0]["Content-Language"] == "fr"


def test_a_missed_deadline_goes_to_the_focal_point_copied_to_the_secretariat_every_week(cast, consulted, run, smtp_server):
    fp, secretariat = cast["fp.reviewed"], cast["secretariat"]
    run(date(2021, 7, 16))
    [message] = smtp_server.messages
    assert str(message["Subject"]) == "Review of Ghana: deadline missed for the self-assessment questionnaire answers (2021-07-15)"
    assert (message["To"], message["Cc"]) == (fp.email, secretariat.email)
    assert "days late: 1" in smtp_server.body(message)
    run(date(2021, 7, 22))  # the same week: nothing new
    assert len(smtp_server.messages) == 1
    run(date(2021, 7, 23))
    assert len(subjects_to(smtp_server, fp)) == 2
    assert "days late: 8" in smtp_server.body(smtp_server.messages[-1])


def test_a_long_missed_deadline_is_escalated_to_the_permanent_mission(cast, consulted, run, smtp_server, settings):
    """P&R 18: the permanent mission is the temporary focal point; told after the configured time."""
    settings.REVMOD_ESCALATE_AFTER_DAYS = 14
    Party.objects.filter(pk="GHA").update(mission_email="mission.ghana@example.org")
    run(date(2021, 7, 28))
    assert subjects_to(smtp_server, "mission.ghana@example.org") == []
    run(date(2021, 7, 29))
    [escalation] = smtp_server.messages_to("mission.ghana@example.org")
    assert str(escalation["Subject"]) == "Review of Ghana: self-assessment questionnaire answers overdue since 2021-07-15"
    assert escalation["Cc"] == cast["secretariat"].email
    assert smtp_server.body(escalation).startswith("To the Permanent Mission of Ghana:")
    run(date(2021, 8, 20))
    assert len(smtp_server.messages_to("mission.ghana@example.org")) == 1  # escalated once


def test_running_the_scheduler_twice_sends_nothing_twice(cast, consulted, run, smtp_server, django_capture_on_commit_callbacks):
    run(date(2021, 7, 16))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--today", "2021-07-16", stdout=io.StringIO())
    run(date(2021, 7, 16))
    assert len(smtp_server.messages) == 1
    assert Notification.objects.filter(kind="deadline_missed").count() == 1


def test_with_no_focal_point_the_notices_go_to_the_permanent_mission(cast, consulted, run, smtp_server):
    """P&R 18: with no focal point named, the permanent mission receives all communications."""
    Nomination.objects.filter(person=cast["fp.reviewed"]).update(ended_at="2021-01-01T00:00Z")
    Party.objects.filter(pk="GHA").update(mission_email="mission.ghana@example.org")
    run(date(2021, 6, 15))
    assert subjects_to(smtp_server, "mission.ghana@example.org") == [
        "Review of Ghana: self-assessment questionnaire answers due on 2021-07-15"]
    assert len(smtp_server.messages) == 1


def test_a_deadline_notice_reaches_the_mission_in_its_language(cast, consulted, run, smtp_server):
    """P&R 18: the standing-in mission is reminded in its language of correspondence."""
    Nomination.objects.filter(person=cast["fp.reviewed"]).update(ended_at="2021-01-01T00:00Z")
    Party.objects.filter(pk="GHA").update(mission_email="mission.ghana@example.org", correspondence_language="es")
    run(date(2021, 6, 15))
    [subject] = subjects_to(smtp_server, "mission.ghana@example.org")
    assert "Ghana" in subject and "2021-07-15" in subject and "due on" not in subject


def test_feedback_is_owed_by_both_reviewing_states(cast, consulted, run, smtp_server):
    """P&R 35: the written feedback is the reviewing States' joint work: both focal points are told."""
    saq = step_of(consulted, StepKind.SAQ)
    saq.status, saq.done_on = StepStatus.DONE, date(2021, 7, 1)
    saq.save()
    step_of(consulted, StepKind.FEEDBACK).__class__.objects.filter(phase=consulted, kind=StepKind.FEEDBACK).update(
        status=StepStatus.OPEN)
    run(date(2022, 1, 8))
    assert {r for m in smtp_server.received for r in m.rcpt_tos} == {cast["fp.reviewer1"].email, cast["fp.reviewer2"].email}


def test_off_silences_reminders_but_never_missed_deadlines(cast, consulted, run, smtp_server):
    fp = cast["fp.reviewed"]
    NotificationPreference.objects.create(user=fp, frequency=Frequency.OFF)
    run(date(2021, 7, 8))
    assert smtp_server.messages == []
    assert [n.state for n in Notification.objects.filter(recipient=fp, kind="deadline_coming")] == [NoticeState.INBOX_ONLY]
    run(date(2021, 7, 16))
    assert subjects_to(smtp_server, fp) == [
        "Review of Ghana: deadline missed for the self-assessment questionnaire answers (2021-07-15)"]


def test_a_daily_digest_gathers_what_is_not_critical_once_a_day(cast, consulted, run, smtp_server):
    fp = cast["fp.reviewed"]
    NotificationPreference.objects.create(user=fp, frequency=Frequency.DAILY)
    run(date(2021, 7, 8))
    run(date(2021, 7, 8))
    [digest] = smtp_server.messages_to(fp.email)
    assert str(digest["Subject"]) == "Your daily summary: 1 notices"
    assert "• Review of Ghana: self-assessment questionnaire answers due on 2021-07-15" in smtp_server.body(digest)
    assert Notification.objects.get(recipient=fp, kind="deadline_coming").state == NoticeState.DIGESTED
