"""The one access policy for reviews: may X do A to O, which O may X see, who may do A to O.

Pages, API, exports and notification recipients all ask here (STYLE 6). Roles are held per
review: a person's approved, unended nominations say which State they act for and how.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination, User
from revmod.reviews.enums import Side, StepStatus
from revmod.reviews.models import CountryReview, ReviewStep
from revmod.reviews.workflow import STEP_RULES

_CACHE = "_revmod_active_nominations"
DRAFTING_ROLES = {Role.FOCAL_POINT, Role.EXPERT}


def active_nominations(user) -> list[Nomination]:
    """The person's roles now in force, loaded once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if not hasattr(user, _CACHE):
        setattr(user, _CACHE, list(
            Nomination.objects.filter(person=user, status=NominationStatus.APPROVED, ended_at__isnull=True)
            .select_related("review")
        ))
    return getattr(user, _CACHE)


def forget_roles(user) -> None:
    """Drop the cached roles after the person's nominations change."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def is_secretariat(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_secretariat)


def is_states_party_user(user) -> bool:
    """An approved user of any State party: may read submitted SAQ answers (P&R 40)."""
    return bool(active_nominations(user))


def reviewer_party_ids(review: CountryReview) -> set[str]:
    cached = getattr(review, "_reviewer_ids", None)
    if cached is None:
        cached = set(review.seats.filter(until__isnull=True).values_list("reviewer_id", flat=True))
        review._reviewer_ids = cached
    return cached


def side_of_party(review: CountryReview, party_id: str) -> str | None:
    if party_id == review.party_id:
        return Side.REVIEWED
    if party_id in reviewer_party_ids(review):
        return Side.REVIEWERS
    return None


def roles_in(user, review: CountryReview) -> list[tuple[str, str, str]]:
    """(side, party, role) for each role the person holds in this review."""
    result = []
    for nomination in active_nominations(user):
        if nomination.review_id == review.pk:
            side = side_of_party(review, nomination.party_id)
            if side:
                result.append((side, nomination.party_id, nomination.role))
    return result


def can_view_review(user, review: CountryReview) -> bool:
    """Participants of the review and the secretariat see it; nobody else (P&R 37)."""
    return is_secretariat(user) or bool(roles_in(user, review))


def can_manage(user, review: CountryReview | None = None) -> bool:
    """Secretariat-only acts: nominations, deadlines, imports (P&R 47-48)."""
    return is_secretariat(user)


def drafting_party(user, step: ReviewStep) -> str | None:
    """The State the person drafts this step's output for, or "" for the secretariat; None if not allowed."""
    if step.status != StepStatus.OPEN:
        return None
    rule = STEP_RULES[step.kind]
    if is_secretariat(user) and Side.SECRETARIAT in rule.drafted_by:
        return ""
    for side, party_id, role in roles_in(user, step.phase.review):
        if side in rule.drafted_by and role in DRAFTING_ROLES:
            return party_id
    return None


def can_draft(user, step: ReviewStep) -> bool:
    return drafting_party(user, step) is not None


def clearing_party(user, step: ReviewStep) -> str | None:
    """The State whose clearance the person may give for this step: focal points only."""
    if step.status != StepStatus.OPEN:
        return None
    rule = STEP_RULES[step.kind]
    for side, party_id, role in roles_in(user, step.phase.review):
        if side in rule.cleared_by and role == Role.FOCAL_POINT:
            return party_id
    return None


def can_post_message(user, step: ReviewStep) -> bool:
    """The dialogue is written between both sides, the secretariat informed (P&R 33, 35)."""
    if step.status != StepStatus.OPEN or step.kind != "dialogue":
        return False
    if is_secretariat(user):
        return True
    return any(role in DRAFTING_ROLES for _, _, role in roles_in(user, step.phase.review))


def can_act_for_side(user, review: CountryReview, side: str) -> str | None:
    """The party a focal point acts for on `side` of this review (extensions, agreements)."""
    for s, party_id, role in roles_in(user, review):
        if s == side and role == Role.FOCAL_POINT:
            return party_id
    return None


def reviews_visible_to(user) -> QuerySet[CountryReview]:
    """Every review the person may open; the secretariat sees all."""
    reviews = CountryReview.objects.select_related("party", "group")
    if is_secretariat(user):
        return reviews
    if not getattr(user, "is_authenticated", False):
        return reviews.none()
    ids = {n.review_id for n in active_nominations(user)}
    return reviews.filter(pk__in=ids)


def people_who_can_view(review: CountryReview) -> QuerySet[User]:
    """Everyone who may open the review: its participants and the secretariat."""
    participants = Nomination.objects.filter(
        review=review, person=OuterRef("pk"), status=NominationStatus.APPROVED, ended_at__isnull=True,
    ).filter(Q(party=review.party) | Q(party__in=list(reviewer_party_ids(review))))
    return User.objects.filter(is_active=True).filter(Q(is_secretariat=True) | Exists(participants))


def can_view_document(user, document) -> bool:
    """The review's participants and the secretariat; submitted SAQ answers also every
    approved States-party user (P&R 40)."""
    step = document.step
    if can_view_review(user, step.phase.review):
        return True
    return step.kind == "saq" and step.status == StepStatus.DONE and is_states_party_user(user)
