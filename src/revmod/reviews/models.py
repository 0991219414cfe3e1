"""Country reviews: groups, reviewing States, phases, steps, clearances and deadlines."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.reviews.enums import ExtensionStatus, SeatBasis, StepKind, StepStatus


class ReviewGroup(models.Model):
    """One of the three groups drawn by lot, with its start date and current phase (P&R 10, 17)."""

    number = models.PositiveSmallIntegerField(_("group"), primary_key=True)
    started_on = models.DateField(_("started on"))
    current_phase = models.PositiveSmallIntegerField(_("current phase"), default=1)
    phase_started_on = models.DateField(_("current phase started on"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("review group")

    def __str__(self) -> str:
        return str(_("Group %(n)s") % {"n": self.number})


class CountryReview(models.Model):
    """The review of one State under review, through the four phases (P&R 12, 25)."""

    party = models.OneToOneField("reference.Party", verbose_name=_("State under review"), on_delete=models.PROTECT, related_name="review")
    group = models.ForeignKey(ReviewGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="reviews")
    started_on = models.DateField(_("started on"))

    class Meta:
        ordering = ["party__iso3"]
        verbose_name = _("country review")

    def __str__(self) -> str:
        return str(_("Review of %(state)s") % {"state": self.party.name})


class ReviewerSeat(models.Model):
    """A reviewing State for one instrument of a review, from the draw or a redraw (P&R 28)."""

    review = models.ForeignKey(CountryReview, verbose_name=_("review"), on_delete=models.CASCADE, related_name="seats")
    reviewer = models.ForeignKey("reference.Party", verbose_name=_("reviewing State"), on_delete=models.PROTECT, related_name="seats")
    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="+")
    basis = models.CharField(_("basis"), max_length=20, choices=SeatBasis.choices)
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["review", "instrument__order", "basis"]
        verbose_name = _("reviewing State seat")


class Phase(models.Model):
    """One cluster of a review, with what its initial consultation agreed (P&R 31, 50)."""

    review = models.ForeignKey(CountryReview, verbose_name=_("review"), on_delete=models.CASCADE, related_name="phases")
    cluster = models.ForeignKey("reference.Cluster", verbose_name=_("cluster"), on_delete=models.PROTECT, related_name="+")
    opened_on = models.DateField(_("opened on"))
    consulted_on = models.DateField(_("initial consultation held on"), null=True, blank=True)
    working_languages = models.ManyToManyField("reference.Language", verbose_name=_("working languages"), blank=True)
    exceptional_language_reason = models.TextField(_("reason for a third working language"), blank=True)
    division_of_tasks = models.TextField(_("division of tasks between the reviewing experts"), blank=True)
    finalized_at = models.DateTimeField(_("finalized"), null=True, blank=True)

    class Meta:
        ordering = ["review", "cluster__phase"]
        unique_together = [("review", "cluster")]
        verbose_name = _("phase")


class ReviewStep(models.Model):
    phase = models.ForeignKey(Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("step"), max_length=20, choices=StepKind.choices)
    order = models.PositiveSmallIntegerField()
    status = models.CharField(_("status"), max_length=10, choices=StepStatus.choices, default=StepStatus.PENDING)
    due_on = models.DateField(_("agreed deadline"), null=True, blank=True)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    done_on = models.DateField(_("submitted on"), null=True, blank=True)

    class Meta:
        ordering = ["phase", "order"]
        unique_together = [("phase", "kind")]
        verbose_name = _("step")

    def __str__(self) -> str:
        return str(self.get_kind_display())


class StepClearance(models.Model):
    """A focal point's clearance of a step's output for its State (DOMAIN §6, P&R 39)."""

    step = models.ForeignKey(ReviewStep, on_delete=models.CASCADE, related_name="clearances")
    party = models.ForeignKey("reference.Party", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        unique_together = [("step", "party")]


class ExtensionRequest(models.Model):
    """A State's request to move a step's deadline (approved by the other side or the secretariat)."""

    step = models.ForeignKey(ReviewStep, verbose_name=_("step"), on_delete=models.CASCADE, related_name="extension_requests")
    party = models.ForeignKey("reference.Party", verbose_name=_("asked by"), on_delete=models.PROTECT, related_name="+")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField()
    new_due_on = models.DateField(_("new deadline"))
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=10, choices=ExtensionStatus.choices, default=ExtensionStatus.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)


class DeadlineChange(models.Model):
    """The history of a step's agreed deadline."""

    step = models.ForeignKey(ReviewStep, on_delete=models.CASCADE, related_name="deadline_changes")
    old_due_on = models.DateField(null=True, blank=True)
    new_due_on = models.DateField()
    reason = models.CharField(max_length=300)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField()
    extension = models.ForeignKey(ExtensionRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["changed_at", "id"]
