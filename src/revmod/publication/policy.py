"""Who may publish a review's material and withdraw it: `reviews.policy` composed (P&R 41).

Publication is the State under review's own decision, so only its focal point in that review
publishes; the focal point or the secretariat may withdraw (e.g. on the State's request).
"""

from revmod.accounts.enums import Role
from revmod.reviews import policy
from revmod.reviews.enums import Side


def can_publish(user, review) -> bool:
    """The focal point of the State under review, in this review (P&R 18, 41)."""
    return any(side == Side.REVIEWED and role == Role.FOCAL_POINT for side, _party, role in policy.roles_in(user, review))


def can_withdraw(user, review) -> bool:
    return can_publish(user, review) or policy.is_secretariat(user)


def can_manage_publication(user, review) -> bool:
    """Who sees the review's publication page: those who may publish or withdraw."""
    return can_withdraw(user, review)
