from django.urls import path

from revmod.documents import views

app_name = "documents"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/v<int:number>/", views.version, name="version"),
    path("<int:pk>/upload/", views.upload, name="upload"),
    path("<int:pk>/question/", views.question, name="question"),
    path("questions/<int:pk>/answer/", views.answer, name="answer"),
    path("files/<int:pk>/", views.download, name="download"),
    path("dialogue/<int:pk>/", views.dialogue, name="dialogue"),
]
