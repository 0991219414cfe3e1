"""Publication by the State under review (P&R 41): its focal point chooses, sees, publishes and withdraws."""

import re

import pytest
from django.core.cache import cache

from revmod.audit.models import AuditEntry
from revmod.core.errors import Refused
from revmod.documents.domain import post_message
from revmod.publication import domain
from revmod.publication.domain.queries import publishable
from revmod.publication.enums import PublicationKind
from revmod.publication.models import Publication
from revmod.questionnaires.domain.queries import questions_of
from revmod.questionnaires.domain.responses import reopen_response, save_answer, submit_response
from revmod.reviews.domain.steps import clear_output, step_of
from revmod.reviews.enums import StepKind
from tests.questionnaires.helpers import sample_value
from tests.reviews.test_workflow import consult, write_all

pytestmark = pytest.mark.integration
SAQ = PublicationKind.SAQ_ANSWERS


def chosen(response, *labels):
    return [q.pk for q in questions_of(response) if q.label in labels]


def publish(review, fp, *, kind=SAQ, source_id, parts=(), language="en"):
    draft = domain.prepare(review, kind=kind, source_id=source_id, parts=list(parts), language=language, actor=fp)
    return domain.publish(review, kind=kind, source_id=source_id, parts=list(parts), language=language,
                          fingerprint=draft.fingerprint, actor=fp), draft


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_public_sees_exactly_the_questions_chosen(cast, cast_review, untoc, client):
    fp = cast["fp.reviewed"]
    publication, draft = publish(cast_review, fp, source_id=untoc.pk, parts=chosen(untoc, "5.1", "6.1"))
    assert publication.body == draft.body and publication.parts == sorted(chosen(untoc, "5.1", "6.1"))
    profile = page(client, "/countries/GHA/?lang=en")
    link = f"/countries/GHA/published/{publication.pk}/?lang=en"
    assert (f'<td><a href="{link}">Answers to the self-assessment questionnaire: Convention (UNTOC), cluster 1</a> (in part)</td>'
            f'<td lang="en">English</td><td>{publication.published_at:%Y-%m-%d}</td>') in profile
    item = page(client, link)
    assert re.findall(r"<h4>(\d+\.\d+) ", item) == ["5.1", "6.1"]
    assert "citation of 5.1: Penal Code" in item or "explanation of 5.1: Penal Code" in item or "text of 5.1" in item
    assert "of 5.2:" not in item and "of 2.1:" not in item
    assert draft.body in item and '<div class="material" lang="en" dir="ltr">' in item


def test_the_whole_answers_in_arabic_are_marked_right_to_left(cast, cast_review, untoc, client):
    publication, _ = publish(cast_review, cast["fp.reviewed"], source_id=untoc.pk, language="ar")
    item = page(client, f"/countries/GHA/published/{publication.pk}/?lang=fr")
    assert '<html lang="fr" dir="ltr">' in item and '<div class="material" lang="ar" dir="rtl">' in item
    assert item.count("<h4>") == len(re.findall(r"<h4>", publication.body)) > 10


def test_only_the_focal_point_of_the_state_under_review_publishes(cast, cast_review, untoc):
    for key in ("expert.reviewed", "observer.reviewed", "fp.reviewer1", "expert.reviewer2", "fp.unrelated",
                "secretariat", "ngo", "anonymous"):
        with pytest.raises(Refused):
            domain.prepare(cast_review, kind=SAQ, source_id=untoc.pk, parts=[], language="en", actor=cast[key])
    assert Publication.objects.count() == 0


def test_material_of_another_review_or_not_submitted_is_refused(cast, cast_review, unrelated_review, untoc):
    fp = cast["fp.reviewed"]
    reopen_response(untoc, actor=fp)
    with pytest.raises(Refused, match="cannot be published"):
        domain.prepare(cast_review, kind=SAQ, source_id=untoc.pk, parts=[], language="en", actor=fp)
    for kind, source, parts, language, message in [
            ("saq_answers", 10**9, [], "en", "cannot be published"),
            ("minutes", untoc.pk, [], "en", "cannot be published"),
            (PublicationKind.DIALOGUE, step_of(unrelated_review.phases.get(), StepKind.DIALOGUE).pk, [], "en", "cannot be published"),
            ("saq_answers", untoc.pk, [], "xx", "language")]:
        with pytest.raises(Refused, match=message):
            domain.prepare(cast_review, kind=kind, source_id=source, parts=parts, language=language, actor=fp)


def test_parts_that_are_not_the_materials_are_refused(cast, cast_review, untoc):
    with pytest.raises(Refused, match="not among the submitted answers"):
        domain.prepare(cast_review, kind=SAQ, source_id=untoc.pk, parts=[10**9], language="en", actor=cast["fp.reviewed"])


def test_material_changed_since_the_preview_is_not_published(cast, cast_review, untoc):
    fp, expert = cast["fp.reviewed"], cast["expert.reviewed"]
    seen = domain.preview(cast_review, kind=SAQ, source_id=untoc.pk, parts=[], language="en", actor=fp)
    reopen_response(untoc, actor=fp)
    question = next(q for q in questions_of(untoc) if q.label == "5.1")
    answer = untoc.answers.get(question=question)
    save_answer(untoc, question=question, value={**sample_value(question), **{k: "Changed." for k in answer.value if k not in ("choice", "link", "mechanism")}},
                base_revision=answer.revision, actor=expert)
    submit_response(untoc, actor=fp)
    with pytest.raises(Refused, match="changed since you looked"):
        domain.publish(cast_review, kind=SAQ, source_id=untoc.pk, parts=[], language="en", fingerprint=seen.fingerprint, actor=fp)
    assert Publication.objects.count() == 0
    with pytest.raises(Refused, match="already published"):
        publish(cast_review, fp, source_id=untoc.pk)
        publish(cast_review, fp, source_id=untoc.pk)
    assert Publication.objects.count() == 1


def test_a_withdrawal_is_off_every_public_page_at_once(cast, cast_review, untoc, client):
    publication, _ = publish(cast_review, cast["fp.reviewed"], source_id=untoc.pk)
    urls = ["/countries/GHA/?lang=en", f"/countries/GHA/published/{publication.pk}/?lang=en", "/feed.atom?lang=en",
            "/open-data/mechanism.json?lang=en"]
    for url in (urls[0], urls[2], urls[3]):  # now kept in the cache
        assert f"/published/{publication.pk}/" in page(client, url)
    assert "of 5.1: Penal Code" in page(client, urls[1])
    domain.withdraw(publication, actor=cast["fp.reviewed"])  # no cache cleared: the edition moved on
    assert client.get(urls[1]).status_code == 404
    for url in (urls[0], urls[2], urls[3]):
        assert f"/published/{publication.pk}/" not in page(client, url)
    assert "No document published by this State." in page(client, urls[0])
    with pytest.raises(Refused, match="already withdrawn"):
        domain.withdraw(publication, actor=cast["secretariat"])


def test_only_its_focal_point_and_the_secretariat_withdraw(cast, cast_review, untoc):
    publication, _ = publish(cast_review, cast["fp.reviewed"], source_id=untoc.pk)
    for key in ("expert.reviewed", "fp.reviewer1", "fp.unrelated", "anonymous"):
        with pytest.raises(Refused):
            domain.withdraw(publication, actor=cast[key])
    domain.withdraw(publication, actor=cast["secretariat"])
    assert Publication.objects.get().withdrawn_by == cast["secretariat"]


def test_every_preview_publication_and_withdrawal_is_audited(cast, cast_review, untoc):
    fp = cast["fp.reviewed"]
    before = AuditEntry.objects.count()
    draft = domain.preview(cast_review, kind=SAQ, source_id=untoc.pk, parts=chosen(untoc, "5.1"), language="en", actor=fp)
    publication = domain.publish(cast_review, kind=SAQ, source_id=untoc.pk, parts=chosen(untoc, "5.1"), language="en",
                                 fingerprint=draft.fingerprint, actor=fp)
    domain.withdraw(publication, actor=fp)
    entries = list(AuditEntry.objects.order_by("id")[before:].values_list("action", "actor", "review", "data"))
    assert [(a, actor, r) for a, actor, r, _ in entries] == [
        ("publication.previewed", fp.pk, cast_review.pk), ("publication.published", fp.pk, cast_review.pk),
        ("publication.withdrawn", fp.pk, cast_review.pk)]
    assert entries[1][3] == {"kind": "saq_answers", "source": untoc.pk, "version": 1, "parts": chosen(untoc, "5.1"),
                             "language": "en", "fingerprint": draft.fingerprint}


def open_dialogue(cast, review):
    """Through the workflow: answers written and cleared, written feedback written and cleared by both reviewers."""
    phase = consult(review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    write_all(saq, cast["expert.reviewed"])
    clear_output(saq, actor=cast["fp.reviewed"])
    feedback = step_of(phase, StepKind.FEEDBACK)
    write_all(feedback, cast["expert.reviewer1"])
    for key in ("fp.reviewer1", "fp.reviewer2"):
        clear_output(feedback, actor=cast[key])
    return step_of(phase, StepKind.DIALOGUE)


def test_the_dialogue_is_published_by_state_never_by_person(cast, cast_review, client):
    dialogue = open_dialogue(cast, cast_review)
    first = post_message(dialogue, actor=cast["expert.reviewer1"], body="Could you describe case law on article 5?")
    second = post_message(dialogue, actor=cast["expert.reviewed"], body="Yes: two convictions in 2022.")
    post_message(dialogue, actor=cast["expert.reviewer2"], body="PRIVATE-REMARK-5521")
    source = next(s for s in publishable(cast_review) if s.kind == PublicationKind.DIALOGUE)
    assert [pk for pk, _ in source.parts][:2] == [first.pk, second.pk]
    publication, _ = publish(cast_review, cast["fp.reviewed"], kind=PublicationKind.DIALOGUE, source_id=dialogue.pk,
                             parts=[first.pk, second.pk])
    item = page(client, f"/countries/GHA/published/{publication.pk}/?lang=en")
    assert re.findall(r"<h3>\d{4}-\d\d-\d\d · (\w+)</h3>", item) == ["Kenya", "Ghana"]
    assert "two convictions in 2022." in item and "PRIVATE-REMARK-5521" not in item
    assert [n for n in ("Otieno", "Odhiambo", "Abena", "Owusu", "demo.revmod.org") if n in item] == []


def test_documents_of_a_submitted_step_are_published_whole(cast, cast_review, client):
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    write_all(saq, cast["expert.reviewed"], text="<p>Our answers.</p><script>alert(1)</script>")
    assert [s.kind for s in publishable(cast_review)] == []  # the step is not submitted yet
    clear_output(saq, actor=cast["fp.reviewed"])
    sources = publishable(cast_review)
    assert [(s.kind, s.title) for s in sources][:1] == [
        ("document", "Self-assessment questionnaire answers: Convention (UNTOC), cluster 1")]
    with pytest.raises(Refused, match="published whole"):
        domain.prepare(cast_review, kind="document", source_id=sources[0].source_id, parts=[1], language="en",
                       actor=cast["fp.reviewed"])
    publication, _ = publish(cast_review, cast["fp.reviewed"], kind="document", source_id=sources[0].source_id)
    item = page(client, f"/countries/GHA/published/{publication.pk}/?lang=en")
    assert "<p>Our answers.</p>" in item and "<script" not in item


def test_published_material_of_one_state_is_not_found_under_another(cast, cast_review, untoc, client):
    publication, _ = publish(cast_review, cast["fp.reviewed"], source_id=untoc.pk)
    assert client.get(f"/countries/MEX/published/{publication.pk}/").status_code == 404
    assert client.get("/countries/GHA/published/999999/").status_code == 404
    cache.clear()
