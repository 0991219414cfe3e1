"""Shared fixtures: reference data loaded once, the demo cast, logged-in clients."""

from datetime import date

import pytest
from django.utils import translation
from django.contrib.auth.models import AnonymousUser

from revmod.demo.cast import build_cast
from revmod.reference.domain import load_instruments, load_parties
from revmod.reference.models import Instrument, Party
from revmod.reviews.domain.reviews import seat_reviewer, start_review
from revmod.reviews.enums import SeatBasis
from revmod.reviews.models import ReviewGroup

pytest_plugins = ["tests.support.smtp", "tests.support.browser"]

GROUP_STARTS = {1: date(2020, 12, 1), 2: date(2021, 11, 1), 3: date(2022, 11, 1)}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The real reference data, loaded once for the whole session."""
    with django_db_blocker.unblock():
        if not Party.objects.exists():
            load_instruments()
            load_parties()


@pytest.fixture(autouse=True)
def _background_tasks_run_at_once(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _each_test_starts_in_english():
    """A test that renders a page in another language must not leave it active for the next one."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def reference_data(transactional_db):
    """The reference data, loaded again if an earlier transactional test flushed it."""
    if not Party.objects.exists():
        load_instruments()
        load_parties()


@pytest.fixture
def groups(db):
    return {n: ReviewGroup.objects.create(number=n, started_on=d, phase_started_on=d) for n, d in GROUP_STARTS.items()}


def make_review(iso3, *, group, same, other, actor=None):
    review = start_review(Party.objects.get(pk=iso3), group=group, actor=actor)
    for instrument in Instrument.objects.filter(adherences__party_id=iso3):
        for reviewer, basis in ((same, SeatBasis.SAME_REGION), (other, SeatBasis.OTHER_REGION)):
            seat_reviewer(review, reviewer=Party.objects.get(pk=reviewer), instrument=instrument, basis=basis,
                          since=group.started_on, actor=actor)
    return review


@pytest.fixture
def cast_review(groups):
    """Ghana under review by Kenya (same regional group) and Norway (another), on all four instruments."""
    return make_review("GHA", group=groups[1], same="KEN", other="NOR")


@pytest.fixture
def unrelated_review(groups):
    return make_review("MEX", group=groups[1], same="PER", other="FRA")


@pytest.fixture
def cast(cast_review, unrelated_review):
    people = build_cast(cast_review, unrelated_review=unrelated_review)
    people["anonymous"] = AnonymousUser()
    return people


def verified_login(client, person, *, password_confirmed=False):
    """Log a person in as if they gave their password and second factor."""
    from django_otp import devices_for_user

    client.force_login(person)
    device = next(devices_for_user(person, confirmed=True), None)  # TOTP first, else a passkey
    session = client.session
    if device is not None:
        session["otp_device_id"] = device.persistent_id
    if password_confirmed:
        import time

        session["revmod_password_confirmed_at"] = time.time()
    session.save()
    return client


@pytest.fixture
def login(client):
    """Log a cast member in (password recently confirmed, second factor verified); returns the client."""
    def _login(person, c=None):
        return verified_login(c or client, person, password_confirmed=True)
    return _login
