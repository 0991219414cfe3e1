"""Pages of the reviews app: the dashboard, my reviews, a review, and its step actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from revmod.core.errors import Refused
from revmod.reviews import deadlines, policy
from revmod.reviews.domain import extensions, steps
from revmod.reference.models import Party
from revmod.reviews.domain.queries import detail, newcomers, progress
from revmod.reviews.domain.reviews import start_review
from revmod.reviews.interfaces import ConsultationForm, DashboardFilter, DeadlineForm, ExtensionForm
from revmod.reviews.models import ExtensionRequest, ReviewGroup, ReviewStep


def secretariat_or_404(user) -> None:
    """The secretariat's pages do not exist for anyone else (STYLE 7)."""
    if not policy.is_secretariat(user):
        raise Http404


def visible_review_or_404(user, pk):
    """The review if the person may see it; "not there" and "not yours" answer alike (STYLE 7)."""
    review = policy.reviews_visible_to(user).filter(pk=pk).first()
    if review is None:
        raise Http404
    return review


def visible_step_or_404(user, pk) -> ReviewStep:
    step = get_object_or_404(ReviewStep.objects.select_related("phase__review__party", "phase__cluster"), pk=pk)
    if not policy.can_view_review(user, step.phase.review):
        raise Http404
    return step


@login_required
def home(request):
    """The secretariat's dashboard of all reviews, or a participant's own reviews."""
    form = DashboardFilter(request.GET or None)
    reviews = policy.reviews_visible_to(request.user)
    today = timezone.localdate()
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("group"):
        reviews = reviews.filter(group_id=data["group"])
    if data.get("q"):
        reviews = reviews.filter(party__names__icontains=data["q"]) | reviews.filter(party__iso3__iexact=data["q"])
    rows = progress.rows(reviews, today)
    if data.get("status"):
        rows = [r for r in rows if r.status == data["status"]]
    if data.get("step"):
        rows = [r for r in rows if r.open_step and r.open_step.kind == data["step"]]
    if data.get("late"):
        rows = [r for r in rows if r.delay_days > 0]
    if data.get("no_focal_point"):
        rows = [r for r in rows if r.review.party_id not in r.focal_point_names]
    secretariat = policy.is_secretariat(request.user)
    groups = [progress.group_progress(g) for g in detail.groups()] if secretariat else []
    return render(request, "reviews/home.html", {
        "form": form, "rows": rows, "groups": groups, "today": today,
        "newcomers": newcomers.newcomers() if secretariat and groups else [], "group_list": detail.groups()})


@require_POST
@login_required
def start_newcomer_review(request, iso3):
    """The secretariat starts the review of a party that joined after the draw, in a group."""
    if not policy.is_secretariat(request.user):
        raise Http404
    party = get_object_or_404(Party, pk=iso3)
    group = get_object_or_404(ReviewGroup, pk=request.POST.get("group") or 0)
    try:
        review = start_review(party, group=group, actor=request.user, started_on=timezone.localdate())
    except Refused as error:
        _refused(request, error)
        return redirect("reviews:home")
    messages.success(request, _("The review of %(state)s has started: record its reviewing States with a draw.") % {"state": party.name})
    return redirect("reviews:detail", pk=review.pk)


@login_required
def review_detail(request, pk):
    review = visible_review_or_404(request.user, pk)
    context = detail.review_page(review, request.user, timezone.localdate())
    return render(request, "reviews/review.html", context)


def _refused(request, error: Refused):
    messages.error(request, " ".join(error.messages))


@login_required
def consultation(request, pk):
    step = visible_step_or_404(request.user, pk)
    phase = step.phase
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            steps.record_consultation(
                phase, actor=request.user, consulted_on=data["consulted_on"], languages=data["languages"],
                exceptional_reason=data["exceptional_reason"], division_of_tasks=data["division_of_tasks"],
                schedule=form.schedule(deadlines.default_schedule(data["consulted_on"])))
        except Refused as error:
            _refused(request, error)
        else:
            messages.success(request, _("The initial consultation is recorded; the questionnaire is open."))
            return redirect("reviews:detail", pk=phase.review_id)
    return render(request, "reviews/consultation.html", {"form": form, "step": step, "review": phase.review})


@require_POST
@login_required
def clear(request, pk):
    step = visible_step_or_404(request.user, pk)
    try:
        steps.clear_output(step, actor=request.user)
    except Refused as error:
        _refused(request, error)
    else:
        messages.success(request, _("Cleared for your State."))
    return redirect("reviews:detail", pk=step.phase.review_id)


@login_required
def extension(request, pk):
    step = visible_step_or_404(request.user, pk)
    form = ExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            extensions.request_extension(step, actor=request.user, **form.cleaned_data)
        except Refused as error:
            _refused(request, error)
        else:
            messages.success(request, _("Your request for an extension has been sent."))
            return redirect("reviews:detail", pk=step.phase.review_id)
    return render(request, "reviews/form.html", {"form": form, "review": step.phase.review,
                                                 "title": _("Ask for an extension: %(step)s") % {"step": step}})


@require_POST
@login_required
def decide_extension(request, pk):
    item = get_object_or_404(ExtensionRequest.objects.select_related("step__phase__review"), pk=pk)
    if not policy.can_view_review(request.user, item.step.phase.review):
        raise Http404
    try:
        extensions.decide_extension(item, actor=request.user, approve=request.POST.get("decision") == "approve")
    except Refused as error:
        _refused(request, error)
    return redirect("reviews:detail", pk=item.step.phase.review_id)


@login_required
def deadline(request, pk):
    step = visible_step_or_404(request.user, pk)
    if not policy.is_secretariat(request.user):
        raise Http404
    form = DeadlineForm(request.POST or None, initial={"due_on": step.due_on})
    if request.method == "POST" and form.is_valid():
        try:
            extensions.change_deadline(step, actor=request.user, **form.cleaned_data)
        except Refused as error:
            _refused(request, error)
        else:
            return redirect("reviews:detail", pk=step.phase.review_id)
    return render(request, "reviews/form.html", {"form": form, "review": step.phase.review,
                                                 "title": _("Change the deadline: %(step)s") % {"step": step}})

