"""Background delivery of queued notices by e-mail."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from revmod.notifications.models import Notification


@task()
def deliver_notification(notification_id: int) -> bool:
    """Send one notice unless it was sent already; on failure keep the error for a retry."""
    with transaction.atomic():
        notice = Notification.objects.select_for_update().filter(pk=notification_id, sent_at__isnull=True).first()
        if notice is None:
            return False
        notice.attempts += 1
        try:
            EmailMessage(notice.subject, notice.body, settings.DEFAULT_FROM_EMAIL, [notice.email]).send()
        except Exception as error:  # kept for the secretariat; the scheduler retries unsent notices
            notice.last_error = str(error)[:2000]
            notice.save(update_fields=["attempts", "last_error"])
            return False
        notice.sent_at = timezone.now()
        notice.last_error = ""
        notice.save(update_fields=["attempts", "last_error", "sent_at"])
        return True
