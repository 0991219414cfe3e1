"""Constructive dialogues with stakeholders: dialogues, organisations, applications, objections,
decisions, written comments, and the stakeholders a State consulted (P&R 23, 53)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.core.i18n import localized
from revmod.dialogues import rules
from revmod.dialogues.enums import (
    DecisionBasis, DialogueFormat, OrganisationKind, Outcome, StakeholderKind, WorkingGroup,
)

_PROTECT = models.PROTECT


class Dialogue(models.Model):
    """A dialogue after a working group session; texts in the six languages, keyed "ar".."es" (P&R 53).

    Its closing dates are computed from `held_on` by `rules`, never stored; the list for States,
    the chair's cancellation and the published summary are the acts recorded here.
    """

    working_group = models.CharField(_("working group"), max_length=10, choices=WorkingGroup.choices)
    session = models.CharField(_("session"), max_length=120)
    held_on = models.DateField(_("date"))
    format = models.CharField(_("format"), max_length=10, choices=DialogueFormat.choices)
    venue = models.CharField(_("venue or link"), max_length=300, blank=True)
    titles = models.JSONField(_("titles"), default=dict)
    topics = models.JSONField(_("topics"), default=dict)
    agenda = models.JSONField(_("agenda"), default=dict)
    practical_details = models.JSONField(_("practical details for participants"), default=dict)
    announced_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("announced by"), on_delete=_PROTECT, related_name="+")
    announced_at = models.DateTimeField(_("announced"))
    list_sent_at = models.DateTimeField(_("list of applicants sent to States"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    summary = models.JSONField(_("chair's summary"), default=dict)
    observations = models.JSONField(_("observations"), default=dict)
    published_at = models.DateTimeField(_("summary published"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("constructive dialogue")

    def __str__(self) -> str:
        return self.title or f"{self.get_working_group_display()} {self.held_on:%Y-%m-%d}"

    @property
    def title(self) -> str:
        return localized(self.titles)

    @property
    def dates(self) -> rules.DialogueDates:
        return rules.dates_of(self.held_on)

    def texts_to_search(self) -> str:
        return rules.search_text(self.session, self.titles, self.topics, self.agenda, self.summary, self.observations)

    def stage(self, today) -> str:
        return rules.stage(self.held_on, today, cancelled_at=self.cancelled_at, list_sent_at=self.list_sent_at,
                           published_at=self.published_at)


class StoredFile(models.Model):
    """A file checked by content and size when it came in; its hash proves it unchanged."""

    file = models.FileField(_("file"), upload_to="dialogues/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=60)
    sha256 = models.CharField(max_length=64)

    class Meta:
        abstract = True


class BackgroundDocument(StoredFile):
    """The agenda's background documents, one file per language (P&R 53(g))."""

    dialogue = models.ForeignKey(Dialogue, verbose_name=_("dialogue"), on_delete=models.CASCADE, related_name="documents")
    language = models.CharField(_("language"), max_length=2)
    title = models.CharField(_("title"), max_length=300)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=_PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"))

    class Meta:
        ordering = ["dialogue", "title", "language"]
        verbose_name = _("background document")


class Organisation(models.Model):
    """A registered NGO, academic institution or company; one per name and country, and per e-mail."""

    name = models.CharField(_("name"), max_length=300)
    name_key = models.CharField(max_length=300, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = models.ForeignKey("reference.Party", verbose_name=_("country"), on_delete=_PROTECT, related_name="+")
    areas = models.JSONField(_("areas of work"), default=list)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), unique=True)
    phone = models.CharField(_("telephone"), max_length=60, blank=True)
    website = models.URLField(_("website"), blank=True)
    language = models.CharField(_("preferred language"), max_length=2, default="en")
    registered_at = models.DateTimeField(_("registered"))
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        ordering = ["name_key", "id"]
        verbose_name = _("organisation")
        constraints = [models.UniqueConstraint(fields=["name_key", "country"], name="one_organisation_per_name_and_country")]

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    """An organisation's application to one dialogue; counts once confirmed by e-mail (P&R 53(d), (e))."""

    dialogue = models.ForeignKey(Dialogue, verbose_name=_("dialogue"), on_delete=_PROTECT, related_name="applications")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=_PROTECT, related_name="applications")
    representatives = models.TextField(_("who will attend"))
    note = models.TextField(_("note"), blank=True)
    applied_at = models.DateTimeField(_("applied"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    access_token_hash = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        ordering = ["dialogue", "organisation__name_key"]
        verbose_name = _("application")
        constraints = [models.UniqueConstraint(fields=["dialogue", "organisation"], name="one_application_per_dialogue")]

    def __str__(self) -> str:
        return str(self.organisation)


class Objection(models.Model):
    """A State's objection to an applicant, with its reason (P&R 53(d), (e))."""

    application = models.ForeignKey(Application, verbose_name=_("application"), on_delete=_PROTECT, related_name="objections")
    party = models.ForeignKey("reference.Party", verbose_name=_("State"), on_delete=_PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("made by"), on_delete=_PROTECT, related_name="+")
    made_at = models.DateTimeField(_("made"))

    class Meta:
        ordering = ["application", "party"]
        verbose_name = _("objection")
        constraints = [models.UniqueConstraint(fields=["application", "party"], name="one_objection_per_state")]


class Decision(models.Model):
    """The decision on an application, with its date and reason; the Bureau's decisions are
    recorded by the secretariat on its behalf (P&R 53(d), (e))."""

    application = models.OneToOneField(Application, verbose_name=_("application"), on_delete=_PROTECT, related_name="decision")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    basis = models.CharField(_("basis"), max_length=20, choices=DecisionBasis.choices)
    reason = models.TextField(_("reason"))
    decided_on = models.DateField(_("decided on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=_PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("decision")


class Comment(StoredFile):
    """Written comments of an applicant, as text, a file or both (P&R 53(d), (e))."""

    application = models.ForeignKey(Application, verbose_name=_("application"), on_delete=_PROTECT, related_name="comments")
    text = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"))
    file = models.FileField(_("file"), upload_to="dialogues/comments/%Y/%m/", blank=True)
    name = models.CharField(_("file name"), max_length=200, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    content_type = models.CharField(_("type"), max_length=60, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["application", "submitted_at"]
        verbose_name = _("written comment")


class ConsultedStakeholder(models.Model):
    """A stakeholder a State under review consulted for its answers (P&R 23)."""

    review = models.ForeignKey("reviews.CountryReview", verbose_name=_("review"), on_delete=models.CASCADE, related_name="consulted_stakeholders")
    organisation = models.ForeignKey(Organisation, verbose_name=_("registered organisation"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=StakeholderKind.choices)
    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), null=True, blank=True, on_delete=_PROTECT, related_name="+")
    how = models.TextField(_("how they were consulted"), blank=True)
    consulted_on = models.DateField(_("consulted on"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=_PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        ordering = ["review", "name"]
        verbose_name = _("consulted stakeholder")
