"""A person's second factors: passkeys added and removed, all removed at a reset, and logins completed with one."""

from django.db import transaction
from django.utils.translation import gettext as _, gettext_lazy
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from revmod.accounts.models import User
from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.notifications.domain import notify


def factor_of(device) -> str:
    return "passkey" if isinstance(device, WebAuthnCredential) else "totp"


def passkeys_of(person: User):
    return WebAuthnCredential.objects.filter(user=person, confirmed=True).order_by("created_at")


def record_passkey_added(credential: WebAuthnCredential, *, actor, request=None) -> None:
    """The ceremony has saved the passkey (django-otp-webauthn); the trail and the person learn of it.

    Side effects, in order: an audit entry, an e-mail to the person (ASVS 2.2.3, 7.1.3).
    """
    record("accounts.passkey.added", actor=actor, target=credential.user, request=request,
           data={"passkey": credential.pk})
    notify(f"passkey-added:{credential.pk}", people=[credential.user], critical=True,
           subject=gettext_lazy("A passkey was added to your account"),
           body=gettext_lazy("A passkey was added to your account as a second factor. If you did not do this, "
                             "write to the secretariat at once."))


@transaction.atomic
def remove_passkey(credential: WebAuthnCredential, *, actor, request=None) -> None:
    """A person removes one of their passkeys, never their last second factor.

    Side effects, in order: the passkey is deleted, an audit entry, an e-mail to the person
    (ASVS 2.2.3, 7.1.3).
    """
    if actor.pk != credential.user_id:
        raise Refused(_("People remove their own passkeys."))
    person = User.objects.select_for_update().get(pk=credential.user_id)  # two removals cannot both pass the count
    if sum(1 for _device in devices_for_user(person, confirmed=True)) <= 1:
        raise Refused(_("This is your only second factor: add another one before removing it."))
    passkey = credential.pk
    credential.delete()
    record("accounts.passkey.removed", actor=actor, target=person, request=request, data={"passkey": passkey})
    notify(f"passkey-removed:{passkey}", people=[person], critical=True,
           subject=gettext_lazy("A passkey was removed from your account"),
           body=gettext_lazy("A passkey was removed from your account. If you did not do this, "
                             "write to the secretariat at once."))


def remove_all(person: User) -> int:
    """Every second factor of the person, confirmed or not (a reset of access); returns how many."""
    return (TOTPDevice.objects.filter(user=person).delete()[0]
            + WebAuthnCredential.objects.filter(user=person).delete()[0])


def record_second_factor_login(person: User, *, device, request=None) -> None:
    """The second step of a login succeeded, with an authenticator's code or a passkey (ASVS 7.1.3)."""
    record("accounts.login.verified", actor=person, target=person, request=request,
           data={"factor": factor_of(device), "device": device.persistent_id})
