"""The secretariat's pages of the drawing of lots: run, preview, confirm; record redraws."""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _, gettext_lazy

from revmod.core.errors import Refused
from revmod.lots import domain
from revmod.lots.domain.redraws import request_redraw
from revmod.lots.engine import RedrawReason
from revmod.lots.models import Draw, DrawStatus
from revmod.reference.models import Party
from revmod.reviews.views import secretariat_or_404, visible_review_or_404

REASON_LABELS = {
    RedrawReason.COMMON_LANGUAGE: gettext_lazy("a common working language (P&R 28(d))"),
    RedrawReason.LEGAL_SYSTEM: gettext_lazy("a similar legal system (P&R 28(d))"),
    RedrawReason.EXCEPTIONAL: gettext_lazy("exceptional circumstances (P&R 28(e))"),
    RedrawReason.CANNOT_FULFIL: gettext_lazy("the reviewing State cannot fulfil its role (P&R 30)"),
}


class DrawForm(forms.Form):
    seed = forms.CharField(label=gettext_lazy("Seed (published with the result; leave empty for a random one)"),
                           required=False, max_length=100)


class ConfirmForm(forms.Form):
    meeting = forms.CharField(label=gettext_lazy("Meeting"), max_length=200)
    group1 = forms.DateField(label=gettext_lazy("Group 1 starts on"), initial=date(2020, 12, 1), widget=forms.DateInput(attrs={"type": "date"}))
    group2 = forms.DateField(label=gettext_lazy("Group 2 starts on"), initial=date(2021, 11, 1), widget=forms.DateInput(attrs={"type": "date"}))
    group3 = forms.DateField(label=gettext_lazy("Group 3 starts on"), initial=date(2022, 11, 1), widget=forms.DateInput(attrs={"type": "date"}))


class RedrawForm(forms.Form):
    asked_by = forms.ChoiceField(label=gettext_lazy("Asked by"))
    reviewer = forms.ChoiceField(label=gettext_lazy("Reviewing State to replace"))
    reason = forms.ChoiceField(label=gettext_lazy("Reason"), choices=list(REASON_LABELS.items()))
    meeting = forms.CharField(label=gettext_lazy("Meeting"), max_length=200)

    def __init__(self, *args, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        reviewers = sorted({s.reviewer for s in review.seats.filter(until__isnull=True).select_related("reviewer")}, key=lambda p: p.name)
        self.fields["reviewer"].choices = [(p.iso3, p.name) for p in reviewers]
        self.fields["asked_by"].choices = [(review.party_id, review.party.name)] + self.fields["reviewer"].choices



@login_required
def draws(request):
    secretariat_or_404(request.user)
    form = DrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            draw = domain.start_draw(actor=request.user, seed=form.cleaned_data["seed"])
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("lots:draw", pk=draw.pk)
    return render(request, "lots/draws.html", {"form": form, "draws": Draw.objects.select_related("created_by")})


@login_required
def draw_detail(request, pk):
    secretariat_or_404(request.user)
    draw = get_object_or_404(Draw, pk=pk)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            domain.confirm_draw(draw, actor=request.user, meeting=data["meeting"],
                                group_starts={1: data["group1"], 2: data["group2"], 3: data["group3"]})
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The draw is confirmed; the reviews have started."))
            return redirect("lots:draw", pk=draw.pk)
    return render(request, "lots/draw.html", {"draw": draw, "form": form,
                                              "busy": draw.status in (DrawStatus.QUEUED, DrawStatus.RUNNING)})


@login_required
def redraw(request, review_pk):
    secretariat_or_404(request.user)
    review = visible_review_or_404(request.user, review_pk)
    form = RedrawForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = request_redraw(review, actor=request.user, asked_by=Party.objects.get(pk=data["asked_by"]),
                                  reviewer=Party.objects.get(pk=data["reviewer"]), reason=data["reason"], meeting=data["meeting"])
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(new)s replaces %(old)s.") % {"new": item.new_reviewer.name, "old": item.old_reviewer.name})
            return redirect("reviews:detail", pk=review.pk)
    return render(request, "reviews/form.html", {"form": form, "review": review, "title": _("Record a redraw: %(review)s") % {"review": review}})
