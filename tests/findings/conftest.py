"""Fixtures of the findings tests: a phase at the written feedback step, and at the list of observations."""

import pytest

from revmod.findings.domain.feedback import open_feedback
from revmod.findings.domain.observations import open_lists
from revmod.reviews.domain.steps import clear_output, step_of
from revmod.reviews.enums import StepKind
from tests.reviews.test_workflow import consult, write_all


def clear_by_all(step, cast, keys):
    for key in keys:
        step = clear_output(step, actor=cast[key])
    return step


@pytest.fixture
def feedback_phase(cast, cast_review):
    """The cast's phase 1 with its questionnaire answers cleared: written feedback is open (P&R 35)."""
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    write_all(saq, cast["expert.reviewed"])
    clear_output(saq, actor=cast["fp.reviewed"])
    return phase


@pytest.fixture
def untoc_feedback(feedback_phase):
    return next(f for f in open_feedback(feedback_phase) if f.instrument_id == "UNTOC")


@pytest.fixture
def lists_phase(feedback_phase, cast):
    """The same phase moved on through feedback and dialogue: the lists of observations are open (P&R 38)."""
    feedback = step_of(feedback_phase, StepKind.FEEDBACK)
    write_all(feedback, cast["expert.reviewer1"])
    clear_by_all(feedback, cast, ["fp.reviewer1", "fp.reviewer2"])
    dialogue = step_of(feedback_phase, StepKind.DIALOGUE)
    clear_by_all(dialogue, cast, ["fp.reviewed", "fp.reviewer1", "fp.reviewer2"])
    return feedback_phase


@pytest.fixture
def untoc_list(lists_phase):
    return next(o for o in open_lists(lists_phase) if o.instrument_id == "UNTOC")
