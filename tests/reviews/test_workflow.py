"""A phase from the initial consultation to finalization, through the domain functions."""

from datetime import date

import pytest
from django.core import mail

from revmod.core.errors import Refused
from revmod.documents.domain import save_version
from revmod.reviews.domain.steps import clear_output, move_to_step, record_consultation, step_of
from revmod.reviews.enums import ReportStatus, StepKind, StepStatus
from revmod.reviews.domain.queries.progress import current_phase, report_status
from revmod.reviews.models import ReviewStep

pytestmark = pytest.mark.integration


def consult(review, actor, day=date(2021, 1, 15), languages=("en",)):
    phase = review.phases.get()
    return record_consultation(phase, actor=actor, consulted_on=day, languages=list(languages))


def write_all(step, actor, text="<p>Answer.</p>"):
    for document in step.documents.all():
        save_version(document, body=text, base_version=document.current_version, actor=actor)


def test_consultation_opens_the_questionnaire_with_default_deadlines(cast, cast_review):
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    assert saq.status == StepStatus.OPEN
    assert saq.due_on == date(2021, 7, 15)  # six months (P&R 34)
    assert step_of(phase, StepKind.FEEDBACK).due_on == date(2022, 1, 15)
    assert step_of(phase, StepKind.SUMMARY).due_on == date(2022, 9, 15)
    assert sorted(d.instrument_id for d in saq.documents.all()) == ["FIR", "SOM", "TIP", "UNTOC"]


def test_three_working_languages_are_refused_without_a_reason(cast, cast_review):
    with pytest.raises(Refused, match="third working language"):
        consult(cast_review, cast["secretariat"], languages=("en", "fr", "ar"))
    assert step_of(cast_review.phases.get(), StepKind.SAQ).status == StepStatus.PENDING


def test_consultation_refused_to_an_expert_and_a_reviewing_focal_point(cast, cast_review):
    for key in ("expert.reviewed", "fp.reviewer1", "observer.reviewed"):
        with pytest.raises(Refused):
            consult(cast_review, cast[key])


def test_only_the_focal_point_of_the_reviewed_state_clears_the_answers(cast, cast_review):
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    write_all(saq, cast["expert.reviewed"])
    for key in ("expert.reviewed", "observer.reviewed", "fp.reviewer1", "secretariat", "fp.unrelated"):
        with pytest.raises(Refused):
            clear_output(saq, actor=cast[key])
    clear_output(saq, actor=cast["fp.reviewed"])
    assert step_of(phase, StepKind.FEEDBACK).status == StepStatus.OPEN


def test_answers_cannot_be_cleared_while_a_document_is_empty(cast, cast_review):
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    document = saq.documents.get(instrument="TIP")
    save_version(document, body="<p>Only TIP.</p>", base_version=0, actor=cast["expert.reviewed"])
    with pytest.raises(Refused, match="still empty: UNTOC, SOM, FIR"):
        clear_output(saq, actor=cast["fp.reviewed"])


def test_written_feedback_needs_both_reviewing_states(cast, cast_review):
    """Written feedback is joint (P&R 35)."""
    phase = consult(cast_review, cast["secretariat"])
    write_all(step_of(phase, StepKind.SAQ), cast["expert.reviewed"])
    clear_output(step_of(phase, StepKind.SAQ), actor=cast["fp.reviewed"])
    feedback = step_of(phase, StepKind.FEEDBACK)
    write_all(feedback, cast["expert.reviewer1"])
    clear_output(feedback, actor=cast["fp.reviewer1"])
    assert step_of(phase, StepKind.FEEDBACK).status == StepStatus.OPEN
    clear_output(feedback, actor=cast["fp.reviewer2"])
    assert step_of(phase, StepKind.DIALOGUE).status == StepStatus.OPEN


def test_editing_after_a_clearance_withdraws_it(cast, cast_review):
    phase = consult(cast_review, cast["secretariat"])
    write_all(step_of(phase, StepKind.SAQ), cast["expert.reviewed"])
    clear_output(step_of(phase, StepKind.SAQ), actor=cast["fp.reviewed"])
    feedback = step_of(phase, StepKind.FEEDBACK)
    write_all(feedback, cast["expert.reviewer1"])
    clear_output(feedback, actor=cast["fp.reviewer1"])
    write_all(feedback, cast["expert.reviewer2"], text="<p>Changed.</p>")
    clear_output(feedback, actor=cast["fp.reviewer2"])
    assert step_of(phase, StepKind.FEEDBACK).status == StepStatus.OPEN


def run_to_finalization(cast, review):
    phase = consult(review, cast["secretariat"])
    for kind, writer in ((StepKind.SAQ, "expert.reviewed"), (StepKind.FEEDBACK, "expert.reviewer1"),
                         (StepKind.DIALOGUE, None), (StepKind.OBSERVATIONS, "expert.reviewer2"),
                         (StepKind.SUMMARY, "secretariat")):
        step = step_of(phase, kind)
        if writer:
            write_all(step, cast[writer])
        for key in ("fp.reviewed", "fp.reviewer1", "fp.reviewer2"):
            step.refresh_from_db()
            if step.status == StepStatus.OPEN and key in _clearers(step):
                clear_output(step, actor=cast[key])
    phase.refresh_from_db()
    return phase


def _clearers(step):
    return {"saq": {"fp.reviewed"}, "feedback": {"fp.reviewer1", "fp.reviewer2"}}.get(
        step.kind, {"fp.reviewed", "fp.reviewer1", "fp.reviewer2"})


def test_a_phase_runs_from_consultation_to_finalization(cast, cast_review, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        phase = run_to_finalization(cast, cast_review)
    assert phase.finalized_at is not None
    assert report_status(current_phase(cast_review)) == ReportStatus.COMPLETED
    assert all(s.status == StepStatus.DONE for s in phase.steps.all())
    subjects = {m.subject for m in mail.outbox if m.to == [cast["observer.reviewed"].email]}
    assert "Review of Ghana: phase finalized" in subjects


def test_summary_over_5000_words_cannot_be_agreed(cast, cast_review):
    """P&R 38: the summary is at most 5,000 words."""
    phase = consult(cast_review, cast["secretariat"])
    for kind, writer in ((StepKind.SAQ, "expert.reviewed"), (StepKind.FEEDBACK, "expert.reviewer1"),
                         (StepKind.DIALOGUE, None), (StepKind.OBSERVATIONS, "expert.reviewer2")):
        step = step_of(phase, kind)
        if writer:
            write_all(step, cast[writer])
        for key in sorted(_clearers(step)):
            clear_output(step, actor=cast[key])
    summary = step_of(phase, StepKind.SUMMARY)
    write_all(summary, cast["secretariat"], text="<p>" + "word " * 5001 + "</p>")
    with pytest.raises(Refused, match="5001 words"):
        clear_output(summary, actor=cast["fp.reviewed"])
    assert ReviewStep.objects.get(pk=summary.pk).status == StepStatus.OPEN


def test_steps_cannot_be_skipped_or_moved_back(cast, cast_review):
    phase = cast_review.phases.get()
    with pytest.raises(Refused, match="cannot go from"):
        move_to_step(phase, from_kind=StepKind.CONSULTATION, to_kind=StepKind.FEEDBACK, actor=cast["secretariat"])
    with pytest.raises(Refused, match="cannot go from"):
        move_to_step(phase, from_kind=StepKind.SAQ, to_kind=StepKind.CONSULTATION, actor=cast["secretariat"])
