"""Questionnaire definitions with their questions, and each review's answers with their versions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from revmod.core.i18n import localized
from revmod.questionnaires.enums import DefinitionStatus, QuestionKind, ResponseStatus, VersionKind


class QuestionnaireDefinition(models.Model):
    """One questionnaire per instrument and cluster, in numbered versions (P&R 9, 34).

    A published version never changes: the secretariat edits a new draft version, and an
    answered questionnaire keeps the version it was answered against.
    """

    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="+")
    cluster = models.ForeignKey("reference.Cluster", verbose_name=_("cluster"), on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=DefinitionStatus.choices, default=DefinitionStatus.DRAFT)
    created_at = models.DateTimeField(_("created"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["instrument__order", "cluster__phase", "version"]
        unique_together = [("instrument", "cluster", "version")]
        verbose_name = _("questionnaire")

    def __str__(self) -> str:
        return str(_("%(instrument)s questionnaire, cluster %(cluster)s, version %(version)s") % {
            "instrument": self.instrument_id, "cluster": self.cluster_id, "version": self.version})


class Question(models.Model):
    """A question on one article, numbered in sequence per article (DOMAIN §6, step 3)."""

    definition = models.ForeignKey(QuestionnaireDefinition, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="questions")
    article = models.ForeignKey("reference.Article", verbose_name=_("article"), on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind of question"), max_length=20, choices=QuestionKind.choices)
    texts = models.JSONField(_("question"), default=dict)
    parent = models.ForeignKey("self", verbose_name=_("follow-up of"), null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups")
    shown_when = models.JSONField(_("shown when the answer to it is"), default=list, blank=True)

    class Meta:
        ordering = ["definition", "article__number", "number"]
        unique_together = [("definition", "article", "number")]
        verbose_name = _("question")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """"5.2": article 5, question 2."""
        return f"{self.article.number}.{self.number}"

    @property
    def text(self) -> str:
        return localized(self.texts)


class Response(models.Model):
    """A State's answers to one instrument's questionnaire in the SAQ step of a phase (P&R 34)."""

    step = models.ForeignKey("reviews.ReviewStep", verbose_name=_("step"), on_delete=models.CASCADE, related_name="+")
    instrument = models.ForeignKey("reference.Instrument", verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="+")
    definition = models.ForeignKey(QuestionnaireDefinition, verbose_name=_("questionnaire"), on_delete=models.PROTECT, related_name="responses")
    status = models.CharField(_("status"), max_length=10, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT)
    created_at = models.DateTimeField(_("started"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["step", "instrument__order"]
        unique_together = [("step", "instrument")]
        verbose_name = _("questionnaire answers")
        verbose_name_plural = _("questionnaire answers")

    def __str__(self) -> str:
        return str(_("%(instrument)s questionnaire of %(state)s") % {
            "instrument": self.instrument_id, "state": self.step.phase.review.party.name})


class Answer(models.Model):
    """The current answer to one question; `revision` is the compare-and-swap counter."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="+")
    value = models.JSONField(_("answer"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("saved"))

    class Meta:
        unique_together = [("response", "question")]
        verbose_name = _("answer")


class AnswerFile(models.Model):
    """A file given with one answer (a law, a judgment, statistics, a specimen document).

    Kept by this app, not as an attachment of the review's documents, so that a file of answers
    still being written stays inside the national team like the answers; a submission names the
    files it holds (`ResponseVersion.files`), and those are what the other readers may open.
    A removed file is only taken off the answer: versions that hold it keep it.
    """

    answer = models.ForeignKey(Answer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to="questionnaires/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("attached"))
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("file of an answer")

    def __str__(self) -> str:
        return self.name


class Comment(models.Model):
    """A note inside the national team on one question; never shown outside the team."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"))
    posted_at = models.DateTimeField(_("posted"))

    class Meta:
        ordering = ["posted_at", "id"]
        verbose_name = _("comment")


class ResponseVersion(models.Model):
    """A frozen copy of all the answers: every submission, save point and import is kept."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("kind"), max_length=12, choices=VersionKind.choices)
    answers = models.JSONField(_("answers"), default=dict)  # {question id: value}
    files = models.JSONField(_("files"), default=dict)  # {question id: [AnswerFile id, ...]}
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("saved"))

    class Meta:
        ordering = ["response", "number"]
        unique_together = [("response", "number")]
        verbose_name = _("version of the answers")


class PendingImport(models.Model):
    """A checked offline file waiting for the person to review its changes and apply them."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    file_name = models.CharField(max_length=200)
    rows = models.JSONField(default=dict)  # {question id: {"value", "revision", "hash"}}
