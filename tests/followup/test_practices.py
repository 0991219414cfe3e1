"""Good practices in filling in the questionnaire: shared by a State once its answers are in, read by all States (P&R 42)."""

import pytest

from revmod.audit.models import AuditEntry
from revmod.core.errors import Refused
from revmod.followup.domain.practices import share_practice, withdraw_practice
from revmod.followup.models import QuestionnairePractice
from revmod.reviews.enums import StepKind, StepStatus
from revmod.reviews.models import ReviewStep

pytestmark = pytest.mark.integration


def answers_submitted(review):
    ReviewStep.objects.filter(phase__review=review, kind=StepKind.SAQ).update(status=StepStatus.DONE)


def test_a_practice_is_shared_only_after_the_answers_are_submitted(cast, cast_review):
    with pytest.raises(Refused, match="once the answers are submitted"):
        share_practice(cast_review, actor=cast["fp.reviewed"], title="Inter-ministerial task force", text="It worked.")
    answers_submitted(cast_review)
    practice = share_practice(cast_review, actor=cast["fp.reviewed"], title="Inter-ministerial  task force",
                              text="One meeting per cluster, with NGOs.")
    assert practice.title == "Inter-ministerial task force"
    assert AuditEntry.objects.filter(action="followup.practice.shared", review=cast_review).count() == 1


def test_only_the_focal_point_of_the_state_under_review_shares(cast, cast_review):
    answers_submitted(cast_review)
    for key in ("expert.reviewed", "fp.reviewer1", "secretariat", "fp.unrelated"):
        with pytest.raises(Refused):
            share_practice(cast_review, actor=cast[key], title="T", text="X")
    assert not QuestionnairePractice.objects.exists()


def test_every_states_party_reads_the_practices_and_nobody_else(cast, cast_review, login, client):
    answers_submitted(cast_review)
    login(cast["fp.reviewed"]).post("/followup/practices/", {"review": cast_review.pk, "title": "Task force",
                                                             "text": "One meeting per cluster.", "language": "en"})
    readers = set()
    for key in ("secretariat", "fp.reviewed", "observer.reviewed", "fp.reviewer2", "fp.unrelated", "ngo"):
        client.logout()
        response = login(cast[key]).get("/followup/practices/")
        if response.status_code == 200 and "One meeting per cluster." in response.content.decode():
            readers.add(key)
    assert readers == {"secretariat", "fp.reviewed", "observer.reviewed", "fp.reviewer2", "fp.unrelated"}


def test_a_withdrawn_practice_is_no_longer_shown_and_its_row_is_kept(cast, cast_review, login):
    answers_submitted(cast_review)
    practice = share_practice(cast_review, actor=cast["fp.reviewed"], title="Task force", text="One meeting per cluster.")
    with pytest.raises(Refused):
        withdraw_practice(practice, actor=cast["fp.unrelated"])
    client = login(cast["fp.reviewed"])
    client.post(f"/followup/practices/{practice.pk}/withdraw/")
    assert "One meeting per cluster." not in client.get("/followup/practices/").content.decode()
    assert QuestionnairePractice.objects.get().withdrawn_at is not None
