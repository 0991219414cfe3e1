"""The secretariat's pages of States parties, under /parties/."""

from django.urls import path

from revmod.reference import views

app_name = "reference"
urlpatterns = [
    path("", views.parties, name="parties"),
    path("<str:iso3>/", views.party, name="party"),
]
