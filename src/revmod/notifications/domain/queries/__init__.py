"""Reads of notices: a person's inbox, a review's delivery log, a person's deadlines."""

from django.db.models import QuerySet

from revmod.notifications.models import CalendarFeed, MessageTemplate, Notification
from revmod.reviews import policy
from revmod.reviews.enums import StepStatus
from revmod.reviews.models import ReviewStep


def inbox_of(person) -> QuerySet[Notification]:
    """Every notice to the person, newest first, whatever became of its e-mail."""
    return Notification.objects.filter(recipient=person).select_related("review__party")


def unread_count(person) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).count()


def delivery_log(review) -> QuerySet[Notification]:
    """What was sent about a review, to whom, when, and what became of it (for the secretariat)."""
    return Notification.objects.filter(review=review).select_related("recipient", "step").order_by("-created_at", "-id")


def deadlines_for(person) -> QuerySet[ReviewStep]:
    """The deadlines still to meet in every review the person may open (the one policy, STYLE 6)."""
    return (ReviewStep.objects.filter(phase__review__in=policy.reviews_visible_to(person), due_on__isnull=False)
            .exclude(status=StepStatus.DONE).select_related("phase__review__party", "phase__cluster")
            .order_by("due_on", "pk"))


def has_calendar_feed(person) -> bool:
    return CalendarFeed.objects.filter(user=person, revoked_at__isnull=True).exists()


def reminder_templates() -> QuerySet[MessageTemplate]:
    return MessageTemplate.objects.filter(for_reminders=True)
