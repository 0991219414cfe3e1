"""Lists of observations per the blueprint: typed items, confidential parts, a summary of at most 5,000 words (P&R 38)."""

import pytest

from revmod.core.errors import EditConflict, Refused
from revmod.findings.domain.observations import (
    add_item, add_section, mark_confidential, reopen_list, save_item, save_summary, submit_list, submit_summary,
)
from revmod.findings.enums import Audience, FindingState, ItemKind
from revmod.findings.interfaces.rendering import list_html
from revmod.findings.models import ObservationItem
from revmod.reference.models import Article
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind, StepStatus
from tests.findings.conftest import clear_by_all

pytestmark = pytest.mark.integration


def article_ids(numbers, instrument="UNTOC"):
    return list(Article.objects.filter(instrument=instrument, number__in=numbers).values_list("pk", flat=True))


def test_a_list_has_sections_per_group_of_articles_with_typed_items(cast, untoc_list):
    expert = cast["expert.reviewer1"]
    section = add_section(untoc_list, article_ids=article_ids([5, 6]), text="Both offences are criminalized.", actor=expert)
    add_item(untoc_list, section=section, kind=ItemKind.CHALLENGE, text="No statistics on convictions.", actor=expert)
    add_item(untoc_list, section=section, kind=ItemKind.RECOMMENDATION, text="Collect statistics.", actor=cast["expert.reviewer2"])
    add_item(untoc_list, kind=ItemKind.TA_NEED, text="Training of prosecutors.", article_ids=article_ids([23]), actor=expert)
    items = list(untoc_list.items.order_by("order"))
    assert [i.kind for i in items] == ["challenge", "recommendation", "ta_need"]
    assert sorted(a.number for a in items[0].articles.all()) == [5, 6]
    assert items[2].clusters() == {1}
    html = list_html(untoc_list)
    assert html.index("Article 5") < html.index("Observations on the implementation") < html.index("Challenge or gap")
    assert "Technical assistance need" in html and "Training of prosecutors." in html


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "opinion", "text": "x", "article_ids": None}, "what kind"),
    ({"kind": "challenge", "text": "  ", "article_ids": None}, "empty"),
    ({"kind": "challenge", "text": "x", "article_ids": None}, "articles"),
    ({"kind": "challenge", "text": "x", "article_ids": "TIP"}, "articles"),
])
def test_bad_items_are_refused_and_nothing_is_saved(cast, untoc_list, kwargs, message):
    if kwargs["article_ids"] == "TIP":
        kwargs = {**kwargs, "article_ids": article_ids([5], "TIP")}
    with pytest.raises(Refused, match=message):
        add_item(untoc_list, actor=cast["expert.reviewer1"], **kwargs)
    assert not ObservationItem.objects.exists()


def test_items_are_written_by_the_reviewers_and_the_secretariat_only(cast, untoc_list):
    add_item(untoc_list, kind="good_practice", text="Specialized unit.", article_ids=article_ids([5]), actor=cast["secretariat"])
    for key in ("expert.reviewed", "fp.reviewed", "observer.reviewed", "fp.unrelated"):
        with pytest.raises(Refused):
            add_item(untoc_list, kind="challenge", text="x", article_ids=article_ids([5]), actor=cast[key])
    assert untoc_list.items.count() == 1


def test_a_stale_item_edit_is_refused(cast, untoc_list):
    item = add_item(untoc_list, kind="challenge", text="First.", article_ids=article_ids([5]), actor=cast["expert.reviewer1"])
    save_item(item, kind="challenge", text="Second.", base_version=0, actor=cast["expert.reviewer2"])
    with pytest.raises(EditConflict):
        save_item(ObservationItem.objects.get(pk=item.pk), kind="challenge", text="Stale.", base_version=0,
                  actor=cast["expert.reviewer1"])
    assert ObservationItem.objects.get(pk=item.pk).text == "<p>Second.</p>"


def test_confidential_parts_are_left_out_of_the_working_group_version_only(cast, untoc_list):
    expert = cast["expert.reviewer1"]
    section = add_section(untoc_list, article_ids=article_ids([5]), text="Open section.", actor=expert)
    secret_section = add_section(untoc_list, article_ids=article_ids([6]), text="Secret section.", actor=expert)
    add_item(untoc_list, section=section, kind="challenge", text="Open challenge.", actor=expert)
    secret = add_item(untoc_list, section=section, kind="ta_need", text="Secret need.", actor=expert)
    for key in ("expert.reviewer1", "fp.reviewer2", "secretariat", "observer.reviewed"):
        with pytest.raises(Refused, match="Only the State under review"):
            mark_confidential(secret, confidential=True, actor=cast[key])
    mark_confidential(secret, confidential=True, actor=cast["fp.reviewed"])
    mark_confidential(secret_section, confidential=True, actor=cast["expert.reviewed"])
    full = list_html(untoc_list, audience=Audience.REVIEW)
    public = list_html(untoc_list, audience=Audience.WORKING_GROUP)
    assert all(text in full for text in ("Open section.", "Open challenge.", "Secret need.", "Secret section."))
    assert "Open section." in public and "Open challenge." in public
    assert "Secret need." not in public and "Secret section." not in public and "Article 6" not in public


def test_the_summary_over_5000_words_is_refused_in_every_script(cast, untoc_list):
    for text in ("word " * 5001, "字" * 5001, "كلمة " * 5001):
        with pytest.raises(Refused, match="5001 words; at most 5000"):
            save_summary(untoc_list, text=text, base_version=0, actor=cast["expert.reviewer1"])
    untoc_list.refresh_from_db()
    assert (untoc_list.summary, untoc_list.version) == ("", 0)
    save_summary(untoc_list, text="字" * 4990 + " ten more words in english to reach the limit", base_version=0,
                 actor=cast["expert.reviewer1"])
    untoc_list.refresh_from_db()
    assert untoc_list.summary_words == 4999


def test_submitting_the_lists_lets_both_sides_clear_and_the_summary_finalizes_the_phase(cast, lists_phase):
    from revmod.findings.domain.observations import open_lists

    lists = open_lists(lists_phase)
    for observation_list in lists:
        article = observation_list.instrument.articles.filter(cluster=1).first()
        add_item(observation_list, kind="recommendation", text="Do more.", article_ids=[article.pk], actor=cast["expert.reviewer1"])
        submit_list(observation_list, actor=cast["fp.reviewer1"])
        save_summary(observation_list, text=f"Summary of {observation_list.instrument_id}.", base_version=0, actor=cast["secretariat"])
    step = step_of(lists_phase, StepKind.OBSERVATIONS)
    clear_by_all(step, cast, ["fp.reviewed", "fp.reviewer1", "fp.reviewer2"])
    assert step_of(lists_phase, StepKind.SUMMARY).status == StepStatus.OPEN
    with pytest.raises(Refused):
        submit_summary(lists_phase, actor=cast["expert.reviewed"])
    submit_summary(lists_phase, actor=cast["secretariat"])
    summary = step_of(lists_phase, StepKind.SUMMARY)
    assert "Summary of TIP." in summary.documents.get().versions.last().body
    clear_by_all(summary, cast, ["fp.reviewed", "fp.reviewer1", "fp.reviewer2"])
    lists_phase.refresh_from_db()
    assert lists_phase.finalized_at is not None
    with pytest.raises(Refused):
        mark_confidential(lists[0].items.first(), confidential=True, actor=cast["fp.reviewed"])


def test_a_submitted_list_is_locked_until_a_focal_point_reopens_it(cast, untoc_list):
    with pytest.raises(Refused, match="no items"):
        submit_list(untoc_list, actor=cast["fp.reviewer1"])
    add_item(untoc_list, kind="challenge", text="Gap.", article_ids=article_ids([5]), actor=cast["expert.reviewer1"])
    with pytest.raises(Refused, match="Only a focal point"):
        submit_list(untoc_list, actor=cast["fp.reviewed"])
    submit_list(untoc_list, actor=cast["fp.reviewer2"])
    untoc_list.refresh_from_db()
    assert untoc_list.state == FindingState.SUBMITTED
    with pytest.raises(Refused):
        add_item(untoc_list, kind="challenge", text="Late.", article_ids=article_ids([5]), actor=cast["expert.reviewer1"])
    reopen_list(untoc_list, actor=cast["fp.reviewer2"])
    add_item(untoc_list, kind="challenge", text="Late.", article_ids=article_ids([5]), actor=cast["expert.reviewer1"])
    assert untoc_list.items.count() == 2
