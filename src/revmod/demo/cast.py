"""The named demo cast: the same people in the demo and in the tests (STYLE, Tests).

Logins are by role, whatever the States: `fp.reviewed@demo.revmod.org` is the focal point of
the State under review, `fp.reviewer1@...` of the reviewing State from the same regional
group, `fp.reviewer2@...` of the one from another group, and so on. Every demo account has
the password DEMO_PASSWORD and a TOTP second factor whose key is derived from its e-mail.
"""

import functools
import hashlib
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from revmod.accounts.enums import Gender, InstitutionType, NominationStatus, Role
from revmod.accounts.models import Nomination, User
from revmod.reference.models import Party
from revmod.reviews.enums import SeatBasis
from revmod.reviews.models import CountryReview

DEMO_DOMAIN = "demo.revmod.org"
DEMO_PASSWORD = "revmod-demo-2026"


@dataclass(frozen=True)
class Member:
    key: str
    name: str
    side: str  # "reviewed", "reviewer1", "reviewer2", "unrelated", "secretariat", "none"
    role: str | None
    gender: str = Gender.FEMALE
    institution: str = InstitutionType.JUSTICE

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_DOMAIN}"


CAST = (
    Member("secretariat", "Amina Haddad", "secretariat", None),
    Member("fp.reviewed", "Kwame Mensah", "reviewed", Role.FOCAL_POINT, Gender.MALE, InstitutionType.FOREIGN_AFFAIRS),
    Member("expert.reviewed", "Abena Owusu", "reviewed", Role.EXPERT),
    Member("observer.reviewed", "Yaw Boateng", "reviewed", Role.OBSERVER, Gender.MALE, InstitutionType.INTERIOR),
    Member("fp.reviewer1", "Wanjiru Kamau", "reviewer1", Role.FOCAL_POINT),
    Member("expert.reviewer1", "Otieno Odhiambo", "reviewer1", Role.EXPERT, Gender.MALE, InstitutionType.PROSECUTION),
    Member("fp.reviewer2", "Ingrid Haugen", "reviewer2", Role.FOCAL_POINT),
    Member("expert.reviewer2", "Lars Berg", "reviewer2", Role.EXPERT, Gender.MALE, InstitutionType.POLICE),
    Member("fp.unrelated", "María López", "unrelated", Role.FOCAL_POINT, Gender.FEMALE, InstitutionType.FOREIGN_AFFAIRS),
    Member("ngo", "Sam Rivera", "none", None, Gender.OTHER, InstitutionType.OTHER),
)


@functools.cache
def demo_password_hash() -> str:
    """Hashed once: hashing is slow on purpose, and every demo account shares the password."""
    return make_password(DEMO_PASSWORD)


def totp_key(email: str) -> str:
    """The demo account's TOTP key (hex), derived from its e-mail: demo accounts only."""
    return hashlib.sha256(f"revmod-demo-totp:{email}".encode()).hexdigest()[:40]


def current_code(user: User) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _person(member: Member, party: Party | None) -> User:
    first, last = member.name.split(" ", 1)
    person, _ = User.objects.update_or_create(email=member.email, defaults={
        "first_name": first, "last_name": last, "party": party, "gender": member.gender,
        "institution_type": member.institution, "is_secretariat": member.side == "secretariat",
        "profile_submitted_at": timezone.now(), "is_active": True,
        "title": "Secretariat officer" if member.side == "secretariat" else "Counsellor"})
    person.password = demo_password_hash()
    person.save(update_fields=["password"])
    TOTPDevice.objects.get_or_create(user=person, name="demo", defaults={"key": totp_key(member.email), "confirmed": True})
    return person


def sides_of(review: CountryReview, unrelated: Party) -> dict[str, Party]:
    seats = list(review.seats.filter(until__isnull=True).select_related("reviewer"))
    same = next(s.reviewer for s in seats if s.basis == SeatBasis.SAME_REGION)
    other = next(s.reviewer for s in seats if s.basis == SeatBasis.OTHER_REGION)
    return {"reviewed": review.party, "reviewer1": same, "reviewer2": other, "unrelated": unrelated}


@transaction.atomic
def build_cast(review: CountryReview, *, unrelated_review: CountryReview) -> dict[str, User]:
    """The cast's people with approved roles in `review`, and the unrelated focal point in another."""
    parties = sides_of(review, unrelated_review.party)
    people = {}
    for member in CAST:
        party = parties.get(member.side)
        person = people[member.key] = _person(member, party)
        if member.role is None:
            continue
        target = unrelated_review if member.side == "unrelated" else review
        Nomination.objects.get_or_create(person=person, party=party, review=target, role=member.role, defaults={
            "status": NominationStatus.APPROVED, "approved_at": timezone.now(), "stated_name": member.name,
            "stated_email": member.email, "note_verbale_ref": f"NV/{party.iso3}/2020/1"})
    return people
