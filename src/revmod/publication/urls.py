from django.urls import path

from revmod.publication import views

app_name = "publication"
urlpatterns = [
    path("reviews/<int:pk>/", views.review_page, name="review"),
    path("reviews/<int:pk>/material/", views.material, name="material"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
