"""API plumbing every app shares: personal-token authentication, the error bodies, the caller's own account."""

from datetime import datetime

from ninja import Router, Schema
from ninja.security import HttpBearer

from revmod.accounts.domain import person_for_token
from revmod.reviews import policy


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; the token's person becomes `request.user` and `request.auth`."""

    def authenticate(self, request, token):
        person = person_for_token(token)
        if person is not None:
            request.user = person
        return person


class ErrorOut(Schema):
    """Every refusal and error: one message, in the caller's language where it is ours."""

    detail: str


class ConflictOut(Schema):
    detail: str
    current_version: int


class RoleOut(Schema):
    review: int
    party: str
    role: str


class MeOut(Schema):
    id: int
    name: str
    email: str
    is_secretariat: bool
    party: str | None
    language: str
    roles: list[RoleOut]
    last_login: datetime | None


router = Router(tags=["accounts"])


@router.get("/me", response=MeOut, summary="Who I am")
def me(request):
    """The person the token belongs to and the roles they hold now, review by review (P&R 18, 27)."""
    person = request.auth
    return {
        "id": person.pk, "name": str(person), "email": person.email, "is_secretariat": person.is_secretariat,
        "party": person.party_id, "language": person.language, "last_login": person.last_login,
        "roles": [{"review": n.review_id, "party": n.party_id, "role": n.role}
                  for n in policy.active_nominations(person)],
    }
