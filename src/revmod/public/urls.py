from django.urls import path

from revmod.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("countries/", views.countries, name="countries"),
    path("countries/<str:iso3>/", views.country, name="country"),
    path("draw/", views.draw_results, name="draw"),
    path("draw/results.csv", views.draw_results_csv, name="draw_csv"),
]
