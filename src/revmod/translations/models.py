"""Unofficial machine translations of an exact version of a review document (P&R 50)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.translations.enums import Failure, TranslationStatus


class Translation(models.Model):
    """One request to translate one document version into one language; its result once done.

    The text is an informal interim version, never the official one: it points at the exact
    `DocumentVersion` it was made from, so a later version of the document never changes it.
    `segments` keeps each block translated so far: a retry after a failure goes on from there.
    """

    source = models.ForeignKey("documents.DocumentVersion", verbose_name=_("source version"), on_delete=models.CASCADE,
                               related_name="translations")
    source_language = models.CharField(_("from"), max_length=2)
    target_language = models.CharField(_("into"), max_length=2)
    status = models.CharField(_("status"), max_length=10, choices=TranslationStatus.choices,
                              default=TranslationStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    blocks_total = models.PositiveIntegerField(_("blocks of text"), default=0)
    segments = models.JSONField(_("blocks translated so far"), default=list, blank=True)
    body = models.TextField(_("translated text"), blank=True)
    engine = models.CharField(_("translation engine"), max_length=300, blank=True)
    failure = models.CharField(_("failure"), max_length=20, choices=Failure.choices, default=Failure.NONE, blank=True)
    failure_detail = models.TextField(_("failure detail for the operator"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(_("requested"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    touched_at = models.DateTimeField(_("last progress"), null=True, blank=True)

    class Meta:
        ordering = ["source", "target_language"]
        verbose_name = _("machine translation")
        constraints = [models.UniqueConstraint(fields=["source", "source_language", "target_language"],
                                               name="translations_one_per_version_and_pair")]
