"""Fixtures of the follow-up: finalized lists of observations, as the findings app leaves them (P&R 38-39)."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from revmod.findings.enums import FindingState, ItemKind
from revmod.findings.models import ObservationItem, ObservationList
from revmod.reference.models import Article

FINALIZED_AT = timezone.make_aware(datetime(2024, 3, 15, 10, 0))


def finalized_list(review, instrument: str, *, finalized_at=FINALIZED_AT, state=FindingState.FINALIZED) -> ObservationList:
    """A list of observations finalized by both sides on `finalized_at` (P&R 39)."""
    phase = review.phases.order_by("opened_on").first()
    return ObservationList.objects.create(review=review, phase=phase, instrument_id=instrument, state=state,
                                          finalized_at=finalized_at if state == FindingState.FINALIZED else None)


def item(observation_list, kind: str, text: str, *articles: int, confidential: bool = False) -> ObservationItem:
    """An item on articles of the list's instrument, in order of arrival."""
    made = ObservationItem.objects.create(list=observation_list, kind=kind, text=text, confidential=confidential,
                                          order=observation_list.items.count())
    made.articles.set(Article.objects.filter(instrument_id=observation_list.instrument_id, number__in=articles))
    return made


@pytest.fixture
def records(cast_review, unrelated_review):
    """Ghana's finalized TIP list (a need, a recommendation, a challenge, a good practice, a confidential need),
    Mexico's finalized TIP list (one need) and Mexico's UNTOC list still a draft (one need)."""
    ghana = finalized_list(cast_review, "TIP")
    mexico = finalized_list(unrelated_review, "TIP", finalized_at=FINALIZED_AT + timedelta(days=200))
    draft = finalized_list(unrelated_review, "UNTOC", state=FindingState.SUBMITTED)
    return {
        "need": item(ghana, ItemKind.TA_NEED, "Training of labour inspectors to identify victims", 6, 9),
        "recommendation": item(ghana, ItemKind.RECOMMENDATION, "Criminalize attempt to commit trafficking", 5),
        "challenge": item(ghana, ItemKind.CHALLENGE, "No data on prosecutions", 5),
        "practice": item(ghana, ItemKind.GOOD_PRACTICE, "National referral mechanism"),
        "secret need": item(ghana, ItemKind.TA_NEED, "Case management software", 13, confidential=True),
        "mexico need": item(mexico, ItemKind.TA_NEED, "Shelters for victims", 6),
        "draft need": item(draft, ItemKind.TA_NEED, "Witness protection", 24),
    }
