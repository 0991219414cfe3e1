from django.urls import path

from revmod.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("countries/", views.countries, name="countries"),
    path("countries/<str:iso3>/", views.country, name="country"),
    path("countries/<str:iso3>/published/<int:pk>/", views.published, name="published"),
    path("draw/", views.draw_results, name="draw"),
    path("draw/results.csv", views.draw_results_csv, name="draw_csv"),
    path("feed.atom", views.feed, name="feed"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/mechanism.json", views.open_data_json, name="open_data_json"),
    path("open-data/mechanism.csv", views.open_data_csv, name="open_data_csv"),
]
