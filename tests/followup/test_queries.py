"""Every list of the follow-up costs the same number of queries for one or three items."""

import pytest

from revmod.findings.enums import ItemKind
from revmod.followup.domain.queries.overview import ta_overview
from revmod.followup.domain.queries.records import records_visible_to
from tests.followup.conftest import finalized_list, item

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("size", [1, 3])
def test_the_records_and_the_overview_cost_the_same_queries_for_one_or_three_items(cast, cast_review, size,
                                                                                   django_assert_num_queries):
    tip = finalized_list(cast_review, "TIP")
    for number in range(size):
        item(tip, ItemKind.TA_NEED, f"need {number}", 6, 9)
    with django_assert_num_queries(3):  # the roles, the records, their articles
        assert len(list(records_visible_to(cast["fp.reviewed"]))) == size
    with django_assert_num_queries(6):  # instruments, clusters, regional groups, needs, their articles, all articles
        assert ta_overview().total.identified == size
