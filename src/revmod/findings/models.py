"""Written feedback per article, lists of observations with typed items, and their summary.

Every editable row carries a `version` number: writes are compare-and-swap on it, so the
two reviewing States editing one joint submission never overwrite each other silently.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.findings.enums import FindingState, ItemKind


class WrittenFeedback(models.Model):
    """The joint written feedback of both reviewing States on one instrument (P&R 35)."""

    phase = models.ForeignKey("reviews.Phase", verbose_name=_("phase"), on_delete=models.CASCADE, related_name="written_feedback")
    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("state"), max_length=10, choices=FindingState.choices, default=FindingState.DRAFT)
    overview = models.TextField(_("general observations"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["phase", "instrument__order"]
        unique_together = [("phase", "instrument")]
        verbose_name = _("written feedback")


class FeedbackEntry(models.Model):
    """The feedback on one article, pointing at the SAQ answers it is about (P&R 35)."""

    feedback = models.ForeignKey(WrittenFeedback, verbose_name=_("written feedback"), on_delete=models.CASCADE, related_name="entries")
    article = models.ForeignKey("reference.Article", verbose_name=_("article"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("feedback"), blank=True)
    answers = models.ManyToManyField("questionnaires.Answer", verbose_name=_("answers referred to"), blank=True, related_name="+")
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("saved"), null=True, blank=True)

    class Meta:
        ordering = ["feedback", "article__number"]
        unique_together = [("feedback", "article")]
        verbose_name = _("feedback on an article")


class Clarification(models.Model):
    """A clarification question on one article, answered inline by the State under review (P&R 35)."""

    entry = models.ForeignKey(FeedbackEntry, verbose_name=_("article"), on_delete=models.CASCADE, related_name="clarifications")
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("asked"))
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "id"]
        verbose_name = _("clarification question")


class ObservationList(models.Model):
    """The list of observations on one instrument, and its summary (P&R 38)."""

    review = models.ForeignKey("reviews.CountryReview", verbose_name=_("review"), on_delete=models.CASCADE, related_name="observation_lists")
    phase = models.ForeignKey("reviews.Phase", verbose_name=_("phase"), on_delete=models.CASCADE, related_name="observation_lists")
    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("state"), max_length=10, choices=FindingState.choices, default=FindingState.DRAFT)
    summary = models.TextField(_("summary"), blank=True)
    summary_words = models.PositiveIntegerField(_("words in the summary"), default=0)
    version = models.PositiveIntegerField(_("version"), default=0)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    finalized_at = models.DateTimeField(_("finalized"), null=True, blank=True)

    class Meta:
        ordering = ["phase", "instrument__order"]
        unique_together = [("phase", "instrument")]
        verbose_name = _("list of observations")


class ObservationSection(models.Model):
    """Observations on the implementation of one article or group of articles (blueprint)."""

    list = models.ForeignKey(ObservationList, verbose_name=_("list of observations"), on_delete=models.CASCADE, related_name="sections")
    articles = models.ManyToManyField("reference.Article", verbose_name=_("articles"), related_name="+")
    text = models.TextField(_("observations on the implementation"), blank=True)
    confidential = models.BooleanField(_("confidential (kept out of the working-group version)"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(_("version"), default=0)

    class Meta:
        ordering = ["list", "order", "id"]
        verbose_name = _("section of a list of observations")


class ObservationItem(models.Model):
    """One challenge, good practice, recommendation or technical assistance need (P&R 38, 42).

    A record of its own so that follow-up can track it later; its cluster is derived from
    its articles, never stored.
    """

    list = models.ForeignKey(ObservationList, verbose_name=_("list of observations"), on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(ObservationSection, verbose_name=_("section"), null=True, blank=True, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    articles = models.ManyToManyField("reference.Article", verbose_name=_("articles"), related_name="+")
    text = models.TextField(_("text"))
    confidential = models.BooleanField(_("confidential (kept out of the working-group version)"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(_("version"), default=0)

    class Meta:
        ordering = ["list", "order", "id"]
        verbose_name = _("item of a list of observations")

    def clusters(self) -> set[int]:
        """The thematic clusters of the item's articles (derived, P&R 9)."""
        return {article.cluster_id for article in self.articles.all()}
