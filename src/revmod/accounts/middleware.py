"""Requiring the second factor for every account that can see confidential material, and ending idle or old sessions."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

AFTER_VERIFY_KEY = "revmod_after_verify"
OPEN_PREFIXES = ("/static/", "/api/", "/i18n/", "/public/")  # the API takes tokens, never the session
# What a session with a password only may reach: the steps of logging in, and nothing of the
# account itself (a profile, an API token, a passkey are only for a verified session).
LOGIN_STEPS = ("/accounts/login/", "/accounts/logout/", "/accounts/verify/", "/accounts/activate/",
               "/accounts/new-link/", "/accounts/passkeys/authentication/", "/accounts/passkeys/jsi18n/")


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
                and not user.is_verified() and not request.path.startswith(OPEN_PREFIXES + LOGIN_STEPS)
                and request.path != "/"):
            if not user.is_active:
                logout(request)
            elif request.method == "GET":  # back to this page once verified (an e-mailed link, a bookmark)
                request.session[AFTER_VERIFY_KEY] = request.get_full_path()
            return redirect("accounts:verify")
        return self.get_response(request)


STARTED_KEY, SEEN_KEY = "revmod_session_started_at", "revmod_session_seen_at"
SEEN_RESOLUTION = 60  # seconds: the last-seen time is written at most once a minute, not on every request


class SessionExpiryMiddleware:
    """A session ends REVMOD_SESSION_IDLE_SECONDS after its last request (idle) and
    SESSION_COOKIE_AGE after it began (absolute), even if used all along (ASVS 3.3.1, 3.3.2).

    Side effects, in order: the person is logged out (the session is flushed), and the page
    asks them to log in again, coming back to where they were.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now, session = time.time(), request.session
            started, seen = session.setdefault(STARTED_KEY, now), session.get(SEEN_KEY, now)
            if now - seen > settings.REVMOD_SESSION_IDLE_SECONDS or now - started > settings.SESSION_COOKIE_AGE:
                logout(request)
                return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path(), 'expired': 1})}")
            if now - seen >= SEEN_RESOLUTION or SEEN_KEY not in session:
                session[SEEN_KEY] = now
        return self.get_response(request)
