"""Login throttling: after repeated failures an account, or an address, waits before trying again."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from revmod.accounts.models import LoginFailure

WINDOW = timedelta(minutes=15)
MAX_PER_ACCOUNT = 5
MAX_PER_ADDRESS = 20


def is_locked(email: str, ip: str | None) -> bool:
    """Too many failures for this account or from this address in the last fifteen minutes."""
    since = timezone.now() - WINDOW
    recent = LoginFailure.objects.filter(at__gte=since)
    if recent.filter(email__iexact=email).count() >= MAX_PER_ACCOUNT:
        return True
    return bool(ip) and recent.filter(ip=ip).count() >= MAX_PER_ADDRESS


def record_failure(email: str, ip: str | None) -> None:
    LoginFailure.objects.create(email=email.lower()[:254], ip=ip or None, at=timezone.now())
    LoginFailure.objects.filter(at__lt=timezone.now() - WINDOW * 4).delete()


def clear(email: str) -> None:
    LoginFailure.objects.filter(Q(email__iexact=email)).delete()
