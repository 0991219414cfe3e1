"""Who may read, answer, submit and comment on a questionnaire: `reviews.policy` composed, nothing new.

Every predicate here names an action and asks the one access policy of the reviews app
(STYLE 5-6); the views and the domain functions only call these names.
"""

from revmod.questionnaires.enums import ResponseStatus
from revmod.reviews import policy
from revmod.reviews.enums import Side, StepStatus


def _saq_document(response):
    if not hasattr(response, "_saq_document"):
        response._saq_document = response.step.documents.filter(instrument_id=response.instrument_id).first()
    return response._saq_document


def can_view_response(user, response) -> bool:
    """Like the SAQ document it fills: the review's participants, the secretariat, and once
    submitted every approved States-party user (P&R 37, 40)."""
    document = _saq_document(response)
    if document is None:
        return policy.can_view_review(user, response.step.phase.review)
    return policy.can_view_document(user, document)


def is_national_team(user, review) -> bool:
    """Anyone holding a role for the State under review in this review (focal point, expert, observer)."""
    return any(side == Side.REVIEWED for side, _party, _role in policy.roles_in(user, review))


def sees_working_copy(user, response) -> bool:
    """The national team and the secretariat see answers being written; others the last submission (P&R 34-35)."""
    review = response.step.phase.review
    return policy.is_secretariat(user) or is_national_team(user, review)


def can_edit_answers(user, response) -> bool:
    """Drafters of the SAQ step, while it is open and the answers are not submitted (P&R 34)."""
    return response.status == ResponseStatus.DRAFT and policy.can_draft(user, response.step)


def can_submit(user, response) -> bool:
    """The focal point of the State under review, who clears the step's output (DOMAIN §6)."""
    return policy.clearing_party(user, response.step) == response.step.phase.review.party_id


def can_reopen(user, response) -> bool:
    return response.status == ResponseStatus.SUBMITTED and can_submit(user, response)


def can_read_comments(user, response) -> bool:
    """Comments stay inside the national team."""
    return is_national_team(user, response.step.phase.review)


def can_comment(user, response) -> bool:
    return response.step.status == StepStatus.OPEN and policy.can_draft(user, response.step)


def can_edit_definitions(user) -> bool:
    """The secretariat maintains the questionnaires in the six languages (P&R 47-49)."""
    return policy.is_secretariat(user)
