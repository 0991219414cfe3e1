"""Delivery: background, retried on failure, bounces recorded, never twice, nothing lost if a worker dies."""

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from revmod.notifications.domain import notify
from revmod.notifications.domain.delivery import deliver, requeue_due
from revmod.notifications.enums import NoticeState
from revmod.notifications.models import Notification
from tests.notifications.conftest import BOUNCING_DOMAIN

pytestmark = pytest.mark.integration


def _queue(person, key="event"):
    return notify(key, people=[person], subject="Subject", body="Text")


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _time_passes(notice, delta):
    """Move the notice's clock marks back, as if `delta` had passed."""
    notice.refresh_from_db()
    Notification.objects.filter(pk=notice.pk).update(
        enqueued_at=notice.enqueued_at - delta, next_attempt_at=notice.next_attempt_at - delta)


def test_nothing_is_sent_inside_the_transaction_only_after_it_commits(cast, smtp_server, delivered):
    with delivered():
        [notice] = _queue(cast["fp.reviewed"])
        assert smtp_server.messages == []
        assert Notification.objects.get(pk=notice.pk).state == NoticeState.PENDING
    assert [m["To"] for m in smtp_server.wait_for(1)] == [cast["fp.reviewed"].email]
    assert Notification.objects.get(pk=notice.pk).state == NoticeState.SENT


def test_a_failed_delivery_keeps_its_error_and_is_retried_later_once(cast, smtp_server, settings, delivered):
    settings.EMAIL_PORT = _dead_port()
    with delivered():
        [notice] = _queue(cast["fp.reviewed"])
    notice.refresh_from_db()
    assert (notice.state, notice.attempts) == (NoticeState.FAILED, 1)
    assert "Connection refused" in notice.last_error
    assert notice.next_attempt_at > timezone.now()
    assert requeue_due() == 0  # not due yet: exponential backoff
    settings.EMAIL_PORT = smtp_server.port
    _time_passes(notice, timedelta(minutes=2))
    with delivered():
        assert requeue_due() == 1
    with delivered():
        assert requeue_due() == 0
    notice.refresh_from_db()
    assert (notice.state, notice.attempts, notice.last_error) == (NoticeState.SENT, 2, "")
    assert len(smtp_server.messages) == 1


def test_a_refused_recipient_is_a_bounce_and_is_not_retried(cast, bouncing_smtp_server, delivered):
    person = cast["fp.reviewed"]
    person.email = f"gone@{BOUNCING_DOMAIN}"
    person.save(update_fields=["email"])
    with delivered():
        [notice] = _queue(person)
    notice.refresh_from_db()
    assert notice.state == NoticeState.BOUNCED
    assert "550" in notice.last_error and "No such mailbox" in notice.last_error
    assert (notice.next_attempt_at, requeue_due()) == (None, 0)
    assert bouncing_smtp_server.messages == []


def test_a_notice_enqueued_twice_is_sent_once(cast, smtp_server):
    with_keys = _queue(cast["fp.reviewed"]) + _queue(cast["fp.reviewed"])  # the same event: one row
    assert len(with_keys) == 1
    assert deliver([with_keys[0].pk, with_keys[0].pk]) == 1
    assert deliver([with_keys[0].pk]) == 0
    assert len(smtp_server.messages) == 1


def test_a_worker_that_died_midway_loses_nothing(cast, smtp_server, delivered):
    """A claimed notice whose worker died, and a notice whose task was never enqueued, are both sent once."""
    claimed, forgotten = _queue(cast["fp.reviewed"], "a") + _queue(cast["expert.reviewed"], "b")
    long_ago = timezone.now() - timedelta(hours=2)
    Notification.objects.filter(pk=claimed.pk).update(state=NoticeState.SENDING, claimed_at=long_ago, attempts=1)
    Notification.objects.filter(pk=forgotten.pk).update(created_at=long_ago)
    with delivered():
        assert requeue_due() == 2
    assert sorted(m["To"] for m in smtp_server.messages) == sorted([cast["fp.reviewed"].email, cast["expert.reviewed"].email])
    assert set(Notification.objects.values_list("state", flat=True)) == {NoticeState.SENT}
    with delivered():
        assert requeue_due() == 0


def test_delivery_gives_up_after_the_last_attempt(cast, settings, delivered):
    settings.REVMOD_NOTICE_MAX_ATTEMPTS = 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _dead_port()
    with delivered():
        [notice] = _queue(cast["fp.reviewed"])
    notice.refresh_from_db()
    assert (notice.state, notice.next_attempt_at) == (NoticeState.FAILED, None)
    assert requeue_due() == 0


def test_the_database_task_queue_and_its_worker_deliver_the_notices(cast, smtp_server, settings, delivered):
    """The embedded default: the task waits in the database until `revmod db_worker` runs it.

    The worker's own loop closes the database connection between tasks, which the test's
    transaction does not survive on PostgreSQL; so the test takes the task and runs it with the
    worker's own `run_task`. `benchmarks/notifications.py` runs real `db_worker` processes.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with delivered():
        [notice] = _queue(cast["fp.reviewed"])
    assert smtp_server.messages == []
    worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="test-worker", excluded_queue_names=[])
    task = DBTaskResult.objects.ready().get_locked()
    task.claim(worker.worker_id)
    worker.run_task(task)
    assert [m["To"] for m in smtp_server.messages] == [cast["fp.reviewed"].email]
    assert Notification.objects.get(pk=notice.pk).state == NoticeState.SENT
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert DBTaskResult.objects.ready().count() == 0
