"""What States report on the follow-up of their reviews, and the good practices they share
in filling in the questionnaire (P&R 42-46).

The records themselves are the items of finalized lists of observations (`findings.ObservationItem`);
this app only adds what happens after the list: reports, kept in full, never overwritten.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.followup.enums import Progress

_PROTECT = models.PROTECT


class ProgressReport(models.Model):
    """A State's report on one record: the status as of a date, who met the need, what was done.

    Reports are only ever added: the latest by `as_of` is the current status, the earlier ones
    are the history (P&R 44, 46).
    """

    item = models.ForeignKey("findings.ObservationItem", verbose_name=_("record"), on_delete=models.CASCADE,
                             related_name="progress_reports")
    party = models.ForeignKey("reference.Party", verbose_name=_("State"), on_delete=_PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Progress.choices)
    as_of = models.DateField(_("situation as of"))
    met_by = models.CharField(_("assistance provided by"), max_length=300, blank=True)
    progress = models.TextField(_("what has been done"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=_PROTECT, related_name="+")
    reported_at = models.DateTimeField(_("reported"))

    class Meta:
        ordering = ["item", "-as_of", "-id"]
        indexes = [models.Index(fields=["item", "as_of", "id"], name="followup_report_latest")]
        verbose_name = _("progress report")


class QuestionnairePractice(models.Model):
    """A good practice or lesson of a State in filling in the questionnaire, shared with all
    States parties once its answers are submitted (P&R 42)."""

    review = models.ForeignKey("reviews.CountryReview", verbose_name=_("review"), on_delete=models.CASCADE,
                               related_name="questionnaire_practices")
    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), null=True, blank=True,
                                   on_delete=_PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("the practice and what was learnt"))
    language = models.CharField(_("language"), max_length=2, default="en")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("shared by"), on_delete=_PROTECT, related_name="+")
    shared_at = models.DateTimeField(_("shared"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-shared_at", "-id"]
        verbose_name = _("good practice in filling in the questionnaire")

    def __str__(self) -> str:
        return self.title
