"""Single sign-on by OpenID Connect for organisations that run a provider: who it lets in.

Off unless REVMOD_OIDC_CLIENT_ID is set (settings.py, docs/security.md). The provider only
vouches for an e-mail address: the person must already exist here, active, with that address
(their nomination, recorded by the secretariat, made the account; P&R 18). Nobody is created
by a sign-on, and the second factor is still asked after it (SecondFactorMiddleware).
"""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from revmod.accounts.models import User


class NominatedPersonBackend(OIDCAuthenticationBackend):
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
