"""The test support works: mail reaches the real SMTP server, the browser opens a live page."""

import pytest
from django.core.mail import EmailMessage as DjangoEmailMessage
from django.core.mail import send_mail


@pytest.mark.integration
def test_send_mail_reaches_the_smtp_server(smtp_server):
    sent = send_mail(
        subject="Country review of Côte d'Ivoire: self-assessment questionnaire",
        message="The questionnaire is open.\n问卷已开放。",
        from_email="revmod@example.org",
        recipient_list=["focal.point@example.org"],
    )
    assert sent == 1

    [message] = smtp_server.wait_for(1, timeout=10)
    assert message["Subject"] == "Country review of Côte d'Ivoire: self-assessment questionnaire"
    assert message["To"] == "focal.point@example.org"
    assert message["From"] == "revmod@example.org"
    assert "The questionnaire is open." in smtp_server.body(message)
    assert "问卷已开放。" in smtp_server.body(message)
    assert smtp_server.messages_to("Focal.Point@example.org") == [message]
    assert smtp_server.messages_to("someone.else@example.org") == []


@pytest.mark.integration
def test_bcc_recipients_are_found_by_envelope(smtp_server):
    DjangoEmailMessage(
        subject="Reminder",
        body="Deadline in 10 days.",
        from_email="revmod@example.org",
        to=["secretariat@example.org"],
        bcc=["hidden@example.org"],
    ).send()
    smtp_server.wait_for(1, timeout=10)
    assert len(smtp_server.messages_to("hidden@example.org")) == 1
    assert "hidden@example.org" not in str(smtp_server.messages[0])


@pytest.mark.e2e
def test_browser_runs(page, page_errors):
    page.goto("data:text/html;charset=utf-8,<html lang=en><title>ok</title><p id=p>审议</p></html>")
    assert page.title() == "ok"
    assert page.locator("#p").inner_text() == "审议"
    assert page_errors == []


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_browser_opens_the_home_page(page, live_server):
    response = page.goto(live_server.url + "/")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang")
    assert page.title()
