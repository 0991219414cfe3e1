"""The site's URLs: pages per app, the API under /api/v1/, the public site."""

from django.conf import settings
from django.urls import include, path

from revmod.api import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
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
    path("api/v1/", api.urls),
    path("", include("revmod.public.urls")),
]

if getattr(settings, "OIDC_ENABLED", False):  # SSO by OpenID Connect, when configured (docs/security.md)
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))
