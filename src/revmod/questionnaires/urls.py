"""Pages of the questionnaires, under /questionnaires/."""

from django.urls import path

from revmod.questionnaires.views import answers, definitions, offline, versions

app_name = "questionnaires"
urlpatterns = [
    path("submitted/", answers.submitted, name="submitted"),
    path("steps/<int:pk>/", answers.step_overview, name="step"),
    path("steps/<int:pk>/<str:instrument>/", answers.open_instrument, name="open"),
    path("<int:pk>/", answers.answers, name="answers"),
    path("<int:pk>/questions/<int:question>/", answers.save, name="save"),
    path("<int:pk>/questions/<int:question>/file/", answers.attach, name="attach"),
    path("<int:pk>/questions/<int:question>/comment/", answers.comment, name="comment"),
    path("<int:pk>/files/<int:file>/", answers.download, name="file"),
    path("<int:pk>/files/<int:file>/remove/", answers.remove_file, name="remove_file"),
    path("<int:pk>/do/<str:action>/", answers.act, name="act"),
    path("<int:pk>/versions/", versions.versions, name="versions"),
    path("<int:pk>/versions/<int:number>/", versions.version, name="version"),
    path("<int:pk>/compare/", versions.compare, name="compare"),
    path("<int:pk>/export.<str:fmt>", offline.export, name="export"),
    path("<int:pk>/import/", offline.upload, name="import"),
    path("<int:pk>/import/<int:pending>/", offline.preview, name="import_preview"),
    path("definitions/", definitions.definitions, name="definitions"),
    path("definitions/<int:pk>/", definitions.definition, name="definition"),
    path("definitions/<int:pk>/<str:action>/", definitions.change, name="definition_change"),
]
