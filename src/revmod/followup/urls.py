"""Addresses of the follow-up of reviews (P&R 42-46)."""

from django.urls import path

from revmod.followup import views

app_name = "followup"
urlpatterns = [
    path("", views.records, name="records"),
    path("records/<int:pk>/", views.record_detail, name="record"),
    path("technical-assistance/", views.overview, name="overview"),
    path("practices/", views.practices, name="practices"),
    path("practices/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
