"""A public page in Arabic, in a real browser: right to left, and usable with the keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.7)."""

from datetime import date

import pytest
from django.core.cache import cache

from revmod.reviews.models import ReviewGroup
from tests.conftest import make_review

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FOCUSED = "(() => { const e = document.activeElement, s = getComputedStyle(e);" \
          " return {tag: e.tagName, cls: e.className, id: e.id, text: e.textContent.trim(), outline: s.outlineStyle," \
          " width: e.getBoundingClientRect().width, inMain: !!e.closest('main')}; })()"


@pytest.fixture
def ghana_under_review(reference_data):
    """The reference data and Ghana's review."""
    group = ReviewGroup.objects.create(number=1, started_on=date(2020, 12, 1), phase_started_on=date(2020, 12, 1))
    make_review("GHA", group=group, same="KEN", other="NOR")
    cache.clear()
    yield
    cache.clear()


def test_a_country_profile_in_arabic_reads_right_to_left_and_works_with_the_keyboard(ghana_under_review, live_server, page):
    page.goto(f"{live_server.url}/countries/GHA/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl" and page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    assert page.locator("h1").inner_text() == "غانا"
    first, second = (page.locator("header nav").first.locator("a").nth(i).bounding_box() for i in (0, 1))
    assert first["x"] > second["x"]  # the navigation starts on the right
    cell, header = page.locator("tbody td").first.bounding_box(), page.locator("thead th").first.bounding_box()
    assert abs((cell["x"] + cell["width"]) - (header["x"] + header["width"])) < 2  # the first column is on the right

    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUSED)
    assert (skip["cls"], skip["outline"]) == ("skip", "solid") and skip["width"] > 20  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "main"
    page.keyboard.press("Tab")
    link = page.evaluate(FOCUSED)
    assert link["tag"] == "A" and link["inMain"] and link["outline"] == "solid"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/?lang=ar") and page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == link["text"]
