"""The outputs of a review's steps: versioned rich-text documents, attachments and messages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """One step's output for one instrument (e.g. the TIP written feedback of phase 1)."""

    step = models.ForeignKey("reviews.ReviewStep", verbose_name=_("step"), on_delete=models.CASCADE, related_name="documents")
    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    current_version = models.PositiveIntegerField(_("current version"), default=0)

    class Meta:
        ordering = ["step", "instrument__order"]
        unique_together = [("step", "instrument")]
        verbose_name = _("document")


class DocumentVersion(models.Model):
    """A saved state of a document; versions are never changed, only added."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    body = models.TextField(_("text"))
    word_count = models.PositiveIntegerField(_("words"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("saved"))

    class Meta:
        ordering = ["document", "number"]
        unique_together = [("document", "number")]


class Attachment(models.Model):
    """A file attached to a document or a dialogue message; served only as a download."""

    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey("documents.Message", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="attachments/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField()
    is_record = models.BooleanField(_("record of a call or meeting"), default=False)

    class Meta:
        ordering = ["uploaded_at", "id"]


class Message(models.Model):
    """A message of the written constructive dialogue, archived in the module (P&R 35-36)."""

    step = models.ForeignKey("reviews.ReviewStep", on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("reference.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reply_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies")
    body = models.TextField(_("message"))
    posted_at = models.DateTimeField()

    class Meta:
        ordering = ["posted_at", "id"]


class ClarificationQuestion(models.Model):
    """A question raised in written feedback, answered inline by the State under review (P&R 35)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField()
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "id"]
