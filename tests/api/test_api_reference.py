"""The public reference data: anyone may read the parties and the reviewed articles, in their language."""

import pytest

from tests.api.caller import Api

pytestmark = pytest.mark.integration


@pytest.fixture
def api(client, db):
    return Api(client, {})


def test_parties_are_public_with_group_instruments_and_uncac(api):
    response = api.get("anonymous", "/reference/parties")
    assert response.status_code == 200
    parties = {p["iso3"]: p for p in response.json()}
    assert len(parties) >= 189
    ghana = parties["GHA"]
    assert ghana["name"] == "Ghana" and ghana["regional_group"] == "AFRICA" and ghana["uncac_party"] is True
    assert [i["instrument"] for i in ghana["instruments"]] == ["UNTOC", "TIP", "SOM", "FIR"]
    assert "mission_email" not in ghana


def test_party_names_follow_accept_language(api):
    parties = {p["iso3"]: p for p in api.get("anonymous", "/reference/parties", **{"Accept-Language": "fr"}).json()}
    assert parties["DEU"]["name"] == "Allemagne" and parties["DEU"]["names"]["en"] == "Germany"


def test_instruments_list_articles_by_cluster(api):
    instruments = {i["code"]: i for i in api.get("anonymous", "/reference/instruments").json()}
    assert list(instruments) == ["UNTOC", "TIP", "SOM", "FIR"]
    untoc = {c["number"]: [a["number"] for a in c["articles"]] for c in instruments["UNTOC"]["clusters"]}
    assert untoc[1] == [2, 5, 6, 8, 9, 10, 15, 23]  # P&R 9, appendix table 1
    assert [c["phase"] for c in instruments["UNTOC"]["clusters"]] == [1, 2, 3, 4]
    only_non_uncac = [a["number"] for c in instruments["UNTOC"]["clusters"] for a in c["articles"]
                      if a["only_for_non_uncac_parties"]]
    assert only_non_uncac == [8, 9]
    assert not [c for c in instruments["FIR"]["clusters"] if c["number"] == 3]  # no FIR article in cluster 3


def test_reference_lists_run_in_a_fixed_number_of_queries(api, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        api.get("anonymous", "/reference/parties")
    with django_assert_max_num_queries(2):
        api.get("anonymous", "/reference/instruments")
