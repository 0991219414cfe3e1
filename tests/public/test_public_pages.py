"""The public site: exact content, the six languages, nothing confidential, light pages, fixed queries."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from revmod.documents.domain import save_version
from revmod.documents.models import Message
from revmod.publication.domain.queries import forget_edition
from revmod.reviews.domain.steps import set_deadline, step_of
from revmod.reviews.enums import StepKind
from tests.conftest import make_review
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration

LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
PAGES = ("/", "/countries/", "/countries/GHA/", "/countries/KEN/", "/countries/NOR/", "/countries/MEX/", "/draw/",
         "/draw/results.csv")


@pytest.fixture(autouse=True)
def _fresh_public_pages():
    """Public pages are kept a minute per language; every test starts from the data."""
    cache.clear()
    yield
    cache.clear()


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_shows_current_counts(cast, client):
    page = text(client, "/?lang=en")
    assert "192 parties take part in the review mechanism." in page
    assert "2 country reviews have started." in page
    assert re.search(r"<td>not started</td><td>2</td>", page)
    assert "<td>1</td><td>2020-12-01</td><td>2</td><td>1</td>" in page  # group 1: started, reviews, phase


def test_country_profile_shows_public_facts_only(cast, cast_review, client):
    cast_review.party.focal_point_public_info = "Ministry of Foreign Affairs, Legal Department."
    cast_review.party.save()
    consult(cast_review, cast["secretariat"])
    page = text(client, "/countries/GHA/?lang=en")
    assert "<h1>Ghana</h1>" in page and "<dd>African States</dd>" in page
    assert "Ministry of Foreign Affairs, Legal Department." in page
    assert "<dt>Group</dt><dd>1</dd><dt>Status</dt><dd>self-assessment questionnaire</dd>" in page
    assert re.findall(r'<td><a href="/countries/(\w+)/\?lang=en">', page) == ["KEN", "NOR"]
    assert "No document published by this State." in page
    kenya = text(client, "/countries/KEN/?lang=en")
    assert '<li><a href="/countries/GHA/?lang=en">Ghana</a></li>' in kenya and "Not under review yet." in kenya


def test_unknown_country_is_404(client, groups):
    assert client.get("/countries/XYZ/").status_code == 404


def test_draw_results_page_and_csv(cast, client):
    page = text(client, "/draw/?lang=en")
    assert re.findall(r'<th scope="row"><a href="/countries/\w+/\?lang=en">([^<]+)</a>', page) == ["Ghana", "Mexico"]
    assert "<td>1</td><td>Kenya, Norway</td><td>Kenya, Norway</td>" in page
    lines = text(client, "/draw/results.csv?lang=es").splitlines()
    assert lines[0] == "state_under_review_code,state_under_review,group,instrument,reviewing_state_code,reviewing_state"
    assert lines[1:3] == ["GHA,Ghana,1,UNTOC,KEN,Kenia", "GHA,Ghana,1,UNTOC,NOR,Noruega"]
    assert "MEX,México,1,FIR,FRA,Francia" in lines and len(lines) == 1 + 2 * 4 * 2


def test_pages_come_in_the_six_languages_arabic_right_to_left(cast, client):
    for language in LANGUAGES:
        page = text(client, f"/countries/GHA/?lang={language}")
        assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
    assert "<h1>غانا</h1>" in text(client, "/countries/GHA/?lang=ar")
    assert "<h1>加纳</h1>" in text(client, "/countries/GHA/?lang=zh-hans")
    assert 'dir="rtl"' in client.get("/countries/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()  # the browser's language when none is asked
    assert 'dir="rtl"' not in client.get("/countries/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()


def test_nothing_confidential_reaches_any_public_page(cast, cast_review, client):
    """First create what could leak: a document's text, a deadline, a message, the people; then look."""
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    document = saq.documents.get(instrument="UNTOC")
    save_version(document, body="<p>CONFIDENTIAL-ANSWER-7731</p>", base_version=0, actor=cast["expert.reviewed"])
    set_deadline(saq, due_on=date(2031, 3, 17), actor=cast["secretariat"], reason="EXTENSION-REASON-4417")
    Message.objects.create(step=saq, author=cast["secretariat"], body="MESSAGE-BODY-9902", posted_at=phase.review.started_on
                           and document.versions.get().created_at)
    secrets = ["CONFIDENTIAL-ANSWER-7731", "EXTENSION-REASON-4417", "MESSAGE-BODY-9902", "2031", "2021-07-15",
               "Jul", "late", "demo.revmod.org", "Kwame", "Mensah", "Abena", "Owusu", "Wanjiru", "NV/GHA"]
    for url in PAGES:
        for language in LANGUAGES:
            page = text(client, f"{url}?lang={language}")
            assert [s for s in secrets if s in page] == [], (url, language)
            assert "<script" not in page and "style=" not in page


def test_pages_are_light(cast, client):
    for url in PAGES[:-1]:
        page = client.get(url)
        assert len(page.content) < 100_000 - 10_000  # the stylesheet is under 10 KB
        assert page.content.decode().count('rel="stylesheet"') == 1


def test_queries_are_the_same_at_one_and_three_reviews(cast_review, groups, client):
    def counts():
        result = []
        for url in ("/", "/countries/", "/countries/GHA/", "/draw/", "/draw/results.csv"):
            cache.clear()
            forget_edition()  # the edition is read once a second: count its query every time
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result
    one = counts()
    make_review("ARG", group=groups[2], same="BRA", other="ESP")
    make_review("CHL", group=groups[3], same="URY", other="ITA")
    assert counts() == one


def test_a_kept_page_is_served_without_queries(cast, client):
    text(client, "/draw/?lang=fr")
    with CaptureQueriesContext(connection) as queries:
        text(client, "/draw/?lang=fr")
    assert len(queries) == 0


def test_pages_travel_compressed_to_browsers_that_accept_it(cast, client):
    import gzip

    plain = client.get("/draw/?lang=ar")
    packed = client.get("/draw/?lang=ar", HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content and "Content-Encoding" not in plain
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
