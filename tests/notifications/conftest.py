"""Helpers of the notifications tests: the scheduler run with its e-mails delivered, a bouncing server."""

from datetime import date

import pytest

from revmod.notifications.domain.scheduler import run_once
from tests.support.smtp import SMTPServer, _Handler
from tests.reviews.test_workflow import consult

BOUNCING_DOMAIN = "bounce.example.org"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the scheduler as if today were `day`; the e-mails it queues are delivered at once."""
    def _run(day: date):
        with django_capture_on_commit_callbacks(execute=True):
            return run_once(day)
    return _run


@pytest.fixture
def delivered(django_capture_on_commit_callbacks):
    """A context in which notices queued by domain functions are delivered when it ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def consulted(cast, cast_review):
    """Ghana's phase after its initial consultation of 15 January 2021: the SAQ is due 15 July 2021."""
    return consult(cast_review, cast["secretariat"])


class _RefusingHandler(_Handler):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@" + BOUNCING_DOMAIN):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def bouncing_smtp_server(settings):
    """A loopback SMTP server like `smtp_server`, refusing every recipient at @bounce.example.org (a hard bounce)."""
    server = SMTPServer()
    server._controller.handler = _RefusingHandler(server)
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    try:
        yield server
    finally:
        server.stop()
