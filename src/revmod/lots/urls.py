from django.urls import path

from revmod.lots import views

app_name = "lots"
urlpatterns = [
    path("", views.draws, name="draws"),
    path("<int:pk>/", views.draw_detail, name="draw"),
    path("reviews/<int:review_pk>/redraw/", views.redraw, name="redraw"),
]
