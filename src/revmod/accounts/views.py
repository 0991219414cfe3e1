"""Pages of people: login with a second factor, activation, profile, and nominations."""

import functools
import os
import time
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login, match_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from revmod.accounts import domain, throttle
from revmod.accounts.enums import NominationStatus
from revmod.accounts.forms import (ActivationForm, ApiTokenForm, ClarificationForm, NewLinkForm, NominationForm,
                                   ProfileForm, TokenForm)
from revmod.accounts.models import Nomination
from revmod.core.errors import Refused
from revmod.reference.models import Party
from revmod.reviews import policy
from revmod.reviews.domain.queries.nominations import overdue_nominations
from revmod.reviews.views import visible_review_or_404

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
    extra_context = {"oidc_enabled": getattr(settings, "OIDC_ENABLED", False)}  # SSO link, when configured


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


def sensitive(view):
    """A sensitive act (approving a nomination, a new API token) asks for the password again
    when it was last given more than ten minutes ago (ASVS 3.7.1)."""
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and not recently_confirmed(request):
            messages.info(request, _("Confirm your password to continue."))
            return redirect(f"{reverse('accounts:confirm')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)
    return wrapper


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
    """Second step of the login: the code of the person's authenticator (TOTP)."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            request.session[REAUTH_KEY] = time.time()
            return redirect(request.GET.get("next") or "reviews:home")
        form.add_error("token", _("This code is not valid. Check your device's clock and try again."))
    return render(request, "accounts/verify.html", {"form": form, "demo_code": _demo_code(request.user)})


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
        "tokens": person.api_tokens.filter(revoked_at__isnull=True)})


@require_POST
@login_required
@sensitive
def create_token(request):
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        token = domain.create_api_token(request.user, name=form.cleaned_data["name"])
        messages.success(request, _("Your new API token (shown only once): %(token)s") % {"token": token})
    return redirect("accounts:profile")


def _secretariat_only(user):
    if not policy.is_secretariat(user):
        raise Http404


@login_required
def nominations(request):
    """The secretariat's queue: profiles to check, clarifications pending, nominations overdue."""
    _secretariat_only(request.user)
    pending = (Nomination.objects.exclude(status__in=[NominationStatus.APPROVED, NominationStatus.WITHDRAWN])
               .select_related("person", "party", "review__party").order_by("recorded_at"))
    return render(request, "accounts/nominations.html", {"pending": pending, "overdue": overdue_nominations()})


@login_required
def record_nomination(request, review_pk):
    _secretariat_only(request.user)
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


@login_required
@sensitive
def check_nomination(request, pk):
    """The profile and the note verbale side by side; approve, or ask for clarification."""
    _secretariat_only(request.user)
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


