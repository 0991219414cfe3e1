"""SAQ statistics: per question how the States answered, filtered, drilled down, for the secretariat only."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from revmod.audit.models import AuditEntry
from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.questionnaires.domain.responses import open_response, submit_response
from revmod.questionnaires.models import Question, QuestionnaireDefinition
from revmod.reports.domain.queries.saq import Filters, saq_statistics
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.questionnaires.helpers import answer_all
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def submit_untoc(review, secretariat, drafter, focal_point, *, choice: str):
    """The State answers every UNTOC question put to it with `choice` and submits (P&R 34)."""
    step = step_of(consult(review, secretariat), StepKind.SAQ)
    response = open_response(step, instrument_id="UNTOC", actor=drafter)
    answer_all(response, drafter, choice=choice)
    submit_response(response, actor=focal_point)
    return response


@pytest.fixture
def answered(cast, cast_review, unrelated_review):
    """Ghana (African States) answers "yes" throughout; Mexico (Latin America) "no"."""
    load_questionnaires()
    submit_untoc(cast_review, cast["secretariat"], cast["expert.reviewed"], cast["fp.reviewed"], choice="yes")
    submit_untoc(unrelated_review, cast["secretariat"], cast["fp.unrelated"], cast["fp.unrelated"], choice="no")
    definition = QuestionnaireDefinition.objects.get(instrument_id="UNTOC", cluster_id=1)
    serious_crime = Question.objects.get(definition=definition, article__number=2, number=2)
    return {"definition": definition, "question": serious_crime,
            "legislation": Question.objects.get(definition=definition, article__number=2, number=3)}


def figures_of(answered, filters=None):
    states, figures = saq_statistics(answered["definition"], filters or Filters())
    return states, {f.question.pk: f for f in figures}


def test_each_question_counts_how_the_states_answered(answered):
    states, figures = figures_of(answered)
    serious_crime, legislation = figures[answered["question"].pk], figures[answered["legislation"].pk]
    assert states == 2
    assert (serious_crime.applied, serious_crime.answered, serious_crime.options) == (2, 2, {"yes": 1, "partly": 0, "no": 1})
    # The legislation follow-up is put only to the State that answered "yes" (or "yes, in part").
    assert (legislation.applied, legislation.answered, legislation.options) == (1, 1, {})
    # UNTOC articles 8 and 9 are put only to parties not party to UNCAC; Ghana and Mexico are (P&R 9).
    article_8 = [f for f in figures.values() if f.question.article.number == 8]
    assert article_8 and all(f.applied == 0 for f in article_8)
    # Filtered by regional group, by group, by both.
    states, figures = figures_of(answered, Filters(region="AFRICA"))
    assert states == 1 and figures[answered["question"].pk].options == {"yes": 1, "partly": 0, "no": 0}
    assert figures_of(answered, Filters(group=2))[0] == 0
    assert figures_of(answered, Filters(group=1, region="GRULAC"))[1][answered["question"].pk].options["no"] == 1


def test_statistics_page_names_no_state_and_its_drill_down_is_audited(cast, login, answered):
    page = login(cast["secretariat"]).get("/reports/saq/", {"questionnaire": answered["definition"].pk}).content.decode()
    assert "Answers submitted by 2 States." in page
    assert "<li>yes: 1 (50%)</li><li>yes, in part: 0 (0%)</li><li>no: 1 (50%)</li>" in page
    labels = [q.label for q in Question.objects.filter(definition=answered["definition"]).order_by("article__number", "number")]
    positions = [page.index(f"<th scope=\"row\">{label} ") for label in labels]
    assert positions == sorted(positions)
    assert "Ghana" not in page and "Mexico" not in page
    # The drill-down to one question: each State's answer, by name, and the reading audited.
    question = answered["question"]
    url = f"/reports/saq/{answered['definition'].pk}/{question.pk}/"
    page = login(cast["secretariat"]).get(url).content.decode()
    assert page.index("Ghana") < page.index("Mexico")
    assert "<strong>Answer:</strong> yes" in page and "<strong>Answer:</strong> no" in page
    entry = AuditEntry.objects.filter(action="reports.saq.answers_read").get()
    assert (entry.actor, entry.data["question"], entry.data["states"]) == (cast["secretariat"], "2.2", 2)
    page = login(cast["secretariat"]).get(url, {"region": "GRULAC"}).content.decode()
    assert "Mexico" in page and "Ghana" not in page


def test_statistics_download_has_a_row_per_question_and_is_audited(cast, login, answered):
    response = login(cast["secretariat"]).get("/reports/saq/statistics.xlsx",
                                               {"questionnaire": answered["definition"].pk, "region": "AFRICA"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["2.2"][2:] == (1, 1, "yes: 1; yes, in part: 0; no: 0")
    assert len(rows) == Question.objects.filter(definition=answered["definition"]).count()
    assert "Ghana" not in str(list(sheet.values))
    entry = AuditEntry.objects.get(action="reports.saq.exported")
    assert (entry.actor, entry.data["region"]) == (cast["secretariat"], "AFRICA")


def test_statistics_are_404_for_everyone_but_the_secretariat(cast, login, client, answered):
    urls = ("/reports/saq/", "/reports/saq/statistics.xlsx",
            f"/reports/saq/{answered['definition'].pk}/{answered['question'].pk}/")
    for key, person in cast.items():
        if key == "secretariat":
            continue
        client.logout()
        if key != "anonymous":
            login(person)
        for url in urls:
            assert client.get(url).status_code == 404, (key, url)
    assert not AuditEntry.objects.filter(action="reports.saq.answers_read").exists()
    other = QuestionnaireDefinition.objects.exclude(pk=answered["definition"].pk).first()
    client = login(cast["secretariat"])
    assert client.get(f"/reports/saq/{other.pk}/{answered['question'].pk}/").status_code == 404


def test_bad_filters_are_told_not_a_500(cast, login):
    load_questionnaires()
    client = login(cast["secretariat"])
    response = client.get("/reports/saq/", {"questionnaire": "x", "group": "9", "region": "MOON"})
    assert response.status_code == 200
    assert response.content.decode().count('role="alert"') >= 3
    question = Question.objects.filter(parent=None).select_related("definition").first()
    for url in ("/reports/saq/statistics.xlsx", f"/reports/saq/{question.definition_id}/{question.pk}/"):
        response = client.get(url, {"region": "MOON"}, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code == 400 and "Sélectionnez un choix valide" in response.content.decode()
    assert not AuditEntry.objects.filter(action__startswith="reports.").exists()


def test_statistics_take_the_same_queries_for_one_and_two_states(cast, cast_review, unrelated_review):
    load_questionnaires()
    definition = QuestionnaireDefinition.objects.get(instrument_id="UNTOC", cluster_id=1)

    def count():
        with CaptureQueriesContext(connection) as queries:
            saq_statistics(definition, Filters())
        return len(queries)
    submit_untoc(cast_review, cast["secretariat"], cast["expert.reviewed"], cast["fp.reviewed"], choice="yes")
    one = count()
    submit_untoc(unrelated_review, cast["secretariat"], cast["fp.unrelated"], cast["fp.unrelated"], choice="partly")
    assert count() == one == 2
