"""People: accounts, nominations received by note verbale, and the roles held per review."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from revmod.accounts.enums import Gender, InstitutionType, NominationStatus, Role


class PersonManager(UserManager):
    """People are found and created by e-mail; there is no user name."""

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def _create_user(self, email, password, **extra_fields):
        person = self.model(email=self.normalize_email(email), **extra_fields)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, is_secretariat=True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person; login is by e-mail. The State they serve is on their nominations, not here."""

    username = None
    email = models.EmailField(_("e-mail"), unique=True)
    title = models.CharField(_("title or function"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=60, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    institution_type = models.CharField(_("type of institution"), max_length=20, choices=InstitutionType.choices, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    language = models.CharField(_("preferred language"), max_length=7, default="en")
    is_secretariat = models.BooleanField(_("secretariat"), default=False)
    party = models.ForeignKey(
        "reference.Party", verbose_name=_("State"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="people",
        help_text=_("The State whose government the person serves; empty for the secretariat."),
    )
    profile_submitted_at = models.DateTimeField(_("profile submitted"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = PersonManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Nomination(models.Model):
    """A nomination received by note verbale, and the role it gives once approved (P&R 18, 27).

    Access to the review starts at `approved_at` and stops at `ended_at`; a replacement
    points at the nomination it replaces, so the history of a role is kept whole.
    """

    person = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="nominations")
    party = models.ForeignKey("reference.Party", verbose_name=_("State"), on_delete=models.PROTECT, related_name="nominations")
    review = models.ForeignKey("reviews.CountryReview", verbose_name=_("review"), on_delete=models.PROTECT, related_name="nominations")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    status = models.CharField(_("status"), max_length=20, choices=NominationStatus.choices, default=NominationStatus.RECORDED)
    note_verbale_ref = models.CharField(_("note verbale reference"), max_length=120, blank=True)
    note_verbale_on = models.DateField(_("note verbale dated"), null=True, blank=True)
    stated_name = models.CharField(_("name in the note verbale"), max_length=200)
    stated_title = models.CharField(_("title in the note verbale"), max_length=200, blank=True)
    stated_email = models.EmailField(_("e-mail in the note verbale"))
    stated_phone = models.CharField(_("telephone in the note verbale"), max_length=60, blank=True)
    replaces = models.ForeignKey("self", verbose_name=_("replaces"), null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by")
    clarification = models.TextField(_("clarification asked"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    handover_note = models.TextField(_("handover note"), blank=True)

    class Meta:
        ordering = ["review", "party", "role", "recorded_at"]
        verbose_name = _("nomination")
        constraints = [
            # One focal point per State per review at a time (P&R 18).
            models.UniqueConstraint(
                fields=["review", "party"],
                condition=Q(role=Role.FOCAL_POINT, status=NominationStatus.APPROVED, ended_at__isnull=True),
                name="one_active_focal_point_per_state_and_review",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stated_name} ({self.get_role_display()}, {self.party_id})"

    @property
    def is_active(self) -> bool:
        return self.status == NominationStatus.APPROVED and self.ended_at is None


class ActivationLink(models.Model):
    """A one-use link to set a password and second factor; valid ACTIVATION_DAYS days."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="activation_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)


class ApiToken(models.Model):
    """A personal token for the JSON API; only its hash is stored."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)


class LoginFailure(models.Model):
    """A failed password login, kept to throttle guessing (by account and by address)."""

    email = models.CharField(max_length=254, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)
