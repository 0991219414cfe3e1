"""Organisations' own acts, without an account: register, confirm by e-mail, apply, send written comments (P&R 53(d), (e))."""

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.core.i18n import short_language
from revmod.dialogues import rules
from revmod.documents.domain import checked_upload
from revmod.dialogues.domain.support import (
    MAX_TEXT_CHARS, link, new_token, store, tell_organisation, token_hash,
)
from revmod.dialogues.enums import Area, OrganisationKind, Outcome
from revmod.dialogues.models import Application, Comment, Dialogue, Organisation


def _duplicate(name: str, country, email: str) -> Organisation | None:
    return Organisation.objects.filter(Q(name_key=rules.name_key(name), country=country) | Q(contact_email=email)).first()


def register_organisation(*, name: str, kind: str, country, contact_name: str, contact_email: str,
                          areas: list[str] = (), phone: str = "", website: str = "", language: str = "en") -> Organisation:
    """Register an organisation, to be confirmed from its contact's e-mail (P&R 53(d), (e)).

    A second registration of the same name and country (case and spacing ignored) or of the
    same e-mail is refused, and nothing is changed. Side effects, in order: the organisation,
    an audit entry, the confirmation e-mail with a one-use link.
    """
    email = contact_email.strip().lower()
    if kind not in OrganisationKind.values:
        raise Refused(_("Choose the kind of organisation from the list."))
    if not name.strip() or not contact_name.strip() or not email:
        raise Refused(_("Give the organisation's name, a contact person and an e-mail address."))
    if any(area not in Area.values for area in areas):
        raise Refused(_("Choose the areas of work from the list."))
    existing = _duplicate(name, country, email)
    if existing is not None:
        raise _duplicate_refusal(existing, email)
    try:
        with transaction.atomic():
            return _create_organisation(name=" ".join(name.split())[:300], kind=kind, country=country,
                                        contact_name=contact_name.strip()[:200], contact_email=email,
                                        areas=sorted(set(areas)), phone=phone.strip()[:60], website=website.strip(),
                                        language=short_language(language))
    except IntegrityError:  # registered by someone else in the same instant
        raise _duplicate_refusal(_duplicate(name, country, email), email) from None


def _duplicate_refusal(existing: Organisation | None, email: str) -> Refused:
    if existing is not None and existing.contact_email == email:
        return Refused(_("An organisation is already registered with this e-mail address. Apply to a dialogue with it, or ask the secretariat to change the contact."))
    return Refused(_("An organisation with this name is already registered in this country. If it is yours, apply with the e-mail address it registered, or ask the secretariat."))


def _create_organisation(**fields) -> Organisation:
    token, hashed = new_token()
    organisation = Organisation.objects.create(name_key=rules.name_key(fields["name"]), registered_at=timezone.now(),
                                               confirm_token_hash=hashed, **fields)
    record("dialogues.organisation.registered", actor=None, target=organisation,
           data={"name": organisation.name, "country": organisation.country_id, "kind": organisation.kind})
    url = link(f"/dialogues/organisations/confirm/{token}/")
    tell_organisation(f"dialogues:org-confirm:{hashed[:16]}", organisation,
                      subject=gettext_lazy("Confirm your organisation's registration"),
                      body=lambda: _("To confirm the registration of %(name)s for the constructive dialogues of the review mechanism, open this link within %(days)s days: %(url)s")
                      % {"name": organisation.name, "days": settings.ACTIVATION_DAYS, "url": url})
    return organisation


@transaction.atomic
def confirm_organisation(token: str) -> Organisation:
    """The contact confirms the registration from the e-mailed link; the link works once."""
    organisation = Organisation.objects.select_for_update().filter(confirm_token_hash=token_hash(token)).first()
    if organisation is None:
        raise Refused(_("This link is not valid."))
    if organisation.confirmed_at:
        raise Refused(_("This link has already been used: the organisation is confirmed and may apply to dialogues."))
    if organisation.registered_at + timedelta(days=settings.ACTIVATION_DAYS) < timezone.now():
        raise Refused(_("This link has expired. Ask the secretariat to confirm the organisation."))
    organisation.confirmed_at = timezone.now()
    organisation.save(update_fields=["confirmed_at"])
    record("dialogues.organisation.confirmed", actor=None, target=organisation)
    return organisation


def _open_for_applications(dialogue: Dialogue, today: date) -> None:
    if dialogue.cancelled_at:
        raise Refused(_("This dialogue was cancelled."))
    if not rules.is_application_in_time(dialogue.held_on, today):
        raise Refused(_("Applications to this dialogue closed on %(day)s, 15 days before it (P&R 53). Your application was not recorded.")
                      % {"day": date_format(dialogue.dates.applications_close_on)})


@transaction.atomic
def apply_to_dialogue(dialogue: Dialogue, *, email: str, representatives: str, note: str = "",
                      today: date | None = None) -> Application | None:
    """Apply in the name of the confirmed organisation registered with `email` (P&R 53(d), (e)).

    The answer is the same whether or not the address is registered (no probing of the
    registry); what happens is told by e-mail to the registered address only. Side effects,
    in order: the application (or its new details), an audit entry, an e-mail with a one-use
    link to confirm it. Returns None when no confirmed organisation has that address.
    """
    today = today or timezone.localdate()
    _open_for_applications(dialogue, today)
    if not representatives.strip():
        raise Refused(_("Say who will attend for the organisation."))
    organisation = Organisation.objects.filter(contact_email=email.strip().lower(), confirmed_at__isnull=False).first()
    if organisation is None:
        return None
    application = Application.objects.select_for_update().filter(dialogue=dialogue, organisation=organisation).first()
    if application is not None and application.confirmed_at:
        _tell_already_confirmed(application)
        return application
    token, hashed = new_token()
    fields = {"representatives": representatives.strip()[:2000], "note": note.strip()[:MAX_TEXT_CHARS],
              "confirm_token_hash": hashed}
    if application is None:
        application = Application.objects.create(dialogue=dialogue, organisation=organisation,
                                                 applied_at=timezone.now(), **fields)
    else:  # a second try before confirming: the latest details and link count
        Application.objects.filter(pk=application.pk).update(**fields)
    record("dialogues.application.made", actor=None, target=application,
           data={"dialogue": dialogue.pk, "organisation": organisation.pk})
    url = link(f"/dialogues/applications/confirm/{token}/")
    tell_organisation(f"dialogues:app-confirm:{hashed[:16]}", organisation,
                      subject=gettext_lazy("Confirm your application to the constructive dialogue"),
                      body=lambda: _("To confirm that %(name)s applies to the constructive dialogue \"%(title)s\" on %(day)s, open this link by %(close)s: %(url)s")
                      % {"name": organisation.name, "title": dialogue, "day": date_format(dialogue.held_on),
                         "close": date_format(dialogue.dates.applications_close_on), "url": url})
    return application


def _tell_already_confirmed(application: Application) -> None:
    """A confirmed application is never changed from the public form; its contact is told why."""
    tell_organisation(f"dialogues:app-again:{application.pk}:{timezone.now():%Y%m%d%H%M%S%f}", application.organisation,
                      subject=gettext_lazy("Your organisation has already applied"),
                      body=lambda: _("%(name)s has already applied to the constructive dialogue \"%(title)s\" and confirmed it; nothing was changed. Its page is in the e-mail that confirmed the application; if it is lost, write to the secretariat.")
                      % {"name": application.organisation.name, "title": application.dialogue})


@transaction.atomic
def confirm_application(token: str, *, today: date | None = None) -> tuple[Application, str]:
    """Confirm an application from the e-mailed one-use link, by the closing date (P&R 53(d), (e)).

    Side effects, in order: `confirmed_at`, a new secret for the application's own page, an
    audit entry, an e-mail with that page's address. Returns the application and the secret.
    """
    today = today or timezone.localdate()
    application = (Application.objects.select_for_update().select_related("dialogue", "organisation")
                   .filter(confirm_token_hash=token_hash(token)).first())
    if application is None:
        raise Refused(_("This link is not valid, or a newer one was sent: use the latest e-mail."))
    if application.confirmed_at:
        raise Refused(_("This link has already been used: the application is confirmed. Your application's page is in the e-mail that confirmed it."))
    _open_for_applications(application.dialogue, today)
    access, hashed = new_token()
    application.confirmed_at, application.access_token_hash = timezone.now(), hashed
    application.save(update_fields=["confirmed_at", "access_token_hash"])
    record("dialogues.application.confirmed", actor=None, target=application)
    url = link(f"/dialogues/applications/{access}/")
    tell_organisation(f"dialogues:app-confirmed:{application.pk}:{hashed[:16]}", application.organisation,
                      subject=gettext_lazy("Your application to the constructive dialogue is confirmed"),
                      body=lambda: _("The application of %(name)s is on the list that goes to States on %(list)s. Follow it, and send written comments, on its page: %(url)s")
                      % {"name": application.organisation.name, "list": date_format(application.dialogue.dates.list_to_states_on), "url": url})
    return application, access


def application_for(access_token: str) -> Application | None:
    """The confirmed application whose page this secret opens, or None."""
    if not access_token:
        return None
    return (Application.objects.select_related("dialogue", "organisation__country", "decision")
            .filter(access_token_hash=token_hash(access_token), confirmed_at__isnull=False).first())


@transaction.atomic
def add_comment(application: Application, *, text: str = "", uploaded=None, today: date | None = None) -> Comment:
    """Written comments of an applicant, up to the day of the dialogue (P&R 53(d), (e)).

    Side effects, in order: the comment and its file (checked by size and content), an audit entry.
    """
    today = today or timezone.localdate()
    dialogue = application.dialogue
    if dialogue.cancelled_at:
        raise Refused(_("This dialogue was cancelled."))
    if today > dialogue.held_on:
        raise Refused(_("The dialogue has taken place: comments are no longer received."))
    decision = getattr(application, "decision", None)
    if decision is not None and decision.outcome == Outcome.NOT_ADMITTED:
        raise Refused(_("The application was not admitted: comments are not received."))
    text = text.strip()
    if not text and uploaded is None:
        raise Refused(_("Write your comments or attach a file."))
    if len(text) > MAX_TEXT_CHARS:
        raise Refused(_("A text is too long (at most %(n)s characters).") % {"n": MAX_TEXT_CHARS})
    comment = Comment(application=application, text=text, submitted_at=timezone.now())
    if uploaded is not None:
        data, kind, name = checked_upload(uploaded)
        store(comment, data, name, kind)
    comment.save()
    record("dialogues.comment.added", actor=None, target=comment,
           data={"application": application.pk, "name": comment.name, "sha256": comment.sha256})
    return comment


def application_to_confirm(token: str) -> Application | None:
    """The unconfirmed application a confirmation link is for, to show before confirming."""
    return (Application.objects.select_related("dialogue", "organisation")
            .filter(confirm_token_hash=token_hash(token), confirmed_at__isnull=True).first())
