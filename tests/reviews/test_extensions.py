"""Extensions: asked by the side that owes the step, decided by the other side or the secretariat."""

from datetime import date

import pytest

from revmod.core.errors import Refused
from revmod.reviews.domain.extensions import change_deadline, decide_extension, request_extension
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def test_an_approved_extension_moves_the_later_deadlines_and_keeps_the_history(cast, cast_review):
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    request = request_extension(saq, actor=cast["fp.reviewed"], new_due_on=date(2021, 9, 15), reason="Elections")
    decide_extension(request, actor=cast["fp.reviewer2"], approve=True)
    assert step_of(phase, StepKind.SAQ).due_on == date(2021, 9, 15)
    assert step_of(phase, StepKind.FEEDBACK).due_on == date(2022, 3, 18)  # 62 days later too
    history = list(step_of(phase, StepKind.SAQ).deadline_changes.values_list("old_due_on", "new_due_on"))
    assert history == [(None, date(2021, 7, 15)), (date(2021, 7, 15), date(2021, 9, 15))]


def test_the_side_that_asks_cannot_approve_its_own_extension(cast, cast_review):
    saq = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)
    request = request_extension(saq, actor=cast["fp.reviewed"], new_due_on=date(2021, 9, 15), reason="Elections")
    with pytest.raises(Refused, match="other side"):
        decide_extension(request, actor=cast["fp.reviewed"], approve=True)
    assert step_of(saq.phase, StepKind.SAQ).due_on == date(2021, 7, 15)


def test_experts_and_the_other_side_cannot_ask_for_an_extension(cast, cast_review):
    saq = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)
    for key in ("expert.reviewed", "fp.reviewer1"):
        with pytest.raises(Refused):
            request_extension(saq, actor=cast[key], new_due_on=date(2021, 9, 15), reason="x")


def test_a_deadline_before_the_review_started_is_refused(cast, cast_review):
    saq = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)
    with pytest.raises(Refused, match="before the review started"):
        change_deadline(saq, actor=cast["secretariat"], due_on=date(2019, 1, 1), reason="typo")
