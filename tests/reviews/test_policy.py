"""Who may read what: the one access policy."""

import pytest

from revmod.reviews import policy
from revmod.reviews.domain.steps import clear_output, step_of
from revmod.reviews.enums import StepKind
from tests.reviews.test_workflow import consult, write_all

pytestmark = pytest.mark.integration


def readers(cast, document):
    return sorted(k for k, person in cast.items() if policy.can_view_document(person, document))


def test_draft_answers_are_confidential_to_the_review(cast, cast_review):
    document = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ).documents.get(instrument="UNTOC")
    assert readers(cast, document) == [
        "expert.reviewed", "expert.reviewer1", "expert.reviewer2", "fp.reviewed", "fp.reviewer1",
        "fp.reviewer2", "observer.reviewed", "secretariat"]


def test_submitted_answers_are_readable_by_every_states_party_user(cast, cast_review):
    """P&R 40."""
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    write_all(saq, cast["expert.reviewed"])
    clear_output(saq, actor=cast["fp.reviewed"])
    document = saq.documents.get(instrument="UNTOC")
    document.step.refresh_from_db()
    assert "fp.unrelated" in readers(cast, document)
    assert "ngo" not in readers(cast, document) and "anonymous" not in readers(cast, document)
    feedback = step_of(phase, StepKind.FEEDBACK).documents.get(instrument="UNTOC")
    assert "fp.unrelated" not in readers(cast, feedback)
