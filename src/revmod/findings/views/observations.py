"""The list of observations page: sections per article, typed items, confidentiality, summary (P&R 38)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from revmod.core.errors import EditConflict, Refused
from revmod.documents.wordcount import count_words
from revmod.findings import policy
from revmod.findings.domain import observations as domain
from revmod.findings.domain.queries import read_list
from revmod.findings.enums import ItemKind
from revmod.findings.models import ObservationItem, ObservationList, ObservationSection
from revmod.findings.views._common import base_version, ids, phase_object_or_404, refused
from revmod.reference.models import Article
from revmod.reviews.models import Phase


def _list_or_404(user, pk) -> ObservationList:
    queryset = ObservationList.objects.select_related("phase__review__party", "phase__cluster", "review", "instrument")
    return phase_object_or_404(user, queryset, pk, lambda o: o.phase)


def _render(request, observation_list, *, conflict=None, status=200):
    read_list(observation_list, actor=request.user, request=request)
    user = request.user
    sections = list(observation_list.sections.prefetch_related("articles"))
    items = list(observation_list.items.prefetch_related("articles"))
    key = (conflict or {}).get("key")
    for part in [*sections, *items]:
        part.conflict = conflict if key == f"{part._meta.model_name.removeprefix('observation')}-{part.pk}" else None
    for section in sections:
        section.item_rows = [i for i in items if i.section_id == section.pk]
    return render(request, "findings/list.html", {
        "list": observation_list, "phase": observation_list.phase, "review": observation_list.review,
        "sections": sections, "loose": [i for i in items if i.section_id is None], "kinds": ItemKind.choices,
        "articles": Article.objects.filter(instrument=observation_list.instrument_id).order_by("number"),
        "summary_conflict": conflict if key == "summary" else None, "word_limit": domain.SUMMARY_WORD_LIMIT,
        "can_write": policy.can_write_list(user, observation_list),
        "can_submit": policy.can_submit_list(user, observation_list),
        "can_summarize": policy.can_write_summary(user, observation_list),
        "can_mark": policy.can_mark_confidential(user, observation_list),
        "can_download": policy.can_download_list(user, observation_list, "review"),
    }, status=status)


@login_required
def list_page(request, pk):
    return _render(request, _list_or_404(request.user, pk))


def _back(part) -> str:
    from django.urls import reverse

    list_id = part.pk if isinstance(part, ObservationList) else part.list_id
    return reverse("findings:list", args=[list_id]) + ("" if isinstance(part, ObservationList) else f"#{part._meta.model_name}-{part.pk}")


def _done(request, call, back, success):
    try:
        call()
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, success)
    return redirect(back)


@login_required
@require_POST
def add_section(request, pk):
    observation_list = _list_or_404(request.user, pk)
    return _done(request, lambda: domain.add_section(observation_list, article_ids=ids(request.POST.getlist("articles")),
                                                     text=request.POST.get("text", ""), actor=request.user),
                 _back(observation_list), _("Section added."))


@login_required
@require_POST
def add_item(request, pk):
    observation_list = _list_or_404(request.user, pk)
    section_id = request.POST.get("section")
    section = observation_list.sections.filter(pk=section_id).first() if str(section_id).isdigit() else None
    return _done(request, lambda: domain.add_item(
        observation_list, kind=request.POST.get("kind", ""), text=request.POST.get("text", ""), actor=request.user,
        section=section, article_ids=ids(request.POST.getlist("articles"))), _back(observation_list), _("Item added."))


PARTS = {"section": ObservationSection, "item": ObservationItem}


def _part_or_404(request, kind, pk):
    if kind not in PARTS:
        raise Http404
    return phase_object_or_404(request.user, PARTS[kind].objects.select_related("list__phase__review", "list__review"), pk,
                               lambda p: p.list.phase)


@login_required
@require_POST
def save_part(request, kind, pk):
    """Save a section's or an item's text (compare-and-swap); a conflict shows both texts."""
    part = _part_or_404(request, kind, pk)
    text = request.POST.get("text", "")
    base = base_version(request)
    try:
        if kind == "section":
            domain.save_section(part, text=text, base_version=base, actor=request.user)
        else:
            domain.save_item(part, kind=request.POST.get("kind", part.kind), text=text, base_version=base, actor=request.user)
    except EditConflict as error:
        part.refresh_from_db()
        conflict = {"key": f"{kind}-{part.pk}", "message": error.messages[0], "mine": text, "theirs": part.text,
                    "version": error.current_version}
        return _render(request, _list_or_404(request.user, part.list_id), conflict=conflict, status=409)
    except Refused as error:
        refused(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect(_back(part))


@login_required
@require_POST
def confidential(request, kind, pk):
    part = _part_or_404(request, kind, pk)
    keep = request.POST.get("confidential") == "1"
    return _done(request, lambda: domain.mark_confidential(part, confidential=keep, actor=request.user), _back(part),
                 _("Marked confidential: left out of the working-group version.") if keep else _("No longer confidential."))


@login_required
@require_POST
def save_summary(request, pk):
    observation_list = _list_or_404(request.user, pk)
    text = request.POST.get("text", "")
    try:
        domain.save_summary(observation_list, text=text, base_version=base_version(request), actor=request.user)
    except EditConflict as error:
        observation_list.refresh_from_db()
        conflict = {"key": "summary", "message": error.messages[0], "mine": text, "theirs": observation_list.summary,
                    "version": error.current_version}
        return _render(request, observation_list, conflict=conflict, status=409)
    except Refused as error:
        # Too long: the text stays in the form, with the count, so nothing typed is lost.
        conflict = {"key": "summary", "message": error.messages[0], "mine": text, "theirs": None,
                    "version": observation_list.version, "words": count_words(text)}
        return _render(request, observation_list, conflict=conflict, status=400)
    messages.success(request, _("Summary saved (%(n)s words).") % {"n": observation_list.summary_words})
    return redirect(_back(observation_list) + "#summary")


@login_required
@require_POST
def submit(request, pk):
    observation_list = _list_or_404(request.user, pk)
    reopen = bool(request.POST.get("reopen"))
    return _done(request, lambda: (domain.reopen_list if reopen else domain.submit_list)(observation_list, actor=request.user),
                 _back(observation_list), _("Reopened for editing.") if reopen else
                 _("Submitted. The focal points of both sides can now clear the step."))


@login_required
@require_POST
def submit_summary(request, pk):
    phase = phase_object_or_404(request.user, Phase.objects.select_related("review__party"), pk, lambda p: p)
    from django.urls import reverse

    return _done(request, lambda: domain.submit_summary(phase, actor=request.user), reverse("findings:phase", args=[phase.pk]),
                 _("The summary is now the summary step's document; the focal points can clear it."))
