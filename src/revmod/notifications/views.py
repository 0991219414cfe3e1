"""Pages of notifications: the inbox, preferences and calendar link, the feed, the secretariat's log and reminders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from revmod.core.errors import Refused
from revmod.core.i18n import localized
from revmod.notifications.domain import preferences as prefs
from revmod.notifications.domain import queries
from revmod.notifications.domain.reminders import parties_of, send_reminder
from revmod.notifications.domain.texts import update_template
from revmod.notifications.enums import NoticeState
from revmod.notifications.interfaces.forms import PreferenceForm, ReminderForm, TemplateForm
from revmod.notifications.interfaces.ical import Event, calendar
from revmod.notifications.models import MessageTemplate, Notification
from revmod.notifications.vocabulary import step_name
from revmod.reviews import policy
from revmod.reviews.views import secretariat_or_404
from revmod.reviews.models import ReviewStep



def _review_or_404(user, pk):
    review = policy.reviews_visible_to(user).filter(pk=pk).first()
    if review is None:
        raise Http404
    return review


@login_required
def inbox(request):
    """Every notice to me, newest first; unread ones marked."""
    page = Paginator(queries.inbox_of(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page, "unread": queries.unread_count(request.user)})


@login_required
def notice(request, pk):
    """One notice; opening it marks it read. Another person's notice answers 404 (STYLE 7)."""
    item = get_object_or_404(Notification.objects.select_related("review__party"), pk=pk, recipient=request.user)
    prefs.mark_read(item, actor=request.user)
    return render(request, "notifications/notice.html", {"notice": item})


@require_POST
@login_required
def mark_all_read(request):
    prefs.mark_all_read(request.user, actor=request.user)
    return redirect("notifications:inbox")


@login_required
def preferences(request):
    """How often e-mail comes, and the private calendar link (created, shown once, or revoked)."""
    current = prefs.preference_of(request.user)
    form = PreferenceForm(initial={"frequency": current.frequency, "monthly_digest": current.monthly_digest})
    context = {"form": form}
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "preferences":
        form = context["form"] = PreferenceForm(request.POST)
        if form.is_valid():
            prefs.set_preference(request.user, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Your preferences are saved."))
            return redirect("notifications:preferences")
    elif action == "create_feed":
        token = prefs.create_calendar_feed(request.user, actor=request.user)
        context["feed_url"] = request.build_absolute_uri(reverse("notifications:feed", args=[token]))
    elif action == "revoke_feed":
        prefs.revoke_calendar_feeds(request.user, actor=request.user)
        messages.success(request, _("Your calendar link no longer works."))
        return redirect("notifications:preferences")
    context["has_feed"] = queries.has_calendar_feed(request.user)
    return render(request, "notifications/preferences.html", context)


def feed(request, token):
    """The person's deadlines as iCalendar, for a calendar application; no session, the link is the key."""
    person = prefs.person_for_feed(token)
    if person is None:
        raise Http404
    language = person.language or "en"
    events = [Event(uid=f"revmod-step-{s.pk}-{s.due_on:%Y%m%d}@revmod", on=s.due_on,
                    summary=f"{localized(s.phase.review.party.names, language)}: {step_name(s.kind, language)}",
                    url=request.build_absolute_uri(f"/reviews/{s.phase.review_id}/"))
              for s in queries.deadlines_for(person)]
    body = calendar(events, name=_("Review deadlines"), stamp=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def review_log(request, pk):
    """What was sent about a review, to whom, when, and whether it arrived (the secretariat, P&R 33)."""
    secretariat_or_404(request.user)
    review = _review_or_404(request.user, pk)
    page = Paginator(queries.delivery_log(review), 100).get_page(request.GET.get("page"))
    return render(request, "notifications/log.html", {"review": review, "page": page, "bounced": NoticeState.BOUNCED,
                                                      "failed": NoticeState.FAILED, "sent": NoticeState.SENT})


@login_required
def remind(request, pk):
    """The secretariat reminds States of a review by hand, from a template, each in their language."""
    secretariat_or_404(request.user)
    review = _review_or_404(request.user, pk)
    parties = parties_of(review)
    steps = list(ReviewStep.objects.filter(phase__review=review, due_on__isnull=False).order_by("due_on", "order"))
    form = ReminderForm(request.POST or None, parties=parties, steps=steps)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [p for p in parties if p.pk in data["parties"]]
        step = next((s for s in steps if s.pk == data["step"]), None)
        try:
            sent = send_reminder(review, actor=request.user, template=data["template"], parties=chosen,
                                 nonce=data["nonce"], step=step)
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Reminders queued: %(n)s.") % {"n": len(sent)} if sent
                             else _("This reminder was already sent."))
            return redirect("notifications:review_log", pk=review.pk)
    return render(request, "notifications/remind.html", {"review": review, "form": form})


@login_required
def templates(request):
    secretariat_or_404(request.user)
    return render(request, "notifications/templates.html", {"templates": MessageTemplate.objects.all()})


@login_required
def template_edit(request, code):
    """The secretariat edits a template's subject and text in the six languages."""
    secretariat_or_404(request.user)
    template = get_object_or_404(MessageTemplate, pk=code)
    form = TemplateForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        subjects, bodies = form.texts()
        try:
            update_template(template, actor=request.user, subjects=subjects, bodies=bodies)
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The template is saved."))
            return redirect("notifications:templates")
    return render(request, "notifications/template_edit.html", {"template": template, "form": form})
