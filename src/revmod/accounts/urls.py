from django.contrib.auth import views as auth_views
from django.urls import path

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
    path("nominations/", views.nominations, name="nominations"),
    path("nominations/<int:pk>/", views.check_nomination, name="check_nomination"),
    path("reviews/<int:review_pk>/nominate/", views.record_nomination, name="record_nomination"),
]
