"""Addresses of the constructive dialogues: public pages first, then signed-in ones (P&R 23, 53)."""

from django.urls import path

from revmod.dialogues.views import consulted, manage, public

app_name = "dialogues"
urlpatterns = [
    path("", public.dialogue_list, name="list"),
    path("<int:pk>/", public.dialogue_detail, name="detail"),
    path("<int:pk>/apply/", public.apply, name="apply"),
    path("<int:pk>/documents/<int:doc_pk>/", public.background_document, name="document"),
    path("organisations/register/", public.register, name="register"),
    path("organisations/confirm/<str:token>/", public.confirm_organisation, name="confirm_organisation"),
    path("applications/confirm/<str:token>/", public.confirm_application, name="confirm_application"),
    path("applications/<str:token>/", public.application_page, name="application"),
    path("new/", manage.announce, name="announce"),
    path("<int:pk>/applicants/", manage.applicant_list, name="applicants"),
    path("<int:pk>/send-list/", manage.send_list, name="send_list"),
    path("<int:pk>/admit/", manage.admit, name="admit"),
    path("<int:pk>/documents/add/", manage.add_document, name="add_document"),
    path("<int:pk>/cancel/", manage.cancel, name="cancel"),
    path("<int:pk>/summary/", manage.summary, name="summary"),
    path("applications/<int:pk>/object/", manage.object_to, name="object"),
    path("applications/<int:pk>/bureau/", manage.bureau, name="bureau"),
    path("comments/<int:pk>/file/", manage.comment_file, name="comment_file"),
    path("registry/", manage.registry, name="registry"),
    path("reviews/<int:review_pk>/consulted/", consulted.consulted, name="consulted"),
    path("consulted/<int:pk>/remove/", consulted.remove, name="consulted_remove"),
]
