from django.urls import path

from revmod.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:pk>/", views.review_detail, name="detail"),
    path("steps/<int:pk>/consultation/", views.consultation, name="consultation"),
    path("steps/<int:pk>/clear/", views.clear, name="clear"),
    path("steps/<int:pk>/extension/", views.extension, name="extension"),
    path("steps/<int:pk>/deadline/", views.deadline, name="deadline"),
    path("extensions/<int:pk>/decide/", views.decide_extension, name="decide_extension"),
    path("newcomers/<str:iso3>/start/", views.start_newcomer_review, name="start_newcomer"),
]
