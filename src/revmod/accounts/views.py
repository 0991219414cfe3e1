"""Pages of people: login with a second factor (code or passkey), activation, profile, and nominations."""

import functools
import json
import os
import time
from collections.abc import Callable
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login, match_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn import exceptions as webauthn_errors, views as webauthn_views
from django_otp_webauthn.models import WebAuthnCredential

from revmod.accounts import domain, throttle
from revmod.accounts.middleware import AFTER_VERIFY_KEY
from revmod.accounts.domain import second_factor
from revmod.accounts.enums import NominationStatus
from revmod.accounts.forms import (ActivationForm, ApiTokenForm, ClarificationForm, NewLinkForm, NominationForm,
                                   ProfileForm, TokenForm)
from revmod.accounts.models import Nomination
from revmod.core.errors import Refused
from revmod.reference.models import Party
from revmod.reviews.domain.queries.nominations import overdue_nominations
from revmod.reviews.views import secretariat_or_404, visible_review_or_404

DEMO_DOMAIN = "@demo.revmod.org"


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing to check a password while the account is locked."""

    def clean(self):
        email, ip = self.data.get("username", ""), self.request.META.get("REMOTE_ADDR") if self.request else None
        if throttle.is_locked(email, ip):
            raise forms.ValidationError(_("Too many failed attempts. Wait fifteen minutes, then try again."), code="locked")
        try:
            data = super().clean()
        except forms.ValidationError:
            throttle.record_failure(email, ip)
            raise
        throttle.clear(email)
        return data


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    authentication_form = ThrottledAuthenticationForm


def _demo_code(user) -> str | None:
    """The current code of a demo account, shown only when the demo asks for it (bin/demo)."""
    if os.environ.get("REVMOD_DEMO_LOGIN_HINTS") != "1" or not user.email.endswith(DEMO_DOMAIN):
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


REAUTH_SECONDS = 10 * 60
REAUTH_KEY = "revmod_password_confirmed_at"


def recently_confirmed(request) -> bool:
    return time.time() - request.session.get(REAUTH_KEY, 0) < REAUTH_SECONDS


def sensitive(view=None, *, back: str | Callable[..., str] = ""):
    """A sensitive act (approving a nomination, a new API token, removing a passkey, resetting
    someone's access) asks for the password again when it was last given more than ten minutes
    ago (ASVS 3.7.1).

    `back` is the page to return to afterwards, for an action that has no page of its own (a
    POST-only address): a URL name, or a function of the view's arguments giving the address.
    """
    if view is None:
        return functools.partial(sensitive, back=back)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and not recently_confirmed(request):
            messages.info(request, _("Confirm your password to continue."))
            target = back(*args, **kwargs) if callable(back) else reverse(back) if back else request.get_full_path()
            return redirect(confirm_url(target))
        return view(request, *args, **kwargs)
    return wrapper


def confirm_url(next_path: str) -> str:
    return f"{reverse('accounts:confirm')}?{urlencode({'next': next_path})}"


@login_required
def confirm_password(request):
    error = None
    if request.method == "POST":
        if request.user.check_password(request.POST.get("password", "")):
            request.session[REAUTH_KEY] = time.time()
            target = request.POST.get("next", "")
            return redirect(target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else "/")
        error = _("This password is not right.")
    return render(request, "accounts/confirm.html", {"error": error, "next": request.GET.get("next", "")})


@login_required
def verify(request):
    """Second step of the login: the code of the person's authenticator (TOTP), or a passkey
    (the ceremony's own views below, started from this page)."""
    form = TokenForm(request.POST or None)
    target = request.GET.get("next") or request.session.get(AFTER_VERIFY_KEY, "")  # the page asked for before
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            second_factor_passed(request, device)
            return redirect(target or "reviews:home")
        form.add_error("token", _("This code is not valid. Check your device's clock and try again."))
    return render(request, "accounts/verify.html", {"form": form, "demo_code": _demo_code(request.user), "next": target,
                                                    "has_passkey": second_factor.passkeys_of(request.user).exists()})


def second_factor_passed(request, device) -> None:
    """Side effects, in order: the session counts as verified (django-otp), the password as just
    given, an audit entry."""
    otp_login(request, device)
    request.session[REAUTH_KEY] = time.time()
    request.session.pop(AFTER_VERIFY_KEY, None)
    second_factor.record_second_factor_login(request.user, device=device, request=request)


class PasswordConfirmationNeeded(webauthn_errors.OTPWebAuthnApiError):
    status_code = 401  # the profile page's script (accounts/passkeys.js) then opens accounts:confirm
    default_code = "password_confirmation_required"
    default_detail = gettext_lazy("Confirm your password to add a passkey.")


class _PasskeyRegistration:
    """Adding a passkey is a sensitive act: it needs the password given in the last ten minutes,
    checked when the ceremony begins and again when it completes (ASVS 3.7.1)."""

    def check_can_register(self):
        if not recently_confirmed(self.request):
            raise PasswordConfirmationNeeded()


@method_decorator(login_required, name="dispatch")
class BeginPasskeyRegistration(_PasskeyRegistration, webauthn_views.BeginCredentialRegistrationView):
    """The options for the browser's passkey prompt, once the password is recent."""


@method_decorator(login_required, name="dispatch")
class CompletePasskeyRegistration(_PasskeyRegistration, webauthn_views.CompleteCredentialRegistrationView):
    @transaction.atomic
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)  # saves the passkey, or raises
        credential = WebAuthnCredential.objects.get(pk=json.loads(response.content)["id"], user=self.request.user)
        second_factor.record_passkey_added(credential, actor=self.request.user, request=self.request)
        messages.success(self.request, _("Your passkey has been added."))
        return response


@method_decorator(login_required, name="dispatch")
class BeginPasskeyLogin(webauthn_views.BeginCredentialAuthenticationView):
    """A passkey is a second factor only: the password comes first (passwordless login is off in settings)."""


@method_decorator(login_required, name="dispatch")
class CompletePasskeyLogin(webauthn_views.CompleteCredentialAuthenticationView):
    """Checks the passkey is the person's own (django-otp-webauthn), then completes the login as a code does;
    answers with where to go next (?next= when it is on this site)."""

    def complete_auth(self, device):
        second_factor_passed(self.request, device)


def activate(request, token):
    """Set a password and a second factor from the activation link (valid ten days, used once)."""
    try:
        link = domain.link_for(token)
    except Refused as error:
        return render(request, "accounts/link_problem.html", {"message": error.messages[0], "form": NewLinkForm()}, status=410)
    person = link.person
    device = TOTPDevice.objects.filter(user=person, confirmed=False).last() or TOTPDevice.objects.create(
        user=person, name=_("authenticator"), confirmed=False)
    form = ActivationForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            domain.activate(token, password=form.cleaned_data["password1"], totp_device=device)
            messages.success(request, _("Your account is ready. Log in, then complete your profile."))
            return redirect("accounts:login")
        form.add_error("token", _("This code is not valid. Check your device's clock and try again."))
    return render(request, "accounts/activate.html", {"form": form, "person": person, "device": device,
                                                      "secret": _base32(device.bin_key)})


def _base32(key: bytes) -> str:
    import base64

    return base64.b32encode(key).decode().rstrip("=")


def new_link(request):
    """A person whose link expired asks for a new one, without writing to the secretariat."""
    form = NewLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        domain.request_new_link(form.cleaned_data["email"])
        return render(request, "accounts/link_sent.html")
    return render(request, "accounts/link_problem.html", {"form": form, "message": ""})


@login_required
def profile(request):
    person = request.user
    form = ProfileForm(request.POST or None, instance=person)
    if request.method == "POST" and "profile" in request.POST and form.is_valid():
        try:
            domain.submit_profile(person, actor=request.user, **form.cleaned_data)
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your profile has been submitted to the secretariat."))
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {
        "form": form, "token_form": ApiTokenForm(),
        "nominations": person.nominations.select_related("review__party", "party"),
        "tokens": person.api_tokens.filter(revoked_at__isnull=True),
        "passkeys": second_factor.passkeys_of(person), "confirm_url": confirm_url(reverse("accounts:profile"))})


@require_POST
@login_required
@sensitive(back="accounts:profile")
def create_token(request):
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        token = domain.create_api_token(request.user, name=form.cleaned_data["name"])
        messages.success(request, _("Your new API token (shown only once): %(token)s") % {"token": token})
    return redirect("accounts:profile")


@require_POST
@login_required
@sensitive(back="accounts:profile")
def remove_passkey(request, pk):
    credential = get_object_or_404(WebAuthnCredential, pk=pk, user=request.user)
    try:
        second_factor.remove_passkey(credential, actor=request.user, request=request)
    except Refused as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The passkey has been removed."))
    return redirect("accounts:profile")



@login_required
def nominations(request):
    """The secretariat's queue: profiles to check, clarifications pending, nominations overdue."""
    secretariat_or_404(request.user)
    pending = (Nomination.objects.exclude(status__in=[NominationStatus.APPROVED, NominationStatus.WITHDRAWN])
               .select_related("person", "party", "review__party").order_by("recorded_at"))
    return render(request, "accounts/nominations.html", {"pending": pending, "overdue": overdue_nominations()})


@login_required
def record_nomination(request, review_pk):
    secretariat_or_404(request.user)
    review = visible_review_or_404(request.user, review_pk)
    form = NominationForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        party = Party.objects.get(pk=data.pop("party"))
        replaces_pk = data.pop("replaces")
        replaces = Nomination.objects.filter(pk=replaces_pk, review=review).first() if replaces_pk else None
        try:
            domain.record_nomination(review, actor=request.user, party=party, replaces=replaces, **data)
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Nomination recorded; an activation e-mail is on its way."))
            return redirect("reviews:detail", pk=review.pk)
    return render(request, "reviews/form.html", {"form": form, "review": review,
                                                 "title": _("Record a nomination: %(review)s") % {"review": review}})


@require_POST
@login_required
@sensitive(back=lambda pk: reverse("accounts:check_nomination", args=[pk]))
def reset_access(request, pk):
    """The secretariat resets the access of the person of a nomination who lost their second factor."""
    secretariat_or_404(request.user)
    nomination = get_object_or_404(Nomination.objects.select_related("person"), pk=pk)
    try:
        domain.reset_access(nomination.person, actor=request.user, request=request)
    except Refused as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Access reset: %(person)s has been sent a link to set a new password and second "
                                    "factor.") % {"person": nomination.person})
    return redirect("accounts:check_nomination", pk=nomination.pk)


@login_required
@sensitive
def check_nomination(request, pk):
    """The profile and the note verbale side by side; approve, or ask for clarification."""
    secretariat_or_404(request.user)
    nomination = get_object_or_404(Nomination.objects.select_related("person", "party", "review__party", "replaces__person"), pk=pk)
    form = ClarificationForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "approve":
                domain.approve_nomination(nomination, actor=request.user)
                messages.success(request, _("Approved: access starts now."))
                return redirect("accounts:nominations")
            if form.is_valid():
                domain.ask_clarification(nomination, actor=request.user, question=form.cleaned_data["question"])
                return redirect("accounts:nominations")
        except Refused as error:
            messages.error(request, " ".join(error.messages))
    return render(request, "accounts/check_nomination.html", {"n": nomination, "form": form, "person": nomination.person})


