"""The JSON API under /api/v1/, assembled from each app's router; OpenAPI at /api/v1/openapi.json."""

from ninja import NinjaAPI

from revmod.accounts.api import TokenAuth
from revmod.reference.api import router as reference_router
from revmod.reviews.api import router as reviews_router

api = NinjaAPI(title="revmod", version="1", urls_namespace="api", auth=TokenAuth(), docs_url=None)
api.add_router("/reference/", reference_router)
api.add_router("/reviews/", reviews_router)
