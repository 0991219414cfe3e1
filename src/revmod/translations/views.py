"""Pages of machine translation: request one for a document version, follow it, read it."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from revmod.core.errors import Refused
from revmod.documents.models import DocumentVersion
from revmod.translations import conf, domain, policy
from revmod.translations.domain.queries import language_names, offered_pairs, translations_of
from revmod.translations.enums import OPEN_STATUSES, TranslationStatus
from revmod.translations.models import Translation

REFRESH_SECONDS = 2


class RequestForm(forms.Form):
    source_language = forms.ChoiceField(label=gettext_lazy("The text is in"))
    target_language = forms.ChoiceField(label=gettext_lazy("Translate into"))

    def __init__(self, *args, names: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, names[code]) for code in conf.LANGUAGES]
        self.fields["source_language"].choices = choices
        self.fields["target_language"].choices = choices


def _version_or_404(user, pk: int, number: int) -> DocumentVersion:
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document__step__phase__review__party", "document__instrument"),
        document_id=pk, number=number)
    if not policy.can_request_translation(user, version):
        raise Http404
    return version


def _translation_or_404(user, pk: int, request=None) -> Translation:
    translation = get_object_or_404(Translation.objects.select_related(
        "source__document__step__phase__review__party", "source__document__instrument"), pk=pk)
    try:
        return domain.read_translation(translation, actor=user, request=request)
    except Refused as error:
        raise Http404 from error


def _default_source(version: DocumentVersion) -> str:
    first = version.document.step.phase.working_languages.order_by("order").values_list("code", flat=True).first()
    return first or "en"


@login_required
def version(request, pk, number):
    """The translations of one version and the form to ask for one (P&R 50)."""
    item = _version_or_404(request.user, pk, number)
    names = language_names(conf.LANGUAGES)
    source = _default_source(item)
    form = RequestForm(request.POST or None, names=names, initial={
        "source_language": source, "target_language": "es" if source != "es" else "en"})
    if request.method == "POST" and form.is_valid():
        try:
            translation = domain.request_translation(item, actor=request.user, **form.cleaned_data)
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("translations:detail", pk=translation.pk)
    translations = translations_of(item)
    for translation in translations:
        translation.source_name = names[translation.source_language]
        translation.target_name = names[translation.target_language]
    return render(request, "translations/version.html", {
        "version": item, "document": item.document, "form": form, "translations": translations,
        "pairs": [(names[source], names[target]) for source, target in offered_pairs()]})


@login_required
def detail(request, pk):
    """One translation: its progress while it runs, the unofficial text once done."""
    translation = _translation_or_404(request.user, pk, request)
    names = language_names([translation.source_language, translation.target_language])
    stalled = domain.is_stalled(translation)
    return render(request, "translations/detail.html", {
        "translation": translation, "version": translation.source, "document": translation.source.document,
        "source_name": names[translation.source_language], "target_name": names[translation.target_language],
        "busy": translation.status in OPEN_STATUSES and not stalled, "refresh_seconds": REFRESH_SECONDS,
        "failed": translation.status == TranslationStatus.FAILED, "stalled": stalled,
        "right_to_left": translation.target_language == "ar",
        "show_detail": policy.can_see_failure_detail(request.user)})


@login_required
@require_POST
def retry(request, pk):
    translation = _translation_or_404(request.user, pk)
    try:
        domain.retry_translation(translation, actor=request.user)
    except Refused as error:
        messages.error(request, " ".join(error.messages))
    return redirect("translations:detail", pk=translation.pk)
