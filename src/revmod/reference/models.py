"""Reference data: instruments, articles, clusters, regional groups, parties and languages.

All of it is data the secretariat can edit; texts are kept in the six UN languages
(JSON keyed by "ar", "zh", "en", "fr", "ru", "es") and read through `localized()`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.core.i18n import localized
from revmod.reference.enums import InstrumentCode


class Language(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    names = models.JSONField(_("names"), default=dict)
    right_to_left = models.BooleanField(_("right to left"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("working language")

    def __str__(self) -> str:
        return localized(self.names) or self.code


class Instrument(models.Model):
    code = models.CharField(_("code"), max_length=5, choices=InstrumentCode.choices, primary_key=True)
    names = models.JSONField(_("names"), default=dict)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("instrument")

    def __str__(self) -> str:
        return localized(self.names) or self.code


class Cluster(models.Model):
    """A thematic cluster; `phase` is its place in the workplan (P&R 9, appendix table 2)."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    names = models.JSONField(_("names"), default=dict)
    phase = models.PositiveSmallIntegerField(_("review phase"), unique=True)

    class Meta:
        ordering = ["phase"]
        verbose_name = _("thematic cluster")

    def __str__(self) -> str:
        return localized(self.names) or str(self.number)


class Article(models.Model):
    """A reviewed article and its cluster (P&R 9, appendix table 1)."""

    instrument = models.ForeignKey(Instrument, verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="articles")
    number = models.PositiveSmallIntegerField(_("article"))
    titles = models.JSONField(_("titles"), default=dict)
    cluster = models.ForeignKey(Cluster, verbose_name=_("cluster"), on_delete=models.PROTECT, related_name="articles")
    only_for_non_uncac_parties = models.BooleanField(
        _("reviewed only for parties that are not UNCAC parties"), default=False,
    )

    class Meta:
        ordering = ["instrument__order", "number"]
        unique_together = [("instrument", "number")]
        verbose_name = _("article")

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.number}"

    @property
    def title(self) -> str:
        return localized(self.titles)


class RegionalGroup(models.Model):
    code = models.CharField(_("code"), max_length=10, primary_key=True)
    names = models.JSONField(_("names"), default=dict)

    class Meta:
        ordering = ["code"]
        verbose_name = _("regional group")

    def __str__(self) -> str:
        return localized(self.names) or self.code


class Party(models.Model):
    """A State party, a signatory taking part voluntarily (P&R 52), or the European Union."""

    iso3 = models.CharField(_("code"), max_length=3, primary_key=True)
    names = models.JSONField(_("names"), default=dict)
    regional_group = models.ForeignKey(
        RegionalGroup, verbose_name=_("regional group"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="parties",
    )
    is_signatory_only = models.BooleanField(_("signatory taking part voluntarily"), default=False)
    uncac_party = models.BooleanField(_("party to UNCAC"), default=False)
    uncac_on = models.DateField(_("UNCAC party since"), null=True, blank=True)
    joined_after_draw = models.BooleanField(_("joined after the drawing of lots"), default=False)
    legal_tradition = models.CharField(_("legal tradition"), max_length=40, blank=True)
    mission_email = models.EmailField(_("permanent mission e-mail"), blank=True)
    correspondence_language = models.CharField(
        _("language of correspondence"), max_length=7, choices=settings.LANGUAGES, default="en",
        help_text=_("The UN language in which the mission is written to when it stands in for a focal point."))
    focal_point_public_info = models.TextField(_("focal point: general information"), blank=True)

    class Meta:
        ordering = ["iso3"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.names) or self.iso3


class Adherence(models.Model):
    """A party's adherence to an instrument (ratification, accession, ...)."""

    party = models.ForeignKey(Party, verbose_name=_("party"), on_delete=models.CASCADE, related_name="adherences")
    instrument = models.ForeignKey(Instrument, verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="adherences")
    adhered_on = models.DateField(_("party since"), null=True, blank=True)

    class Meta:
        unique_together = [("party", "instrument")]
        ordering = ["party", "instrument__order"]
        verbose_name = _("adherence")
