"""The questionnaire definitions: shipped for cluster 1, versioned, edited by the secretariat in six languages."""

import pytest

from revmod.core.errors import Refused
from revmod.core.i18n import UN_LANGUAGES
from revmod.questionnaires.domain import definitions
from revmod.questionnaires.domain.queries import current_definition, questions_for_party
from revmod.questionnaires.domain.responses import open_response, save_answer
from revmod.questionnaires.enums import QuestionKind
from revmod.questionnaires.models import QuestionnaireDefinition
from revmod.reference.models import Article, Party
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.questionnaires.helpers import sample_value
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def test_cluster_1_has_a_questionnaire_per_instrument_covering_every_reviewed_article(questionnaires):
    """One questionnaire per instrument and cluster, questions per article (P&R 9, appendix table 1)."""
    for code in ("UNTOC", "TIP", "SOM", "FIR"):
        definition = current_definition(code, 1)
        questions = list(definition.questions.select_related("article"))
        reviewed = set(Article.objects.filter(instrument_id=code, cluster_id=1).values_list("number", flat=True))
        assert {q.article.number for q in questions} == reviewed
        assert all(q.texts.get(lang) for q in questions for lang in UN_LANGUAGES)
    kinds = set(definitions.Question.objects.values_list("kind", flat=True))
    assert kinds == set(QuestionKind.values)


def test_articles_8_and_9_are_asked_only_of_parties_not_party_to_uncac(questionnaires):
    """UNTOC articles 8 and 9 are reviewed only for parties that are not UNCAC parties (P&R 9, table 1)."""
    untoc = current_definition("UNTOC", 1)
    party_articles = {q.article.number for q in questions_for_party(untoc, uncac_party=True)}
    other_articles = {q.article.number for q in questions_for_party(untoc, uncac_party=False)}
    assert party_articles == {2, 5, 6, 10, 15, 23}
    assert other_articles == {2, 5, 6, 8, 9, 10, 15, 23}
    assert not Party.objects.get(pk="BRB").uncac_party  # a real party that is not party to UNCAC


def test_loading_again_keeps_what_the_secretariat_changed(questionnaires, cast):
    draft = definitions.new_version(current_definition("TIP", 1), actor=cast["secretariat"])
    question = draft.questions.order_by("article__number", "number").first()
    definitions.edit_question(question, texts={**question.texts, "en": "Reworded."}, kind=question.kind, actor=cast["secretariat"])
    definitions.publish(draft, actor=cast["secretariat"])
    assert definitions.load_questionnaires()["kept"] == 4
    assert current_definition("TIP", 1).questions.get(pk=question.pk).texts["en"] == "Reworded."


def test_answers_keep_the_version_they_were_given_against(questionnaires, cast, cast_review, unrelated_review):
    saq = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)
    response = open_response(saq, instrument_id="UNTOC", actor=cast["expert.reviewed"])
    first = response.definition
    question = first.questions.order_by("article__number", "number").first()
    save_answer(response, question=question, value=sample_value(question), base_revision=0, actor=cast["expert.reviewed"])
    draft = definitions.new_version(first, actor=cast["secretariat"])
    definitions.edit_question(draft.questions.get(article=question.article, number=question.number),
                              texts={lang: f"v2 {lang}" for lang in UN_LANGUAGES}, kind=question.kind, actor=cast["secretariat"])
    definitions.publish(draft, actor=cast["secretariat"])
    response.refresh_from_db()
    assert response.definition == first and first.questions.get(pk=question.pk).texts["en"] != "v2 en"
    other_saq = step_of(consult(unrelated_review, cast["secretariat"]), StepKind.SAQ)
    other = open_response(other_saq, instrument_id="UNTOC", actor=cast["fp.unrelated"])
    assert other.definition == draft and draft.version == 2


def test_only_the_secretariat_edits_and_only_a_draft(questionnaires, cast):
    published = current_definition("SOM", 1)
    with pytest.raises(Refused, match="Only the secretariat"):
        definitions.new_version(published, actor=cast["fp.reviewed"])
    question = published.questions.first()
    with pytest.raises(Refused, match="does not change"):
        definitions.edit_question(question, texts=question.texts, kind=question.kind, actor=cast["secretariat"])
    draft = definitions.new_version(published, actor=cast["secretariat"])
    with pytest.raises(Refused, match="already being edited"):
        definitions.new_version(published, actor=cast["secretariat"])
    article = Article.objects.get(instrument_id="SOM", number=5)
    definitions.add_question(draft, article=article, kind=QuestionKind.NARRATIVE, texts={"en": "Only English."},
                             actor=cast["secretariat"])
    with pytest.raises(Refused, match="not written in all six languages: 5.4"):
        definitions.publish(draft, actor=cast["secretariat"])
    assert QuestionnaireDefinition.objects.get(pk=draft.pk).status == "draft"


def test_the_secretariat_edits_a_question_in_the_six_languages_on_its_page(questionnaires, cast, login):
    draft = definitions.new_version(current_definition("FIR", 1), actor=cast["secretariat"])
    question = draft.questions.order_by("article__number", "number").first()
    client = login(cast["secretariat"])
    page = client.get(f"/questionnaires/definitions/{draft.pk}/").content.decode()
    for name in ("العربيّة", "简体中文", "English", "français", "Русский", "español"):  # each text labelled by its language
        assert f'">{name}</label>' in page
    texts = {f"text-{lang}": f"{lang} text" for lang in UN_LANGUAGES}
    client.post(f"/questionnaires/definitions/{draft.pk}/edit/", {"question": question.pk, "kind": question.kind, **texts})
    question.refresh_from_db()
    assert question.texts == {lang: f"{lang} text" for lang in UN_LANGUAGES}
    client.logout()
    assert login(cast["fp.reviewed"]).get(f"/questionnaires/definitions/{draft.pk}/").status_code == 404
