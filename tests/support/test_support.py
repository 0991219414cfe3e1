"""The test support works: mail reaches the real SMTP server, the browser opens a live page."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

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


def _children(pid: int) -> dict[int, str]:
    """The direct child processes of `pid` and their command lines (Linux /proc)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            if parent == pid:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    found[int(entry)] = cmdline.read().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):  # gone meanwhile
            continue
    return found


@pytest.mark.integration
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_revmod_serve_runs_web_and_worker_and_stops_both(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "REVMOD_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)  # its own SQLite database: the real command on a fresh site
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        serve = subprocess.Popen(
            [sys.executable, "-m", "revmod.cli", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline, status = time.monotonic() + 120, None
        while status is None and time.monotonic() < deadline and serve.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                time.sleep(0.3)
        assert status == 200, log_path.read_text()
        children = _children(serve.pid)
        assert any("gunicorn" in command for command in children.values()), children
        assert any("db_worker" in command for command in children.values()), children

        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=40) == 0, log_path.read_text()
        assert "revmod stopped." in log_path.read_text()
        assert not any(os.path.exists(f"/proc/{pid}") for pid in children), children
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
