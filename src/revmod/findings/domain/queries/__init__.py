"""Reads of findings: opening them for a person (audited, P&R 37), and what a page lists."""

from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.findings import policy
from revmod.findings.models import ObservationList, WrittenFeedback
from revmod.questionnaires.models import Answer


def read_feedback(feedback: WrittenFeedback, *, actor, request=None) -> WrittenFeedback:
    """Open a joint written feedback; every read of confidential material is in the audit trail."""
    if not policy.can_view_phase(actor, feedback.phase):
        raise Refused(_("You cannot read this written feedback."))
    record("findings.feedback.read", actor=actor, target=feedback, review=feedback.phase.review, request=request)
    return feedback


def read_list(observation_list: ObservationList, *, actor, request=None) -> ObservationList:
    if not policy.can_view_phase(actor, observation_list.phase):
        raise Refused(_("You cannot read this list of observations."))
    record("findings.list.read", actor=actor, target=observation_list, review=observation_list.review, request=request)
    return observation_list


def answers_by_article(feedback: WrittenFeedback) -> dict[int, list[Answer]]:
    """The State's SAQ answers of the feedback's phase and instrument, per article (one query)."""
    rows = (Answer.objects.filter(response__step__phase=feedback.phase, response__instrument=feedback.instrument)
            .select_related("question__article").order_by("question__number", "question_id"))
    result: dict[int, list[Answer]] = {}
    for answer in rows:
        result.setdefault(answer.question.article_id, []).append(answer)
    return result
