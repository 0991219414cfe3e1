"""Who may do what in the constructive dialogues, composed from the one access policy (P&R 53).

Built on `reviews.policy` (the secretariat, a person's roles in force) so that pages, lists,
exports and notices ask the same questions; nothing here decides access on its own terms.
"""

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import User
from revmod.reviews import policy
from revmod.reviews.enums import Side

is_secretariat = policy.is_secretariat


def can_manage(user) -> bool:
    """The secretariat announces, sends the list, records the chair's and the Bureau's acts (P&R 53(a))."""
    return policy.is_secretariat(user)


def parties_represented(user) -> list[str]:
    """The States the person may object for: those they are focal point of, alphabetical by code (P&R 18, 53)."""
    return sorted({n.party_id for n in policy.active_nominations(user) if n.role == Role.FOCAL_POINT})


def can_view_applicants(user, dialogue) -> bool:
    """The list of applicants is the secretariat's, and every State's once sent to them (P&R 53(d), (e))."""
    if policy.is_secretariat(user):
        return True
    return dialogue.list_sent_at is not None and policy.is_states_party_user(user)


def can_view_consultations(user, review) -> bool:
    """The stakeholders a State consulted are part of its confidential review (P&R 23, 37)."""
    return policy.can_view_review(user, review)


def can_record_consultations(user, review) -> bool:
    """The State under review's focal point and experts record whom they consulted (P&R 23)."""
    return any(side == Side.REVIEWED and role in policy.DRAFTING_ROLES for side, _p, role in policy.roles_in(user, review))


def people_to_send_the_list():
    """Every State's focal points in force: the people the list of applicants goes to (P&R 53(d), (e))."""
    return User.objects.filter(
        is_active=True, nominations__role=Role.FOCAL_POINT, nominations__status=NominationStatus.APPROVED,
        nominations__ended_at__isnull=True).distinct().order_by("email")


def people_to_tell_of_objections():
    """The secretariat, who take an objection to an NGO to the Bureau (P&R 53(d))."""
    return User.objects.filter(is_active=True, is_secretariat=True).order_by("email")
