"""The reference data shipped with revmod: instruments, articles, clusters, parties."""

import pytest

from revmod.reference.models import Adherence, Article, Party

pytestmark = pytest.mark.integration


def test_reviewed_articles_per_instrument_and_cluster(db):
    """P&R 9, appendix table 1."""
    def articles(instrument, cluster):
        return list(Article.objects.filter(instrument=instrument, cluster=cluster).values_list("number", flat=True))

    assert articles("UNTOC", 1) == [2, 5, 6, 8, 9, 10, 15, 23]
    assert articles("UNTOC", 4) == [12, 13, 14, 16, 17, 18, 21]
    assert articles("TIP", 2) == [6, 7, 9]
    assert articles("SOM", 3) == [11, 12, 13]
    assert articles("FIR", 3) == []
    assert list(Article.objects.filter(only_for_non_uncac_parties=True).values_list("instrument", "number")) == [
        ("UNTOC", 8), ("UNTOC", 9)]


def test_article_titles_in_the_six_languages(db):
    article = Article.objects.get(instrument="UNTOC", number=5)
    assert sorted(article.titles) == ["ar", "en", "es", "fr", "ru", "zh"]
    assert all(article.titles.values())


def test_parties_with_their_groups_and_adherence(db):
    assert Party.objects.count() == 192
    assert Adherence.objects.filter(instrument="UNTOC").count() == 192
    assert Adherence.objects.filter(instrument="TIP").count() == 182
    eu = Party.objects.get(pk="EUU")
    assert eu.regional_group is None
    assert Party.objects.get(pk="GHA").regional_group_id == "AFRICA"
    assert list(Party.objects.filter(joined_after_draw=True).values_list("iso3", flat=True)) == ["BTN", "SSD"]
