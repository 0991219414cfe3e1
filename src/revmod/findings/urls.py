from django.urls import path

from revmod.findings.views import downloads, feedback, observations, phase

app_name = "findings"
urlpatterns = [
    path("phases/<int:pk>/", phase.phase_page, name="phase"),
    path("phases/<int:pk>/summary/submit/", observations.submit_summary, name="submit_summary"),
    path("feedback/<int:pk>/", feedback.feedback_page, name="feedback"),
    path("feedback/<int:pk>/overview/", feedback.save_overview, name="save_overview"),
    path("feedback/<int:pk>/submit/", feedback.submit, name="submit_feedback"),
    path("feedback/<int:pk>/<str:fmt>/", downloads.feedback_file, name="feedback_file"),
    path("entries/<int:pk>/", feedback.save_entry, name="save_entry"),
    path("entries/<int:pk>/ask/", feedback.ask, name="ask"),
    path("clarifications/<int:pk>/answer/", feedback.answer, name="answer"),
    path("lists/<int:pk>/", observations.list_page, name="list"),
    path("lists/<int:pk>/sections/", observations.add_section, name="add_section"),
    path("lists/<int:pk>/items/", observations.add_item, name="add_item"),
    path("lists/<int:pk>/summary/", observations.save_summary, name="save_summary"),
    path("lists/<int:pk>/submit/", observations.submit, name="submit_list"),
    path("lists/<int:pk>/summary/<str:fmt>/", downloads.summary_file, name="summary_file"),
    path("lists/<int:pk>/<str:audience>/<str:fmt>/", downloads.list_file, name="list_file"),
    path("parts/<str:kind>/<int:pk>/", observations.save_part, name="save_part"),
    path("parts/<str:kind>/<int:pk>/confidential/", observations.confidential, name="confidential"),
    path("documents/<int:pk>/<str:fmt>/", downloads.document_file, name="document_file"),
]
