"""Fixtures of the publication tests: Ghana's UNTOC answers submitted, and a kept public cache cleared around each test."""

import pytest
from django.core.cache import cache

from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.questionnaires.domain.responses import open_response
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.questionnaires.helpers import answer_all
from revmod.questionnaires.domain.responses import submit_response
from tests.reviews.test_workflow import consult


@pytest.fixture(autouse=True)
def _fresh_public_pages():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def saq(db, cast, cast_review):
    load_questionnaires()
    return step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)


@pytest.fixture
def untoc(saq, cast):
    """Ghana's UNTOC answers, every question answered and submitted by its focal point."""
    response = open_response(saq, instrument_id="UNTOC", actor=cast["expert.reviewed"])
    answer_all(response, cast["expert.reviewed"])
    submit_response(response, actor=cast["fp.reviewed"])
    return response
