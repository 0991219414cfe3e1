"""Material a State under review has published from its review, frozen as the public sees it (P&R 41)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.publication.enums import PublicationKind


class Publication(models.Model):
    """One act of publication: a frozen copy of the chosen material, until it is withdrawn.

    The body is the HTML the public site shows, fixed when the focal point confirmed it after
    seeing it: later edits of the source never change what is public. `parts` lists the
    question or message ids chosen; empty means the whole.
    """

    review = models.ForeignKey("reviews.CountryReview", verbose_name=_("review"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices)
    step = models.ForeignKey("reviews.ReviewStep", verbose_name=_("step"), on_delete=models.PROTECT, related_name="+")
    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    source_version = models.PositiveIntegerField(_("version of the source"), null=True, blank=True)
    parts = models.JSONField(_("parts published"), default=list, blank=True)
    language = models.CharField(_("language of the material"), max_length=10)
    body = models.TextField(_("published text"))
    fingerprint = models.CharField(max_length=64)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"), on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(_("published"))
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("withdrawn by"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["withdrawn_at", "published_at"])]
        verbose_name = _("publication")

    @property
    def is_whole(self) -> bool:
        return not self.parts


class PublicEdition(models.Model):
    """One row whose number moves on at every publication and withdrawal.

    The public site keeps pages per language and per edition, so a withdrawal is off every
    page of every server process at once, without a shared cache.
    """

    number = models.PositiveBigIntegerField(default=0)
