"""The joint written feedback: both reviewing States edit one submission, nobody's edit is lost (P&R 35)."""

import pytest

from revmod.audit.models import AuditEntry
from revmod.core.errors import EditConflict, Refused
from revmod.findings.domain.feedback import answer_clarification, ask_clarification, reopen_feedback, save_entry, save_overview, submit_feedback
from revmod.findings.enums import FindingState
from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.reviews.domain.steps import clear_output, step_of
from revmod.reviews.enums import StepKind, StepStatus
from tests.questionnaires.helpers import submit_all
from tests.reviews.test_workflow import consult
from revmod.findings.domain.feedback import open_feedback

pytestmark = pytest.mark.integration


def entry_of(feedback, number):
    return feedback.entries.get(article__number=number)


def test_feedback_has_an_entry_per_article_of_the_cluster_without_8_and_9_for_uncac_parties(untoc_feedback, cast_review):
    numbers = sorted(untoc_feedback.entries.values_list("article__number", flat=True))
    expected = [2, 5, 6, 10, 15, 23] if cast_review.party.uncac_party else [2, 5, 6, 8, 9, 10, 15, 23]
    assert numbers == expected


def test_both_reviewing_states_edit_the_joint_feedback(cast, untoc_feedback):
    entry = entry_of(untoc_feedback, 5)
    save_entry(entry, text="Kenya's view.", answer_ids=[], base_version=0, actor=cast["expert.reviewer1"])
    save_entry(entry, text="Kenya's view. Norway agrees.", answer_ids=[], base_version=1, actor=cast["expert.reviewer2"])
    entry.refresh_from_db()
    assert (entry.text, entry.version, entry.updated_by) == ("<p>Kenya's view. Norway agrees.</p>", 2, cast["expert.reviewer2"])


def test_a_stale_edit_is_refused_and_the_colleagues_text_is_kept(cast, untoc_feedback):
    entry = entry_of(untoc_feedback, 5)
    save_entry(entry, text="First.", answer_ids=[], base_version=0, actor=cast["expert.reviewer1"])
    with pytest.raises(EditConflict) as raised:
        save_entry(entry_of(untoc_feedback, 5), text="Stale.", answer_ids=[], base_version=0, actor=cast["expert.reviewer2"])
    assert raised.value.current_version == 1
    assert entry_of(untoc_feedback, 5).text == "<p>First.</p>"


def test_the_state_under_review_and_outsiders_cannot_write_feedback(cast, untoc_feedback):
    for key in ("expert.reviewed", "fp.reviewed", "secretariat", "fp.unrelated", "observer.reviewed"):
        with pytest.raises(Refused):
            save_overview(untoc_feedback, text="x", base_version=0, actor=cast[key])
    untoc_feedback.refresh_from_db()
    assert (untoc_feedback.overview, untoc_feedback.version) == ("", 0)


def test_clarifications_are_asked_by_reviewers_and_answered_inline_by_the_state_under_review(cast, untoc_feedback):
    entry = entry_of(untoc_feedback, 6)
    question = ask_clarification(entry, question="Which court hears these cases?", actor=cast["expert.reviewer2"])
    with pytest.raises(Refused, match="Only the State under review"):
        answer_clarification(question, answer="We do.", actor=cast["fp.reviewer1"])
    with pytest.raises(Refused, match="Only the State under review"):
        answer_clarification(question, answer="We do.", actor=cast["observer.reviewed"])
    with pytest.raises(Refused, match="empty"):
        answer_clarification(question, answer="  ", actor=cast["expert.reviewed"])
    answer_clarification(question, answer="The High Court.", actor=cast["expert.reviewed"])
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("The High Court.", cast["expert.reviewed"])
    assert list(AuditEntry.objects.filter(action__startswith="findings.clarification").values_list("action", flat=True)) == [
        "findings.clarification.asked", "findings.clarification.answered"]


def test_submitting_writes_the_steps_document_and_both_focal_points_clear_it(cast, feedback_phase):
    feedbacks = open_feedback(feedback_phase)
    for feedback in feedbacks:
        save_entry(entry_of(feedback, 5), text=f"On {feedback.instrument_id}.", answer_ids=[], base_version=0,
                   actor=cast["expert.reviewer1"])
        with pytest.raises(Refused, match="focal point"):
            submit_feedback(feedback, actor=cast["expert.reviewer1"])
        submit_feedback(feedback, actor=cast["fp.reviewer2"])
    step = step_of(feedback_phase, StepKind.FEEDBACK)
    document = step.documents.get(instrument="UNTOC")
    body = document.versions.get(number=document.current_version).body
    assert "Article 5" in body and "On UNTOC." in body
    clear_output(step, actor=cast["fp.reviewer1"])
    clear_output(step, actor=cast["fp.reviewer2"])
    assert step_of(feedback_phase, StepKind.DIALOGUE).status == StepStatus.OPEN


def test_an_empty_feedback_cannot_be_submitted_and_a_submitted_one_is_locked_until_reopened(cast, untoc_feedback):
    with pytest.raises(Refused, match="still empty"):
        submit_feedback(untoc_feedback, actor=cast["fp.reviewer1"])
    save_overview(untoc_feedback, text="Overall.", base_version=0, actor=cast["expert.reviewer1"])
    submit_feedback(untoc_feedback, actor=cast["fp.reviewer1"])
    untoc_feedback.refresh_from_db()
    with pytest.raises(Refused):
        save_overview(untoc_feedback, text="Later.", base_version=1, actor=cast["expert.reviewer1"])
    reopen_feedback(untoc_feedback, actor=cast["fp.reviewer2"])
    save_overview(untoc_feedback, text="Later.", base_version=1, actor=cast["expert.reviewer1"])
    assert untoc_feedback.state == FindingState.DRAFT


def test_feedback_points_at_the_answers_of_its_article_only(cast, cast_review):
    load_questionnaires()
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    submit_all(saq, cast["expert.reviewed"], cast["fp.reviewed"])
    clear_output(saq, actor=cast["fp.reviewed"])
    feedback = next(f for f in open_feedback(phase) if f.instrument_id == "UNTOC")
    entry = entry_of(feedback, 5)
    from revmod.findings.domain.feedback import answers_for

    mine = list(answers_for(entry))
    other = list(answers_for(entry_of(feedback, 6)))
    assert mine and other and {a.question.article.number for a in mine} == {5}
    with pytest.raises(Refused, match="not answers on this article"):
        save_entry(entry, text="x", answer_ids=[other[0].pk], base_version=0, actor=cast["expert.reviewer1"])
    save_entry(entry, text="On the first answer.", answer_ids=[mine[0].pk], base_version=0, actor=cast["expert.reviewer1"])
    assert list(entry.answers.all()) == [mine[0]]
    submit_feedback(feedback, actor=cast["fp.reviewer1"])
    document = step_of(phase, StepKind.FEEDBACK).documents.get(instrument="UNTOC")
    assert f"questions {mine[0].question.label}." in document.versions.last().body
