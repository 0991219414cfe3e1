"""Notifications: every message the platform sends, with its delivery state, and each person's settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.core.i18n import localized
from revmod.notifications.enums import Frequency, NoticeKind, NoticeState


class Notification(models.Model):
    """One notice to one person (or a mission address): in their inbox, and e-mailed by a background task.

    `key` makes an event's notice to a recipient unique, so an event is never sent twice.
    """

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices, default=NoticeKind.ACCOUNT)
    critical = models.BooleanField(_("cannot be turned off"), default=True)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    email = models.EmailField(_("sent to"))
    cc = models.JSONField(_("copied to"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=7, default="en")
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    review = models.ForeignKey("reviews.CountryReview", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    step = models.ForeignKey("reviews.ReviewStep", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(_("delivery"), max_length=12, choices=NoticeState.choices, default=NoticeState.PENDING)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    digest = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="digested")
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notice")
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="notice_delivery_idx"),
            models.Index(fields=["recipient", "read_at"], name="notice_inbox_idx"),
            models.Index(fields=["review", "created_at"], name="notice_review_idx"),
        ]

    def __str__(self) -> str:
        return self.subject


class NotificationPreference(models.Model):
    """How often a person wants e-mail for what is not critical; missed deadlines always go."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference")
    frequency = models.CharField(_("e-mail me"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    monthly_digest = models.BooleanField(_("a monthly digest of what happened in my reviews"), default=True)

    class Meta:
        verbose_name = _("notification preference")


class CalendarFeed(models.Model):
    """A private, revocable link to a person's deadlines as an iCalendar feed; only its hash is kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar link")


class MessageTemplate(models.Model):
    """A notice's subject and text in the six languages, which the secretariat edits (P&R 49).

    Texts hold placeholders such as {state}, {step}, {due_on}; see `defaults.PLACEHOLDERS`.
    """

    code = models.CharField(_("code"), max_length=40, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    subjects = models.JSONField(_("subjects"), default=dict)
    bodies = models.JSONField(_("texts"), default=dict)
    for_reminders = models.BooleanField(_("offered for reminders sent by hand"), default=False)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["code"]
        verbose_name = _("message template")

    def __str__(self) -> str:
        return self.name

    def texts(self, language: str) -> tuple[str, str]:
        """(subject, text) in the language, else in English."""
        return localized(self.subjects, language), localized(self.bodies, language)
