"""The site's URLs: pages per app, the API under /api/v1/, the public site."""

from django.urls import include, path

from revmod.accounts import oidc
from revmod.accounts.urls import passkey_urls
from revmod.api import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/passkeys/", include(passkey_urls)),
    path("accounts/", include("revmod.accounts.urls")),
    path("reviews/", include("revmod.reviews.urls")),
    path("documents/", include("revmod.documents.urls")),
    path("questionnaires/", include("revmod.questionnaires.urls")),
    path("lots/", include("revmod.lots.urls")),
    path("audit/", include("revmod.audit.urls")),
    path("notifications/", include("revmod.notifications.urls")),
    path("reports/", include("revmod.reports.urls")),
    path("dialogues/", include("revmod.dialogues.urls")),
    path("findings/", include("revmod.findings.urls")),
    path("followup/", include("revmod.followup.urls")),
    path("translations/", include("revmod.translations.urls")),
    path("publication/", include("revmod.publication.urls")),
    path("parties/", include("revmod.reference.urls")),
    path("api/v1/", api.urls),
    # SSO by OpenID Connect: 404 unless configured (docs/security.md); the names are the library's
    path("oidc/authenticate/", oidc.start, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.callback, name="oidc_authentication_callback"),
    path("", include("revmod.public.urls")),
]
