"""Parties that are not under review yet (they joined after the draw) and what each still needs."""

from dataclasses import dataclass

from revmod.reference.models import Party
from revmod.reviews.models import CountryReview, ReviewerSeat


@dataclass(frozen=True)
class Newcomer:
    party: Party
    needs_group: bool
    needs_reviewers: bool
    reviews_as_reviewer: int


def newcomers() -> list[Newcomer]:
    """Parties with no review yet, or a review with no reviewing State (Status 2024 para 9-10)."""
    reviewed = dict(CountryReview.objects.values_list("party_id", "pk"))
    seated = set(ReviewerSeat.objects.filter(until__isnull=True).values_list("review_id", flat=True))
    duties: dict[str, int] = {}
    for reviewer_id in ReviewerSeat.objects.filter(until__isnull=True).values_list("reviewer_id", flat=True):
        duties[reviewer_id] = duties.get(reviewer_id, 0) + 1
    result = []
    for party in Party.objects.filter(is_signatory_only=False).order_by("iso3"):
        review_id = reviewed.get(party.iso3)
        if review_id is None or review_id not in seated:
            result.append(Newcomer(party, review_id is None, review_id not in seated, duties.get(party.iso3, 0)))
    return result
