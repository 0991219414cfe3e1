"""Who speaks for a State in a review: its focal point, else its permanent mission (P&R 18)."""

from collections import defaultdict
from dataclasses import dataclass

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination, User
from revmod.notifications import conf
from revmod.reviews.enums import Side
from revmod.reviews.models import ReviewerSeat
from revmod.reviews.workflow import STEP_RULES


@dataclass(frozen=True)
class Contact:
    """An address to write to for a State, in a language; `person` is None for a mission."""

    party: object
    email: str
    language: str
    person: User | None = None

    @property
    def is_mission(self) -> bool:
        return self.person is None


def focal_points_in(review_ids) -> dict[tuple[int, str], list[User]]:
    """(review, State) -> its focal point(s) now in office, with their preferences: one query.

    `review_ids` may be a subquery, so a scan of every review still makes one query.
    """
    found: dict[tuple[int, str], list[User]] = defaultdict(list)
    nominations = Nomination.objects.filter(
        review_id__in=review_ids, role=Role.FOCAL_POINT, status=NominationStatus.APPROVED,
        ended_at__isnull=True, person__is_active=True,
    ).select_related("person__notification_preference").only(
        "review_id", "party_id", "person__email", "person__language", "person__is_active",
        "person__notification_preference__frequency", "person__notification_preference__monthly_digest")
    for nomination in nominations:
        found[(nomination.review_id, nomination.party_id)].append(nomination.person)
    return found


def reviewers_in(review_ids) -> dict[int, list]:
    """Review -> its reviewing States now seated, each once: one query."""
    found: dict[int, dict] = defaultdict(dict)
    seats = ReviewerSeat.objects.filter(review_id__in=review_ids, until__isnull=True).select_related("reviewer").only(
        "review_id", "reviewer__names", "reviewer__mission_email", "reviewer__correspondence_language")
    for seat in seats:
        found[seat.review_id][seat.reviewer_id] = seat.reviewer
    return {review_id: list(parties.values()) for review_id, parties in found.items()}


def responsible_parties(step_kind: str, review, reviewers: list) -> list:
    """The States that draft the step and so owe its deadline (STEP_RULES; P&R 34, 35, 38)."""
    sides = STEP_RULES[step_kind].drafted_by
    parties = [review.party] if Side.REVIEWED in sides else []
    return parties + (sorted(reviewers, key=lambda p: p.pk) if Side.REVIEWERS in sides else [])


def contacts_for(review_id: int, party, focal_points: dict) -> list[Contact]:
    """The State's focal point(s); with none, its permanent mission, the temporary focal point (P&R 18)."""
    people = focal_points.get((review_id, party.pk), [])
    if people:
        return [Contact(party, p.email, p.language or "en", p) for p in people]
    return [mission_contact(party)] if party.mission_email else []


def mission_contact(party) -> Contact:
    """The permanent mission, written to in the language of correspondence the State chose."""
    return Contact(party, party.mission_email, party.correspondence_language or "en")


def secretariat_addresses() -> list[str]:
    """The secretariat, copied on missed deadlines and kept informed (P&R 33)."""
    return conf.secretariat_emails_setting() or list(
        User.objects.filter(is_secretariat=True, is_active=True).order_by("pk").values_list("email", flat=True))


def preference_map(focal_points: dict[tuple[int, str], list[User]]) -> dict[int, object]:
    """The preferences loaded with the focal points (None: the person never chose)."""
    people = {p.pk: p for group in focal_points.values() for p in group}
    return {pk: getattr(p, "notification_preference", None) for pk, p in people.items()}
