"""Background delivery of queued notices by e-mail (never inside a web request)."""

from django_tasks import task

from revmod.notifications.domain.delivery import deliver


@task()
def deliver_notifications(notification_ids: list[int]) -> int:
    """Send a batch of notices over one mail connection; each is claimed first, so none goes twice."""
    return deliver(list(notification_ids))


@task()
def deliver_notification(notification_id: int) -> bool:
    """Send one notice unless it was sent already; on failure keep the error for a retry."""
    return deliver([notification_id]) == 1
