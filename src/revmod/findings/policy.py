"""Who may write, answer, mark confidential and download findings: `reviews.policy` composed.

Each predicate names one action; views and domain functions only call these names (STYLE 5-6).
"""

from revmod.accounts.enums import Role
from revmod.findings.enums import Audience, FindingState
from revmod.reviews import policy
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import Side, StepKind, StepStatus

SUBMITTED = {FindingState.SUBMITTED, FindingState.FINALIZED}


def is_final(observation_list) -> bool:
    """Finalized with its phase, when both sides agreed (P&R 39); derived from the phase."""
    return observation_list.state == FindingState.FINALIZED or observation_list.phase.finalized_at is not None


def can_view_phase(user, phase) -> bool:
    """The review's participants and the secretariat (P&R 37)."""
    return policy.can_view_review(user, phase.review)


def can_write_feedback(user, feedback) -> bool:
    """Experts and focal points of both reviewing States, while the step is open and the
    joint submission is a draft (P&R 35)."""
    step = step_of(feedback.phase, StepKind.FEEDBACK)
    return feedback.state == FindingState.DRAFT and policy.can_draft(user, step)


def can_submit_feedback(user, feedback) -> bool:
    """A reviewing State's focal point submits (and may reopen) the joint feedback (DOMAIN §6)."""
    step = step_of(feedback.phase, StepKind.FEEDBACK)
    return policy.clearing_party(user, step) is not None


def speaks_for_reviewed_state(user, review) -> bool:
    """A focal point or expert of the State under review (observers only read)."""
    return any(side == Side.REVIEWED and role != Role.OBSERVER for side, _party, role in policy.roles_in(user, review))


def can_answer_clarification(user, phase) -> bool:
    """The State under review answers inline until the phase is finalized (P&R 35)."""
    return phase.finalized_at is None and speaks_for_reviewed_state(user, phase.review)


def can_write_list(user, observation_list) -> bool:
    """Drafters of the list-of-observations step, while the list is a draft (P&R 38)."""
    step = step_of(observation_list.phase, StepKind.OBSERVATIONS)
    return observation_list.state == FindingState.DRAFT and policy.can_draft(user, step)


def can_submit_list(user, observation_list) -> bool:
    """A reviewing State's focal point submits it; the State under review then clears it (P&R 38-39)."""
    step = step_of(observation_list.phase, StepKind.OBSERVATIONS)
    return (policy.clearing_party(user, step) is not None and policy.can_draft(user, step)
            and not is_final(observation_list))


def can_write_summary(user, observation_list) -> bool:
    """The summary is drafted with the list or in the summary step, until finalized (P&R 38)."""
    if is_final(observation_list):
        return False
    steps = (step_of(observation_list.phase, StepKind.OBSERVATIONS), step_of(observation_list.phase, StepKind.SUMMARY))
    return any(step.status == StepStatus.OPEN and policy.can_draft(user, step) for step in steps)


def can_submit_summary(user, phase) -> bool:
    """Drafters of the summary step (reviewing States, secretariat) while it is open (P&R 38)."""
    return policy.can_draft(user, step_of(phase, StepKind.SUMMARY))


def can_mark_confidential(user, observation_list) -> bool:
    """Only the State under review keeps parts of its list confidential (P&R 38)."""
    return not is_final(observation_list) and speaks_for_reviewed_state(user, observation_list.review)


def can_download_list(user, observation_list, audience: str) -> bool:
    """Submitted lists: the review's participants in full; once finalized, the working-group
    version (confidential parts left out) to every approved States-party user (P&R 37-38)."""
    if observation_list.state not in SUBMITTED:
        return False
    if policy.can_view_review(user, observation_list.review):
        return True
    return audience == Audience.WORKING_GROUP and is_final(observation_list) and policy.is_states_party_user(user)


def can_download_feedback(user, feedback) -> bool:
    return feedback.state in SUBMITTED and policy.can_view_review(user, feedback.phase.review)


def can_download_document(user, document) -> bool:
    """A documents-app document once its step is submitted, to those who may read it."""
    return (document.current_version > 0 and document.step.status == StepStatus.DONE
            and policy.can_view_document(user, document))
