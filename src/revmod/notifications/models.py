"""Notifications: every message the platform sends, with its delivery state."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message to one person (or a mission address); delivered by a background task.

    `key` makes an event's notice to a recipient unique, so an event is never sent twice.
    """

    key = models.CharField(max_length=200, unique=True)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    email = models.EmailField(_("sent to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    review = models.ForeignKey("reviews.CountryReview", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
