"""Fixtures of the questionnaire tests: the shipped questionnaires, the cast's SAQ step, its UNTOC answers."""

import pytest

from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.questionnaires.domain.responses import open_response
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.reviews.test_workflow import consult


@pytest.fixture
def questionnaires(db):
    """Loaded unless the session already did (loading is idempotent)."""
    load_questionnaires()


@pytest.fixture
def saq(questionnaires, cast, cast_review):
    return step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)


@pytest.fixture
def untoc(saq, cast):
    return open_response(saq, instrument_id="UNTOC", actor=cast["expert.reviewed"])
