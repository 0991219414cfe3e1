"""Splitting the participants into groups 1-3 (P&R 17)."""

from collections import Counter

import pytest

from revmod.lots.engine.groups import draw_groups

from .cast import AFRICAN, EASTERN, WEOG, party, small_cast

pytestmark = pytest.mark.unit


def sizes(groups: dict[str, int], members: list[str]) -> list[int]:
    counted = Counter(groups[iso3] for iso3 in members)
    return [counted[number] for number in (1, 2, 3)]


def test_draw_groups_shares_each_regional_group_evenly() -> None:
    cast = small_cast()
    for seed in ("a", "b", "c", "d"):
        groups = dict(draw_groups(cast, seed))
        assert set(groups) == {p.iso3 for p in cast}
        assert sorted(sizes(groups, [p.iso3 for p in cast])) == [4, 4, 5]
        for region, count in ((AFRICAN, 5), (WEOG, 4), (EASTERN, 3)):
            members = [p.iso3 for p in cast if p.regional_group == region]
            assert len(members) == count
            assert max(sizes(groups, members)) - min(sizes(groups, members)) <= 1


def test_draw_groups_is_the_same_for_the_same_seed_in_any_input_order() -> None:
    cast = small_cast()
    assert draw_groups(cast, "seed") == draw_groups(tuple(reversed(cast)), "seed")


def test_draw_groups_differs_between_seeds() -> None:
    cast = small_cast()
    assert len({tuple(sorted(draw_groups(cast, f"seed-{n}").items())) for n in range(8)}) > 1


def test_draw_groups_is_pinned_for_a_fixed_seed() -> None:
    groups = draw_groups(small_cast(), "golden-2020")
    assert sorted(iso3 for iso3, group in groups.items() if group == 1) == ["DEU", "GBR", "ROU", "SEN"]
    assert sorted(iso3 for iso3, group in groups.items() if group == 2) == [
        "CAN", "EGY", "EUU", "NGA", "RUS"]


def test_draw_groups_deals_participants_outside_regional_groups_too() -> None:
    outside = [party(code, None) for code in ("EUU", "VAT", "COK", "NIU")]
    groups = draw_groups(outside, "seed")
    assert sorted(sizes(dict(groups), list(groups))) == [1, 1, 2]
