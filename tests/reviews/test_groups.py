"""Groups move to their next phase by the 70% rule or a decision of the Conference (P&R 10)."""

from datetime import date

import pytest
from django.utils import timezone

from revmod.core.errors import Refused
from revmod.reviews.domain.reviews import advance_group
from revmod.reviews.domain.queries.progress import group_progress
from revmod.reviews.models import Phase

pytestmark = pytest.mark.integration


def test_a_group_below_70_percent_needs_a_cop_decision(cast, groups):
    group = groups[1]
    Phase.objects.filter(review__party="GHA").update(finalized_at=timezone.now())
    assert group_progress(group)["share"] == 0.5
    with pytest.raises(Refused, match="70%"):
        advance_group(group, actor=cast["secretariat"], on=date(2023, 1, 1))
    advance_group(group, actor=cast["secretariat"], on=date(2023, 1, 1), cop_decision="COP decision 11/1")
    assert group.current_phase == 2
    assert sorted(Phase.objects.filter(cluster__phase=2).values_list("review__party", flat=True)) == ["GHA", "MEX"]


def test_a_group_at_70_percent_advances(cast, groups):
    Phase.objects.filter(review__group=groups[1]).update(finalized_at=timezone.now())
    advance_group(groups[1], actor=cast["secretariat"], on=date(2023, 1, 1))
    assert Phase.objects.get(review__party="GHA", cluster__phase=2).cluster_id == 4  # phase 2 is cluster 4


def test_only_the_secretariat_advances_a_group(cast, groups):
    with pytest.raises(Refused):
        advance_group(groups[1], actor=cast["fp.reviewed"], on=date(2023, 1, 1), cop_decision="x")
