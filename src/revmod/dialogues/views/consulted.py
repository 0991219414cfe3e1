"""The page where a State under review records the stakeholders it consulted for its answers (P&R 23)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from revmod.core.errors import Refused
from revmod.dialogues import policy
from revmod.dialogues.domain import consultations
from revmod.dialogues.interfaces import ConsultedForm
from revmod.dialogues.models import ConsultedStakeholder
from revmod.dialogues.views import show_refusal
from revmod.reviews.policy import reviews_visible_to


@login_required
def consulted(request, review_pk):
    """Whom the State under review consulted: seen by the review's participants, recorded by its side (P&R 23)."""
    review = reviews_visible_to(request.user).filter(pk=review_pk).first()
    if review is None:
        raise Http404
    can_record = policy.can_record_consultations(request.user, review)
    form = ConsultedForm(request.POST or None, party=review.party)
    if request.method == "POST" and can_record and form.is_valid():
        try:
            consultations.record_consulted_stakeholder(review, actor=request.user, **form.cleaned_data)
        except Refused as error:
            show_refusal(request, error)
        else:
            messages.success(request, _("The stakeholder is recorded."))
            return redirect("dialogues:consulted", review_pk=review.pk)
    items = review.consulted_stakeholders.select_related("instrument", "organisation").order_by("name", "id")
    return render(request, "dialogues/consulted.html", {"review": review, "items": items, "form": form,
                                                        "can_record": can_record})


@require_POST
@login_required
def remove(request, pk):
    item = get_object_or_404(ConsultedStakeholder.objects.select_related("review"), pk=pk)
    if not policy.can_view_consultations(request.user, item.review):
        raise Http404
    try:
        consultations.remove_consulted_stakeholder(item, actor=request.user)
    except Refused as error:
        show_refusal(request, error)
    return redirect("dialogues:consulted", review_pk=item.review_id)
