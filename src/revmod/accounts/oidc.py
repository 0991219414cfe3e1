"""Single sign-on by OpenID Connect for organisations that run a provider: who it lets in.

Off unless REVMOD_OIDC_CLIENT_ID is set (settings.py, docs/security.md); its two addresses
answer 404 while it is off. The provider only vouches for an e-mail address: the person must
already exist here, active, with that address (their nomination, recorded by the secretariat,
made the account; P&R 18). Nobody is created by a sign-on, and the second factor is still asked
after it (SecondFactorMiddleware). Every sign-on, accepted or refused, is in the audit trail.
Tested against a live provider: tests/infra/test_oidc_live.py.
"""

import functools
import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from revmod.accounts.models import User
from revmod.audit.domain import record

logger = logging.getLogger(__name__)


class NominatedPersonBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        """Only the callback asks this backend (it has checked the state and holds the nonce), never
        the password form. Whatever goes wrong with the provider is a refusal, not an error page:
        a code refused (used twice, expired), an id_token whose signature, nonce, audience or expiry
        does not hold (ASVS 3.5.3, OIDC Core 3.1.3.7)."""
        if kwargs.get("nonce") is None:
            return None
        try:
            person = super().authenticate(request, **kwargs)
        except (SuspiciousOperation, jwt.InvalidTokenError, requests.RequestException) as error:
            logger.warning("sign-on refused: %s", error)
            record("accounts.sign_on.refused", actor=None, request=request, data={"reason": type(error).__name__})
            return None
        if person is None:  # no active person here with the address, or the address not verified
            record("accounts.sign_on.refused", actor=None, request=request, data={"reason": "no such person"})
        else:
            record("accounts.sign_on", actor=person, target=person, request=request)
        return person

    def verify_token(self, token, **kwargs):
        """The library checks signature, expiry and nonce; the id_token must also be meant for us and,
        when REVMOD_OIDC_ISSUER is set, come from that issuer (OIDC Core 3.1.3.7, items 2 and 3)."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        if self.OIDC_RP_CLIENT_ID not in (audience if isinstance(audience, list) else [audience]) or "exp" not in payload:
            raise SuspiciousOperation("id_token not issued to this client, or without expiry")
        issuer = getattr(settings, "OIDC_OP_ISSUER", "")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("id_token from another issuer")
        return payload

    def verify_claims(self, claims) -> bool:
        """The provider must say the e-mail address is verified, not only give one."""
        return super().verify_claims(claims) and claims.get("email_verified") is True

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims):
        return None  # never: access follows nominations (OIDC_CREATE_USER is off as well)

    def get_user(self, user_id):
        """A person made inactive loses a session opened by sign-on, as one opened by password."""
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class SignOnCallback(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here; a refusal returns to the login page with a message."""

    def get(self, request):
        try:
            return super().get(request)
        except SuspiciousOperation as error:  # a state this session never sent: forged, replayed or expired
            logger.warning("sign-on refused: %s", error)
            return self.login_failure()

    def login_failure(self):
        messages.error(self.request, _(
            "Signing in with your organisation's account did not succeed. It works only for a person "
            "nominated here under the same e-mail address, which the organisation has verified. "
            "Log in with your e-mail address and password, or ask the secretariat."))
        return redirect("accounts:login")


def _only_when_configured(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)
    return wrapper


start = _only_when_configured(OIDCAuthenticationRequestView.as_view())
callback = _only_when_configured(SignOnCallback.as_view())


def sign_on(request) -> dict:
    """Context processor: whether the login page offers the sign-on, read at each request."""
    return {"sign_on_offered": settings.OIDC_ENABLED}
