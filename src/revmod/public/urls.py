from django.urls import path

from revmod.public import views

app_name = "public"
urlpatterns = [path("", views.home, name="home")]
