"""Records of the drawing of lots: each draw with its published seed, and every redraw."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DrawStatus(models.TextChoices):
    QUEUED = "queued", _("waiting to run")
    RUNNING = "running", _("running")
    PREVIEW = "preview", _("ready to confirm")
    CONFIRMED = "confirmed", _("confirmed")
    FAILED = "failed", _("failed")


class Draw(models.Model):
    """A draw of groups and reviewing States (P&R 17, 28); replayable from `seed` by anyone."""

    seed = models.CharField(_("seed"), max_length=100)
    status = models.CharField(_("status"), max_length=10, choices=DrawStatus.choices, default=DrawStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.TextField(_("message"), blank=True)
    pairs = models.JSONField(_("pairings"), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    meeting = models.CharField(_("meeting where it was confirmed"), max_length=200, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("draw")


class Redraw(models.Model):
    """A redraw asked by the State under review or a reviewing State (P&R 28(d)-(f), 30)."""

    review = models.ForeignKey("reviews.CountryReview", on_delete=models.PROTECT, related_name="redraws")
    asked_by = models.ForeignKey("reference.Party", verbose_name=_("asked by"), on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=20)
    meeting = models.CharField(_("meeting"), max_length=200)
    old_reviewer = models.ForeignKey("reference.Party", verbose_name=_("reviewing State replaced"), on_delete=models.PROTECT, related_name="+")
    new_reviewer = models.ForeignKey("reference.Party", verbose_name=_("new reviewing State"), on_delete=models.PROTECT, related_name="+")
    added_reviewer = models.ForeignKey("reference.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    seed = models.CharField(_("seed"), max_length=100)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "id"]
        verbose_name = _("redraw")
