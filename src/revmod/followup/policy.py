"""Who may read and write the follow-up of reviews, composed from the one access policy (P&R 37, 42-46).

Built on `reviews.policy` so that pages, exports and lists ask the same questions.
"""

from revmod.accounts.enums import Role
from revmod.reviews import policy
from revmod.reviews.enums import Side

is_secretariat = policy.is_secretariat


def can_view_records(user, review) -> bool:
    """A review's follow-up records are part of the confidential review: its participants and the secretariat (P&R 37)."""
    return policy.can_view_review(user, review)


def can_report(user, review) -> bool:
    """The State under review's focal point and experts report what their State has done (P&R 44, 46)."""
    return any(side == Side.REVIEWED and role in policy.DRAFTING_ROLES for side, _p, role in policy.roles_in(user, review))


def can_view_overview(user) -> bool:
    """The technical assistance overview is for the working group, made of States parties, and the secretariat (P&R 44)."""
    return policy.is_secretariat(user) or policy.is_states_party_user(user)


def can_read_practices(user) -> bool:
    """Good practices in filling in the questionnaire are read by all States parties (P&R 42)."""
    return policy.is_secretariat(user) or policy.is_states_party_user(user)


def can_share_practice(user, review) -> bool:
    """The State under review's focal point decides what its State shares with all States (P&R 18, 42)."""
    return any(side == Side.REVIEWED and role == Role.FOCAL_POINT for side, _p, role in policy.roles_in(user, review))
