"""API authentication: personal tokens sent as `Authorization: Bearer <token>`."""

from ninja.security import HttpBearer

from revmod.accounts.domain import person_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        person = person_for_token(token)
        if person is not None:
            request.user = person
        return person
