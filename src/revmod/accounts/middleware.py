"""Requiring the second factor for every account that can see confidential material."""

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect

OPEN_PREFIXES = ("/accounts/", "/static/", "/api/", "/i18n/", "/public/")


class SecondFactorMiddleware:
    """A session logged in with a password only is sent to verify its second factor.

    Every account is a confidential-material account except the anonymous visitor, so the
    rule is simple: no verified second factor, no page beyond the login and public ones.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (settings.REVMOD_REQUIRE_SECOND_FACTOR and user.is_authenticated
                and not user.is_verified() and not request.path.startswith(OPEN_PREFIXES)
                and request.path != "/"):
            if not user.is_active:
                logout(request)
            return redirect("accounts:verify")
        return self.get_response(request)
