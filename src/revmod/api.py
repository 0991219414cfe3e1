"""The JSON API under /api/v1/, assembled from each app's router; OpenAPI at /api/v1/openapi.json."""

import functools
import json

from django.http import Http404
from ninja import NinjaAPI, Router

from revmod.accounts.api import TokenAuth, router as accounts_router
from revmod.core.errors import EditConflict, Refused
from revmod.documents.api import router as documents_router
from revmod.followup.api import router as followup_router
from revmod.questionnaires.api import router as questionnaires_router
from revmod.reference.api import router as reference_router
from revmod.reviews.api import router as reviews_router

DESCRIPTION = (
    "The secure review module of the UNTOC Implementation Review Mechanism. Send a personal token "
    "as `Authorization: Bearer <token>`; only the reference data is public. Access follows the same "
    "policy as the pages: a review that is not yours answers 404, like one that does not exist. "
    "A refusal of the rules answers 400 with `{\"detail\": reason}` in the language of "
    "`Accept-Language`; an invalid body answers 422."
)


def _json_method_not_allowed(view):
    """Ninja answers a wrong method with plain text; ours answer JSON like every other error."""
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405:
            response.content = json.dumps({"detail": "Method not allowed"}).encode()
            response["Content-Type"] = "application/json; charset=utf-8"
        return response
    return wrapped


class RevmodAPI(NinjaAPI):
    """NinjaAPI whose every route answers a wrong method in JSON too."""

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = _json_method_not_allowed(pattern.callback)
        return patterns, app_name, namespace


api = RevmodAPI(title="revmod", version="1", description=DESCRIPTION, urls_namespace="api", auth=TokenAuth(),
                docs_url=None)


@api.exception_handler(Refused)
def refused(request, error: Refused):
    """A domain refusal: 400 with the translated reason (raised in the caller's language)."""
    return api.create_response(request, {"detail": " ".join(error.messages)}, status=400)


@api.exception_handler(EditConflict)
def edit_conflict(request, error: EditConflict):
    """Someone saved a newer version: 409 and its number, so the client can compare and retry."""
    return api.create_response(request, {"detail": " ".join(error.messages), "current_version": error.current_version},
                               status=409)


# The root points at the OpenAPI document; anything else unknown under /api/v1/ answers a JSON 404
# rather than the site's HTML page. Added last, so every real route matches first.
fallback = Router(auth=None)


@fallback.get("/", include_in_schema=False)
def index(request):
    return {"openapi": request.build_absolute_uri("openapi.json")}


@fallback.api_operation(["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False)
def not_found(request, rest: str):
    raise Http404


api.add_router("/accounts/", accounts_router)
api.add_router("/reference/", reference_router)
api.add_router("/reviews/", reviews_router)
api.add_router("/documents/", documents_router)
api.add_router("/questionnaires/", questionnaires_router)
api.add_router("/followup/", followup_router)
api.add_router("/", fallback)
