"""A real SMTP server on loopback for tests: the `smtp_server` fixture.

The fixture starts aiosmtpd in a thread on 127.0.0.1 on a port the kernel picks, points
Django's SMTP e-mail backend at it for the duration of the test, and collects what arrives as
parsed `email.message.EmailMessage` objects, so a test checks the mail as a recipient would
get it (headers encoded on the wire, MIME parts, UTF-8 addresses), not Django's objects:

    def test_invitation(smtp_server):
        invite(...)
        [message] = smtp_server.wait_for(1)
        assert message["Subject"] == "..."
        assert smtp_server.messages_to("focal.point@example.org")

Mail sent from a background task only arrives if the task runs (use an immediate tasks
backend in the test, or run the worker).
"""

from __future__ import annotations

import email
import email.policy
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses

import pytest
from aiosmtpd.controller import Controller

__all__ = ["ReceivedMail", "SMTPServer", "smtp_server"]


@dataclass
class ReceivedMail:
    """One SMTP transaction: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    raw: bytes = field(repr=False)


class _UnfoldingPolicy(email.policy.EmailPolicy):
    """email.policy.default, but a header folded right after its colon ("Subject:\\n =?utf-8?...")
    reads without the leading space Python's parser keeps (RFC 5322 unfolding drops it)."""

    def header_fetch_parse(self, name, value):
        if isinstance(value, str) and not hasattr(value, "name"):  # raw, not a parsed header
            value = value.lstrip(" \t\r\n")
        return super().header_fetch_parse(name, value)


_POLICY = _UnfoldingPolicy()


class _Handler:
    def __init__(self, server: SMTPServer) -> None:
        self._server = server

    async def handle_DATA(self, server, session, envelope) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        message = email.message_from_bytes(raw, policy=_POLICY)
        self._server._add(
            ReceivedMail(
                mail_from=envelope.mail_from,
                rcpt_tos=list(envelope.rcpt_tos),
                message=message,  # type: ignore[arg-type]  # an EmailPolicy gives EmailMessage
                raw=raw,
            )
        )
        return "250 Message accepted for delivery"


class _EphemeralPortController(Controller):
    """aiosmtpd's Controller, listening on port 0 (the kernel picks a free port, no race)."""

    def _trigger_server(self) -> None:
        # The server socket is bound before start() calls this: learn the real port first.
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class SMTPServer:
    """A running loopback SMTP server and the mail it received, oldest first."""

    def __init__(self, hostname: str = "127.0.0.1") -> None:
        self._lock = threading.Condition()
        self._received: list[ReceivedMail] = []
        self._controller = _EphemeralPortController(_Handler(self), hostname=hostname, port=0, enable_SMTPUTF8=True)

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> SMTPServer:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    @property
    def host(self) -> str:
        return self._controller.hostname

    @property
    def port(self) -> int:
        return self._controller.port

    # -- what arrived -----------------------------------------------------------------------
    def _add(self, mail: ReceivedMail) -> None:
        with self._lock:
            self._received.append(mail)
            self._lock.notify_all()

    @property
    def received(self) -> list[ReceivedMail]:
        """Every transaction with its envelope (a copy)."""
        with self._lock:
            return list(self._received)

    @property
    def messages(self) -> list[EmailMessage]:
        """Every message received so far, parsed (a copy)."""
        return [mail.message for mail in self.received]

    def messages_to(self, address: str) -> list[EmailMessage]:
        """Messages for `address` (case-insensitive), whether in To, Cc or only the envelope (Bcc)."""
        wanted = address.strip().lower()
        found = []
        for mail in self.received:
            headers = mail.message.get_all("To", []) + mail.message.get_all("Cc", [])
            addresses = {a.lower() for _, a in getaddresses([str(h) for h in headers])}
            addresses |= {a.lower() for a in mail.rcpt_tos}
            if wanted in addresses:
                found.append(mail.message)
        return found

    def wait_for(self, count: int = 1, timeout: float = 5.0) -> list[EmailMessage]:
        """Wait until at least `count` messages arrived; return them all. Fails the test on timeout."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self._received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    pytest.fail(
                        f"smtp_server: expected {count} message(s) within {timeout}s, "
                        f"got {len(self._received)}: "
                        f"{[str(m.message['Subject']) for m in self._received]}"
                    )
                self._lock.wait(left)
            return [mail.message for mail in self._received]

    def clear(self) -> None:
        with self._lock:
            self._received.clear()

    @staticmethod
    def body(message: EmailMessage) -> str:
        """The plain-text body of a message (its text/plain part if multipart)."""
        part = message.get_body(preferencelist=("plain", "html"))
        return part.get_content() if part is not None else ""


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1; Django's e-mail goes to it during the test."""
    server = SMTPServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield server
    finally:
        server.stop()
