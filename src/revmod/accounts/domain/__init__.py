"""Nominations as they really happen: note verbale, activation, profile, approval, handover."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from revmod.accounts.domain import second_factor
from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import ActivationLink, ApiToken, Nomination, User
from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.notifications.domain import notify
from revmod.reviews import policy
from revmod.reviews.domain.notices import nomination_approved


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def record_nomination(review, *, actor, party, role: str, name: str, email: str, title: str = "",
                      phone: str = "", note_verbale_ref: str = "", note_verbale_on=None,
                      replaces: Nomination | None = None) -> Nomination:
    """The secretariat records a nomination received by note verbale (Status 2024 para 11-20).

    Side effects, in order: the person's account (inactive until activated) if new, the
    nomination, an audit entry, an activation e-mail when the person has no password yet.
    """
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat records nominations."))
    if role not in Role.values:
        raise Refused(_("Unknown role: %(role)s.") % {"role": role})
    if policy.side_of_party(review, party.pk) is None:
        raise Refused(_("%(state)s is neither the State under review nor a reviewing State of this review.") % {"state": party.name})
    if replaces is not None and (replaces.review_id != review.pk or replaces.party_id != party.pk or replaces.role != role):
        raise Refused(_("A replacement must be for the same review, State and role."))
    email = User.objects.normalize_email(email).strip()
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        first, _sep, last = name.strip().partition(" ")
        person = User.objects.create_user(email=email, password=None, first_name=first, last_name=last,
                                          title=title, phone=phone, party=party, is_active=False)
    nomination = Nomination.objects.create(
        person=person, party=party, review=review, role=role, stated_name=name.strip(), stated_title=title,
        stated_email=email, stated_phone=phone, note_verbale_ref=note_verbale_ref,
        note_verbale_on=note_verbale_on, replaces=replaces)
    record("accounts.nomination.recorded", actor=actor, target=nomination, review=review,
           data={"party": party.pk, "role": role, "email": email})
    if not person.has_usable_password():
        send_activation(person)
    elif person.profile_submitted_at:
        nomination.status = NominationStatus.PROFILE_SUBMITTED
        nomination.save(update_fields=["status"])
    return nomination


def send_activation(person: User, *, reset: bool = False) -> str:
    """A fresh one-use link valid ACTIVATION_DAYS days; earlier unused links stop working.

    `reset`: the person had access and the secretariat reset it (a lost phone), so the e-mail
    says that instead of announcing a nomination.
    """
    token = secrets.token_urlsafe(32)
    person.activation_links.filter(used_at__isnull=True).update(expires_at=timezone.now())
    ActivationLink.objects.create(person=person, token_hash=_hash(token),
                                  expires_at=timezone.now() + timedelta(days=settings.ACTIVATION_DAYS))
    url = f"{settings.SITE_URL}/accounts/activate/{token}/"
    text = ACCESS_RESET_TEXT if reset else NOMINATED_TEXT
    notify(f"activation:{person.pk}:{_hash(token)[:12]}", people=[person],
           subject=gettext_lazy("Your access to the review mechanism's secure module"),
           body=lambda p: str(text) % {"days": settings.ACTIVATION_DAYS, "url": url})
    return token


NOMINATED_TEXT = gettext_lazy(
    "You have been nominated to take part in the review mechanism. Set your password and second factor here "
    "within %(days)s days: %(url)s")
ACCESS_RESET_TEXT = gettext_lazy(
    "The secretariat has reset your access to the review mechanism's secure module, as you asked. Your old "
    "password, authenticator and passkeys no longer work. Set a new password and second factor here within "
    "%(days)s days: %(url)s If you did not ask for this, write to the secretariat at once.")


@transaction.atomic
def reset_access(person: User, *, actor, request=None) -> None:
    """The secretariat resets the access of a person who lost their second factor (ASVS 2.5.6):
    nothing of the old credentials is left, and the person sets new ones from a fresh link.

    Side effects, in order: every second factor (TOTP devices, passkeys) deleted, the password
    made unusable (which also ends every open session: Django checks a session against the
    password), the API tokens revoked, an audit entry, the e-mail with the new link.
    """
    if not policy.is_secretariat(actor):
        raise Refused(_("The secretariat resets access."))
    if actor.pk == person.pk:
        raise Refused(_("Ask a colleague: nobody resets their own access."))
    devices = second_factor.remove_all(person)
    person.set_unusable_password()
    person.save(update_fields=["password"])
    tokens = person.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    record("accounts.access.reset", actor=actor, target=person, request=request,
           data={"second_factors_removed": devices, "api_tokens_revoked": tokens})
    send_activation(person, reset=True)


def link_for(token: str) -> ActivationLink:
    """The activation link behind a token, or a refusal that says what is wrong with it."""
    link = ActivationLink.objects.select_related("person").filter(token_hash=_hash(token)).first()
    if link is None:
        raise Refused(_("This activation link is not valid."))
    if link.used_at is not None:
        raise Refused(_("This activation link has already been used. Log in, or ask for a new link."))
    if link.expires_at <= timezone.now():
        raise Refused(_("This activation link has expired. Ask for a new one below."))
    return link


@transaction.atomic
def activate(token: str, *, password: str, totp_device) -> User:
    """Set the password and confirm the second factor; the link is used up."""
    link = link_for(token)
    person = link.person
    person.set_password(password)
    person.is_active = True
    person.save(update_fields=["password", "is_active"])
    totp_device.user = person
    totp_device.confirmed = True
    totp_device.save()
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    record("accounts.person.activated", actor=person, target=person)
    return person


def request_new_link(email: str) -> None:
    """Anyone may ask again; a link goes out only to a nominated person not yet activated.

    The answer shown is the same whether or not the address is known (no account probing).
    """
    person = User.objects.filter(email__iexact=email.strip(), nominations__isnull=False).distinct().first()
    if person is not None and not person.has_usable_password():
        send_activation(person)
        record("accounts.activation.resent", actor=None, target=person)


@transaction.atomic
def submit_profile(person: User, *, actor, **fields) -> User:
    """The person completes and submits their profile; their nominations await approval."""
    if actor.pk != person.pk:
        raise Refused(_("People submit their own profile."))
    for key in ("first_name", "last_name", "title", "phone", "gender", "institution_type", "institution", "language"):
        if key in fields:
            setattr(person, key, fields[key])
    if not (person.first_name and person.last_name and person.gender and person.institution_type):
        raise Refused(_("Fill in your name, gender and type of institution."))
    person.profile_submitted_at = timezone.now()
    person.save()
    person.nominations.filter(status__in=[NominationStatus.RECORDED, NominationStatus.CLARIFICATION]).update(
        status=NominationStatus.PROFILE_SUBMITTED)
    record("accounts.profile.submitted", actor=actor, target=person)
    return person


@transaction.atomic
def approve_nomination(nomination: Nomination, *, actor) -> Nomination:
    """The secretariat approves the profile against the note verbale; access starts now.

    A focal point's approval ends the one they replace (P&R 18): their pending work is handed
    over by the replacement note. Side effects, in order: end of the replaced role, the
    approval, an audit entry, an e-mail to the person.
    """
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat approves nominations."))
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.status != NominationStatus.PROFILE_SUBMITTED:
        raise Refused(_("This nomination cannot be approved: its profile has not been submitted."))
    now = timezone.now()
    if nomination.role == Role.FOCAL_POINT:
        current = Nomination.objects.filter(review=nomination.review, party=nomination.party, role=Role.FOCAL_POINT,
                                            status=NominationStatus.APPROVED, ended_at__isnull=True).first()
        if current and nomination.replaces_id != current.pk:
            raise Refused(_("%(state)s already has a focal point for this review: record the new one as a replacement.") % {"state": nomination.party.name})
        if current:
            end_nomination(current, actor=actor, reason="replaced")
    nomination.status, nomination.approved_at = NominationStatus.APPROVED, now
    try:
        with transaction.atomic():
            nomination.save(update_fields=["status", "approved_at"])
    except IntegrityError as error:
        raise Refused(_("%(state)s already has a focal point for this review.") % {"state": nomination.party.name}) from error
    record("accounts.nomination.approved", actor=actor, target=nomination, review=nomination.review,
           data={"party": nomination.party_id, "role": nomination.role})
    notify(f"approved:{nomination.pk}", people=[nomination.person], review=nomination.review,
           subject=gettext_lazy("Your nomination has been approved"),
           body=lambda p: _("You now have access to the review of %(state)s.") % {"state": nomination.review.party.name})
    nomination_approved(nomination)
    return nomination


@transaction.atomic
def ask_clarification(nomination: Nomination, *, actor, question: str) -> Nomination:
    """The profile does not match the note verbale: the secretariat asks the person."""
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat reviews nominations."))
    if not question.strip():
        raise Refused(_("Say what needs to be clarified."))
    nomination.status, nomination.clarification = NominationStatus.CLARIFICATION, question.strip()
    nomination.save(update_fields=["status", "clarification"])
    record("accounts.nomination.clarification", actor=actor, target=nomination, review=nomination.review)
    notify(f"clarify:{nomination.pk}:{_hash(question)[:8]}", people=[nomination.person], review=nomination.review,
           subject=gettext_lazy("Your nomination: clarification needed"), body=question.strip())
    return nomination


def end_nomination(nomination: Nomination, *, actor, reason: str) -> Nomination:
    """End a role (replacement, withdrawal); access stops, history stays."""
    nomination.ended_at = timezone.now()
    nomination.handover_note = reason
    nomination.save(update_fields=["ended_at", "handover_note"])
    record("accounts.nomination.ended", actor=actor, target=nomination, review=nomination.review,
           data={"reason": reason})
    policy.forget_roles(nomination.person)
    return nomination


def create_api_token(person: User, *, name: str) -> str:
    """A new API token; the clear value is shown once and only its hash is kept."""
    token = "rvm_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(person=person, name=name or "API", token_hash=_hash(token))
    record("accounts.token.created", actor=person, target=person, data={"name": name})
    return token


def person_for_token(token: str) -> User | None:
    row = ApiToken.objects.select_related("person").filter(token_hash=_hash(token), revoked_at__isnull=True).first()
    if row is None or not row.person.is_active:
        return None
    if row.last_used_at is None or timezone.now() - row.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())  # at most one write in five minutes
    return row.person
