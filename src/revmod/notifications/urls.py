from django.urls import path

from revmod.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.notice, name="notice"),
    path("read/", views.mark_all_read, name="mark_all_read"),
    path("preferences/", views.preferences, name="preferences"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("reviews/<int:pk>/", views.review_log, name="review_log"),
    path("reviews/<int:pk>/remind/", views.remind, name="remind"),
    path("templates/", views.templates, name="templates"),
    path("templates/<str:code>/", views.template_edit, name="template_edit"),
]
