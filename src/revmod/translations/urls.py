from django.urls import path

from revmod.translations import views

app_name = "translations"
urlpatterns = [
    path("documents/<int:pk>/v<int:number>/", views.version, name="version"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/retry/", views.retry, name="retry"),
]
