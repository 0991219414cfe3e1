from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.i18n import JavaScriptCatalog

from revmod.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("verify/", views.verify, name="verify"),
    path("confirm/", views.confirm_password, name="confirm"),
    path("activate/<str:token>/", views.activate, name="activate"),
    path("new-link/", views.new_link, name="new_link"),
    path("profile/", views.profile, name="profile"),
    path("profile/tokens/", views.create_token, name="create_token"),
    path("profile/passkeys/<int:pk>/remove/", views.remove_passkey, name="remove_passkey"),
    path("nominations/", views.nominations, name="nominations"),
    path("nominations/<int:pk>/", views.check_nomination, name="check_nomination"),
    path("nominations/<int:pk>/reset-access/", views.reset_access, name="reset_access"),
    path("reviews/<int:review_pk>/nominate/", views.record_nomination, name="record_nomination"),
]

# The passkey ceremonies (JSON), under the names django-otp-webauthn's scripts look up; included
# at /accounts/passkeys/ by revmod/urls.py, so open before the second factor (middleware.py).
passkey_urls = ([
    path("registration/begin/", views.BeginPasskeyRegistration.as_view(), name="credential-registration-begin"),
    path("registration/complete/", views.CompletePasskeyRegistration.as_view(), name="credential-registration-complete"),
    path("authentication/begin/", views.BeginPasskeyLogin.as_view(), name="credential-authentication-begin"),
    path("authentication/complete/", views.CompletePasskeyLogin.as_view(), name="credential-authentication-complete"),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
], "otp_webauthn")
