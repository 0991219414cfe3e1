"""Nominations the secretariat is waiting for: focal points after two weeks, experts after four."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination
from revmod.reviews.domain.queries.progress import EXPERTS_DUE_DAYS, FOCAL_POINT_DUE_DAYS
from revmod.reviews.models import CountryReview, ReviewerSeat


@dataclass(frozen=True)
class Overdue:
    review: CountryReview
    party_id: str
    role: str
    due_on: date


def overdue_nominations(today: date | None = None) -> list[Overdue]:
    """Each State of each review still without an approved focal point or expert past its due date
    (P&R 18: two weeks; P&R 27: four weeks). Three queries, whatever the number of reviews."""
    today = today or timezone.localdate()
    held = set(Nomination.objects.filter(status=NominationStatus.APPROVED, ended_at__isnull=True)
               .values_list("review_id", "party_id", "role"))
    seats: dict[int, set[str]] = {}
    for review_id, reviewer_id in ReviewerSeat.objects.filter(until__isnull=True).values_list("review_id", "reviewer_id"):
        seats.setdefault(review_id, set()).add(reviewer_id)
    result = []
    for review in CountryReview.objects.select_related("party").order_by("party__iso3"):
        for party_id in [review.party_id, *sorted(seats.get(review.pk, ()))]:
            for role, days in ((Role.FOCAL_POINT, FOCAL_POINT_DUE_DAYS), (Role.EXPERT, EXPERTS_DUE_DAYS)):
                due = date.fromordinal(review.started_on.toordinal() + days)
                if today > due and (review.pk, party_id, role) not in held:
                    result.append(Overdue(review, party_id, role, due))
    return result
