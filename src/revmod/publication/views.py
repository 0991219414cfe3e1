"""Pages of publication: the review's publication page, the preview and confirmation, withdrawal (P&R 41).

The preview and the publication share one address: GET shows the material exactly as the
public will see it, POST publishes it (after the password is confirmed again, `sensitive`).
The query string carries the choice, so the confirmation page of `sensitive` returns to it.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info, gettext as _
from django.views.decorators.http import require_POST

from revmod.accounts.views import sensitive
from revmod.core.errors import Refused
from revmod.publication import domain, policy
from revmod.publication.domain.queries import publications_of, title_of
from revmod.publication.enums import CONTENT_LANGUAGES, RTL_LANGUAGES
from revmod.publication.models import Publication
from revmod.reviews.policy import reviews_visible_to


def _review_or_404(user, pk):
    """The review if the person may publish or withdraw its material; otherwise 404, like a review that does not exist."""
    review = reviews_visible_to(user).filter(pk=pk).first()
    if review is None or not policy.can_manage_publication(user, review):
        raise Http404
    return review


def _languages():
    return [(code, get_language_info(code)["name_local"]) for code in CONTENT_LANGUAGES]


@login_required
def review_page(request, pk):
    review = _review_or_404(request.user, pk)
    publications = publications_of(review)
    names = dict(_languages())
    for publication in publications:
        publication.title, publication.language_name = title_of(publication), names.get(publication.language)
    return render(request, "publication/review.html", {
        "review": review, "publications": publications, "languages": _languages(),
        "can_publish": policy.can_publish(request.user, review),
        "sources": domain.material_for(review, actor=request.user, request=request),
    })


def _choice(query) -> dict:
    """The material chosen in the query string; Refused when it is not well formed."""
    try:
        parts = [int(p) for p in query.getlist("parts")] if query.get("scope") == "parts" else []
        source_id = int(query.get("source", ""))
    except ValueError:
        raise Refused(_("This choice of material is not valid.")) from None
    if query.get("scope") == "parts" and not parts:
        raise Refused(_("Choose at least one part, or publish the whole."))
    return {"kind": query.get("kind", ""), "source_id": source_id, "parts": parts, "language": query.get("language", "")}


@login_required
@sensitive
def material(request, pk):
    """GET: the material as the public will see it, with a confirmation button. POST: publish it."""
    review = _review_or_404(request.user, pk)
    try:
        choice = _choice(request.GET)
        if request.method == "POST":
            publication = domain.publish(review, **choice, fingerprint=request.POST.get("fingerprint", ""),
                                         actor=request.user, request=request)
            messages.success(request, _("Published on the public country profile."))
            return redirect(f"{reverse('publication:review', args=[review.pk])}#p{publication.pk}")
        draft = domain.preview(review, **choice, actor=request.user, request=request)
    except Refused as error:
        messages.error(request, " ".join(error.messages))
        return redirect("publication:review", pk=review.pk)
    return render(request, "publication/preview.html", {
        "review": review, "draft": draft, "query": urlencode(request.GET, doseq=True),
        "language_name": dict(_languages()).get(draft.language), "content_rtl": draft.language in RTL_LANGUAGES,
    })


@login_required
@require_POST
def withdraw(request, pk):
    publication = get_object_or_404(Publication.objects.select_related("review"), pk=pk)
    _review_or_404(request.user, publication.review_id)
    try:
        domain.withdraw(publication, actor=request.user, request=request)
    except Refused as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Withdrawn: it is no longer on the public site."))
    return redirect("publication:review", pk=publication.review_id)
