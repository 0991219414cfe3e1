"""Published material on the public site: only what was chosen, never the rest; feed and open data; fixed queries."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from revmod.documents.models import Message
from revmod.publication import domain
from revmod.publication.domain.queries import forget_edition
from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.questionnaires.domain.queries import questions_of
from revmod.questionnaires.domain.responses import open_response, save_answer, submit_response
from revmod.reviews.domain.steps import set_deadline, step_of
from revmod.reviews.enums import StepKind
from tests.conftest import make_review
from tests.public.test_public_pages import LANGUAGES, PAGES, text
from tests.questionnaires.helpers import answer_all, sample_value
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _fresh_public_pages():
    cache.clear()
    yield
    cache.clear()


def submitted_untoc(review, cast, *, secret_question="5.1", secret="UNPUBLISHED-ANSWER-6120"):
    """The State's UNTOC answers submitted, one of them holding a text that must never be public."""
    load_questionnaires()
    saq = step_of(consult(review, cast["secretariat"]), StepKind.SAQ)
    response = open_response(saq, instrument_id="UNTOC", actor=cast["expert.reviewed"])
    answer_all(response, cast["expert.reviewed"])
    question = next(q for q in questions_of(response) if q.label == secret_question)
    answer = response.answers.get(question=question)
    value = {name: (secret if name not in ("choice", "link", "mechanism") else v) for name, v in sample_value(question).items()}
    save_answer(response, question=question, value=value, base_revision=answer.revision, actor=cast["expert.reviewed"])
    submit_response(response, actor=cast["fp.reviewed"])
    return saq, response


def publish(review, actor, *, source_id, parts=(), kind="saq_answers", language="en"):
    draft = domain.prepare(review, kind=kind, source_id=source_id, parts=list(parts), language=language, actor=actor)
    return domain.publish(review, kind=kind, source_id=source_id, parts=list(parts), language=language,
                          fingerprint=draft.fingerprint, actor=actor)


def test_nothing_unpublished_reaches_any_public_page(cast, cast_review, client):
    """First create what could leak (an unchosen answer, a deadline, a message, the people), publish
    other parts, then look at every public page in every language; then withdraw and look again."""
    saq, response = submitted_untoc(cast_review, cast)
    set_deadline(saq, due_on=saq.due_on.replace(year=2031), actor=cast["secretariat"], reason="EXTENSION-REASON-4417")
    Message.objects.create(step=saq, author=cast["secretariat"], body="MESSAGE-BODY-9902", posted_at=response.submitted_at)
    published_part = next(q for q in questions_of(response) if q.label == "6.1")
    publication = publish(cast_review, cast["fp.reviewed"], source_id=response.pk, parts=[published_part.pk])
    item = f"/countries/GHA/published/{publication.pk}/"
    secrets = ["UNPUBLISHED-ANSWER-6120", "EXTENSION-REASON-4417", "MESSAGE-BODY-9902", "2031", "Kwame", "Mensah",
               "Abena", "Owusu", "Wanjiru", "demo.revmod.org", "of 5.1:", "of 2.1:"]
    urls = [*PAGES, item, "/feed.atom", "/open-data/", "/open-data/mechanism.json", "/open-data/mechanism.csv"]
    for url in urls:
        for language in LANGUAGES:
            page = text(client, f"{url}?lang={language}")
            assert [s for s in secrets if s in page] == [], (url, language)
            assert "<script" not in page and "style=" not in page
    assert "of 6.1: Penal Code" in text(client, item)
    domain.withdraw(publication, actor=cast["fp.reviewed"])
    for url in urls:
        response = client.get(f"{url}?lang=en")
        assert response.status_code == (404 if url == item else 200)
        assert "of 6.1:" not in response.content.decode()
        assert url == item or f"/published/{publication.pk}/" not in response.content.decode()


def test_the_feed_lists_published_material_newest_first(cast, cast_review, client):
    _, response = submitted_untoc(cast_review, cast)
    first = publish(cast_review, cast["fp.reviewed"], source_id=response.pk, parts=[questions_of(response)[0].pk])
    second = publish(cast_review, cast["fp.reviewed"], source_id=response.pk, language="fr")
    feed = client.get("/feed.atom?lang=es")
    assert feed["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ElementTree.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [f"urn:revmod:publication:{second.pk}", f"urn:revmod:publication:{first.pk}"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/countries/GHA/published/{second.pk}/?lang=es")
    assert entries[0].find(f"{ATOM}title").text.startswith("Ghana: ")
    assert "français" in entries[0].find(f"{ATOM}summary").text


def test_open_data_has_every_party_in_code_order_with_its_public_facts(cast, cast_review, client):
    _, response = submitted_untoc(cast_review, cast)
    publication = publish(cast_review, cast["fp.reviewed"], source_id=response.pk)
    data = json.loads(text(client, "/open-data/mechanism.json?lang=en"))
    codes = [p["code"] for p in data["parties"]]
    assert codes == sorted(codes) and len(codes) == 192
    ghana = next(p for p in data["parties"] if p["code"] == "GHA")
    assert ghana["review"] == {"group": 1, "status": "saq", "status_label": "self-assessment questionnaire", "reviewing_states": [
        {"code": "KEN", "instruments": ["UNTOC", "TIP", "SOM", "FIR"]}, {"code": "NOR", "instruments": ["UNTOC", "TIP", "SOM", "FIR"]}]}
    assert ghana["published"] == [{"title": "Answers to the self-assessment questionnaire: Convention (UNTOC), cluster 1",
                                   "language": "en", "whole": True, "published_on": f"{publication.published_at:%Y-%m-%d}",
                                   "url": f"http://127.0.0.1:8000/countries/GHA/published/{publication.pk}/?lang=en"}]
    assert next(p for p in data["parties"] if p["code"] == "KEN")["reviewer_in"] == ["GHA"]
    assert data["reviews_by_status"] == {"not_started": 1, "saq": 1, "feedback": 0, "observations": 0, "completed": 0}
    rows = list(csv.DictReader(io.StringIO(text(client, "/open-data/mechanism.csv?lang=fr"))))
    assert [r["code"] for r in rows] == codes
    assert next(r for r in rows if r["code"] == "GHA") == {
        "code": "GHA", "name": "Ghana", "regional_group": "AFRICA", "instruments": "UNTOC TIP SOM FIR", "signatory_only": "no",
        "review_group": "1", "review_status": "saq", "reviewing_states": "KEN NOR", "reviewer_in": "", "published_items": "1"}
    page = text(client, "/open-data/?lang=en")
    assert re.findall(r"<th scope=\"row\"><code>(\w+)</code></th>", page) == list(rows[0].keys())


def test_queries_do_not_grow_with_publications_or_reviews(cast, cast_review, groups, client):
    _, response = submitted_untoc(cast_review, cast)
    questions = questions_of(response)

    def counts():
        result = []
        for url in ("/countries/GHA/", "/feed.atom", "/open-data/mechanism.json", "/open-data/mechanism.csv"):
            cache.clear()
            forget_edition()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result
    publish(cast_review, cast["fp.reviewed"], source_id=response.pk, parts=[questions[0].pk])
    one = counts()
    publish(cast_review, cast["fp.reviewed"], source_id=response.pk, parts=[questions[1].pk])
    publish(cast_review, cast["fp.reviewed"], source_id=response.pk, parts=[questions[2].pk])
    make_review("ARG", group=groups[2], same="BRA", other="ESP")
    assert counts() == one
