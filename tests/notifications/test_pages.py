"""The pages: the inbox, the calendar link, the secretariat's delivery log, reminders and templates."""

import base64
import re
import secrets

import pytest
from django.utils.html import escape
from django.db import connection
from django.test.utils import CaptureQueriesContext

from revmod.notifications.domain import notify
from revmod.notifications.domain.delivery import deliver
from revmod.notifications.enums import NoticeState
from revmod.notifications.models import MessageTemplate, Notification
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.notifications.conftest import BOUNCING_DOMAIN

pytestmark = pytest.mark.integration


def _feed_token(client) -> str:
    page = client.post("/notifications/preferences/", {"action": "create_feed"}).content.decode()
    return re.search(r"/notifications/calendar/([^\"/]+)\.ics", page).group(1)


def test_the_calendar_feed_lists_my_deadlines_and_a_revoked_link_answers_404(cast, consulted, login, client):
    token = _feed_token(login(cast["fp.reviewed"]))
    client.logout()
    response = client.get(f"/notifications/calendar/{token}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert re.findall(r"DTSTART;VALUE=DATE:(\d+)", text) == ["20210715", "20220115", "20220315", "20220715", "20220915"]
    assert "SUMMARY:Ghana: self-assessment questionnaire answers\r\n" in text
    login(cast["fp.reviewed"]).post("/notifications/preferences/", {"action": "revoke_feed"})
    client.logout()
    assert client.get(f"/notifications/calendar/{token}.ics").status_code == 404


def test_a_feed_link_cannot_be_guessed_and_shows_only_its_owners_reviews(cast, consulted, login, client):
    token = _feed_token(login(cast["fp.unrelated"]))
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) >= 32
    client.logout()
    assert "BEGIN:VEVENT" not in client.get(f"/notifications/calendar/{token}.ics").content.decode()  # Mexico: no deadlines yet
    assert client.get(f"/notifications/calendar/{secrets.token_urlsafe(32)}.ics").status_code == 404
    replaced = _feed_token(login(cast["fp.unrelated"]))
    client.logout()
    assert client.get(f"/notifications/calendar/{token}.ics").status_code == 404  # the new link replaces the old
    assert client.get(f"/notifications/calendar/{replaced}.ics").status_code == 200


def test_the_inbox_shows_my_notices_and_never_another_persons(cast, login, client):
    [mine] = notify("hello", people=[cast["fp.reviewed"]], subject="For Kwame", body="Text")
    [theirs] = notify("hello", people=[cast["expert.reviewed"]], subject="For Abena", body="Text")
    page = login(cast["fp.reviewed"]).get("/notifications/").content.decode()
    assert "For Kwame" in page and "For Abena" not in page and "1 unread notice." in page
    assert client.get(f"/notifications/{theirs.pk}/").status_code == 404
    assert client.get(f"/notifications/{mine.pk}/").status_code == 200
    assert Notification.objects.get(pk=mine.pk).read_at is not None


def _log_queries(client, review) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/notifications/reviews/{review.pk}/").status_code == 200
    return len(queries)


def test_the_secretariat_sees_what_was_sent_about_a_review_and_what_bounced(cast, cast_review, login, bouncing_smtp_server):
    people = [cast["fp.reviewed"]]
    notify("one", people=people, subject="First", body="x", review=cast_review)
    client = login(cast["secretariat"])
    client.get("/notifications/")  # the session's first request writes its start time: not counted below
    one = _log_queries(client, cast_review)
    notify("two", people=people, subject="Second", body="x", review=cast_review,
           extra_emails=[f"mission@{BOUNCING_DOMAIN}"])
    assert _log_queries(client, cast_review) == one  # the same number of queries for 1 and 3 notices
    deliver(list(Notification.objects.values_list("pk", flat=True)))
    page = client.get(f"/notifications/reviews/{cast_review.pk}/").content.decode()
    assert page.count(str(NoticeState.SENT.label)) == 2 and page.count(escape(str(NoticeState.BOUNCED.label))) == 1
    assert "550 5.1.1 No such mailbox here" in page
    assert login(cast["fp.reviewed"]).get(f"/notifications/reviews/{cast_review.pk}/").status_code == 404


def test_a_reminder_by_hand_goes_in_spanish_and_a_form_sent_twice_sends_once(cast, consulted, login, smtp_server,
                                                                              django_capture_on_commit_callbacks):
    fp = cast["fp.reviewed"]
    fp.language = "es"
    fp.save(update_fields=["language"])
    client = login(cast["secretariat"])
    page = client.get(f"/notifications/reviews/{consulted.review_id}/remind/").content.decode()
    nonce = re.search(r'name="nonce" value="([0-9a-f]+)"', page).group(1)
    form = {"template": "reminder.deadline", "parties": ["GHA"], "nonce": nonce,
            "step": step_of(consulted, StepKind.SAQ).pk}
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(f"/notifications/reviews/{consulted.review_id}/remind/", form).status_code == 302
    [message] = smtp_server.messages
    assert message["To"] == fp.email
    assert str(message["Subject"]) == "Recordatorio – examen de Ghana: respuestas al cuestionario de autoevaluación, plazo hasta el 2021-07-15"
    assert smtp_server.body(message).startswith("Estimado/a colega:")


def test_the_secretariat_edits_a_template_and_unknown_placeholders_are_refused(cast, login):
    client = login(cast["secretariat"])
    form = {"subject_en": "Reminder: {step} for {state}", "body_en": "Please submit by {due_on}."}
    client.post("/notifications/templates/reminder.deadline/", form)
    assert MessageTemplate.objects.get(pk="reminder.deadline").subjects == {"en": "Reminder: {step} for {state}"}
    page = client.post("/notifications/templates/reminder.deadline/", {**form, "body_en": "By {deadline}"}, follow=True)
    assert "Unknown placeholder(s): deadline" in page.content.decode()
    assert login(cast["fp.reviewed"]).get("/notifications/templates/").status_code == 404


def test_my_preferences_are_saved_and_the_pages_lead_to_the_inbox_and_the_log(cast, cast_review, login, client):
    from revmod.notifications.models import NotificationPreference

    fp = cast["fp.reviewed"]
    login(fp)
    page = client.get("/notifications/preferences/").content.decode()
    assert "Missed deadlines and messages from the secretariat are always e-mailed" in page
    client.post("/notifications/preferences/", {"action": "preferences", "frequency": "off"})
    preference = NotificationPreference.objects.get(user=fp)
    assert (preference.frequency, preference.monthly_digest) == ("off", False)
    review_page = client.get(f"/reviews/{cast_review.pk}/").content.decode()
    assert 'href="/notifications/"' in review_page
    assert f"/notifications/reviews/{cast_review.pk}/" not in review_page
    login(cast["secretariat"])
    assert f"/notifications/reviews/{cast_review.pk}/" in client.get(f"/reviews/{cast_review.pk}/").content.decode()
