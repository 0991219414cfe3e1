from django.urls import path

from revmod.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.status, name="status"),
    path("status.<str:fmt>", views.status_export, name="status_export"),
    path("saq/", views.saq, name="saq"),
    path("saq/statistics.xlsx", views.saq_export, name="saq_export"),
    path("saq/<int:definition>/<int:question>/", views.saq_answers, name="saq_answers"),
]
