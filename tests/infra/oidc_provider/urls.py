"""The provider's pages: its own login, DOT's OAuth 2 and OpenID Connect endpoints under /o/, and a
JWKS that does not match the signing key (to show that revmod checks the id_token's signature)."""

import json

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.urls import include, path
from oauth2_provider.settings import oauth2_settings
from oauth2_provider.utils import jwk_from_pem


def jwks_of_another_key(request):
    """The real key's kid over the public half of another key: what a forged id_token would need."""
    real = jwk_from_pem(oauth2_settings.OIDC_RSA_PRIVATE_KEY)
    other = jwk_from_pem(settings.OTHER_RSA_PRIVATE_KEY)
    key = {**json.loads(other.export_public()), "alg": "RS256", "use": "sig", "kid": real.thumbprint()}
    return JsonResponse({"keys": [key]})


urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("other/jwks.json", jwks_of_another_key),
]
