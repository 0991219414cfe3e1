"""The secretariat's acts on a dialogue: announce it, add background documents, send the list to
States, cancel it for the chair, publish the chair's summary (P&R 53)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.core.i18n import UN_LANGUAGES
from revmod.dialogues import policy, rules
from revmod.dialogues.domain.support import link, store, tell_organisations, texts
from revmod.documents.domain import checked_upload
from revmod.dialogues.enums import DialogueFormat, WorkingGroup
from revmod.dialogues.models import BackgroundDocument, Dialogue
from revmod.notifications.domain import notify


def _secretariat_only(actor) -> None:
    if not policy.can_manage(actor):
        raise Refused(_("Only the secretariat manages the constructive dialogues."))


@transaction.atomic
def announce_dialogue(*, actor, working_group: str, session: str, held_on: date, format: str, venue: str = "",
                      titles: dict, topics: dict | None = None, agenda: dict | None = None,
                      practical_details: dict | None = None, today: date | None = None) -> Dialogue:
    """Announce a dialogue after a working group session; its closing dates follow from `held_on` (P&R 53(a), (g)).

    Side effects, in order: the dialogue, an audit entry with its computed dates.
    """
    _secretariat_only(actor)
    today = today or timezone.localdate()
    if working_group not in WorkingGroup.values or format not in DialogueFormat.values:
        raise Refused(_("Choose a working group and a format from the lists."))
    if not rules.is_application_in_time(held_on, today):
        raise Refused(_("Applications would already be closed: a dialogue on %(day)s closes them on %(close)s. Choose a later date.")
                      % {"day": date_format(held_on), "close": date_format(rules.applications_close_on(held_on))})
    titles = texts(titles, max_chars=300)
    if not titles:
        raise Refused(_("Give the dialogue a title in at least one language."))
    dialogue = Dialogue.objects.create(
        working_group=working_group, session=session.strip()[:120], held_on=held_on, format=format,
        venue=venue.strip()[:300], titles=titles, topics=texts(topics), agenda=texts(agenda),
        practical_details=texts(practical_details), announced_by=actor, announced_at=timezone.now())
    dialogue.search_text = dialogue.texts_to_search()
    dialogue.save(update_fields=["search_text"])
    dates = dialogue.dates
    record("dialogues.dialogue.announced", actor=actor, target=dialogue, data={
        "held_on": held_on.isoformat(), "applications_close_on": dates.applications_close_on.isoformat(),
        "list_to_states_on": dates.list_to_states_on.isoformat(), "objections_close_on": dates.objections_close_on.isoformat()})
    return dialogue


@transaction.atomic
def add_background_document(dialogue: Dialogue, *, actor, language: str, title: str, uploaded) -> BackgroundDocument:
    """A background document of the agenda, in one of the six languages (P&R 53(g))."""
    _secretariat_only(actor)
    if language not in UN_LANGUAGES:
        raise Refused(_("Unknown language: %(code)s.") % {"code": language})
    if not title.strip():
        raise Refused(_("Give the document a title."))
    data, kind, name = checked_upload(uploaded)
    document = BackgroundDocument(dialogue=dialogue, language=language, title=title.strip()[:300],
                                  uploaded_by=actor, uploaded_at=timezone.now())
    store(document, data, name, kind)
    document.save()
    record("dialogues.document.added", actor=actor, target=document,
           data={"dialogue": dialogue.pk, "language": language, "name": name, "sha256": document.sha256})
    return document


@transaction.atomic
def send_list_to_states(dialogue: Dialogue, *, actor, today: date | None = None) -> int:
    """Send the list of confirmed applicants to States, once applications are closed (P&R 53(d), (e)).

    Side effects, in order: the dialogue's `list_sent_at`, an audit entry (with the number of
    applicants and whether the list is late), one notice to every State's focal point.
    Returns the number of applicants on the list.
    """
    _secretariat_only(actor)
    today = today or timezone.localdate()
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue.pk)
    if dialogue.cancelled_at:
        raise Refused(_("This dialogue was cancelled."))
    if dialogue.list_sent_at:
        raise Refused(_("The list was already sent to States on %(day)s.") % {"day": date_format(dialogue.list_sent_at.date())})
    if not rules.may_send_list(dialogue.held_on, today):
        if today >= dialogue.held_on:
            raise Refused(_("This dialogue has already taken place."))
        raise Refused(_("Applications are open until %(day)s: the list goes to States after that.")
                      % {"day": date_format(dialogue.dates.applications_close_on)})
    dialogue.list_sent_at = timezone.now()
    dialogue.save(update_fields=["list_sent_at"])
    count = dialogue.applications.filter(confirmed_at__isnull=False).count()
    late = rules.is_list_late(dialogue.held_on, today)
    record("dialogues.list.sent", actor=actor, target=dialogue, data={"applicants": count, "late": late})
    url = link(f"/dialogues/{dialogue.pk}/applicants/")
    notify(f"dialogues:list:{dialogue.pk}", people=policy.people_to_send_the_list(),
           subject=gettext_lazy("Constructive dialogue: the list of applicants"),
           body=lambda person: _("The list of applicants to the constructive dialogue \"%(title)s\" on %(day)s is ready: %(url)s\n"
                                 "A State may object to an applicant until %(until)s.") % {
               "title": dialogue, "day": date_format(dialogue.held_on), "url": url,
               "until": date_format(dialogue.dates.objections_close_on)})
    return count


@transaction.atomic
def cancel_dialogue(dialogue: Dialogue, *, actor, reason: str, today: date | None = None) -> Dialogue:
    """The chair cancels when too few applied by the closing date; the secretariat records it (P&R 53(f)).

    Side effects, in order: the dialogue's cancellation, an audit entry with the number of
    applicants, one notice to each confirmed applicant.
    """
    _secretariat_only(actor)
    today = today or timezone.localdate()
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue.pk)
    if dialogue.cancelled_at:
        raise Refused(_("This dialogue was already cancelled."))
    if not rules.may_cancel(dialogue.held_on, today):
        raise Refused(_("The chair may cancel only after applications close (%(close)s) and before the dialogue (%(day)s).")
                      % {"close": date_format(dialogue.dates.applications_close_on), "day": date_format(dialogue.held_on)})
    if not reason.strip():
        raise Refused(_("Give the chair's reason for cancelling."))
    dialogue.cancelled_at, dialogue.cancel_reason = timezone.now(), reason.strip()
    dialogue.save(update_fields=["cancelled_at", "cancel_reason"])
    applications = list(dialogue.applications.filter(confirmed_at__isnull=False).select_related("organisation"))
    record("dialogues.dialogue.cancelled", actor=actor, target=dialogue,
           data={"reason": dialogue.cancel_reason, "applicants": len(applications)})
    def body() -> str:
        return _("The constructive dialogue \"%(title)s\" planned for %(day)s will not take place: too few applications came in (P&R 53(f)).") % {
            "title": dialogue, "day": date_format(dialogue.held_on)}

    tell_organisations((f"dialogues:cancelled:{a.pk}", a.organisation, gettext_lazy("Constructive dialogue cancelled"), body)
                       for a in applications)
    return dialogue


@transaction.atomic
def publish_summary(dialogue: Dialogue, *, actor, summary: dict, observations: dict | None = None,
                    today: date | None = None) -> Dialogue:
    """Publish the chair's summary and the observations it records; later calls add translations (P&R 53(h)).

    Side effects, in order: the texts and, the first time, `published_at`; an audit entry.
    Once published, the dialogue's participants are public too.
    """
    _secretariat_only(actor)
    today = today or timezone.localdate()
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue.pk)
    if dialogue.cancelled_at:
        raise Refused(_("This dialogue was cancelled."))
    if not rules.may_publish(dialogue.held_on, today):
        raise Refused(_("The summary is published after the dialogue (%(day)s).") % {"day": date_format(dialogue.held_on)})
    summary = texts(summary, max_chars=100_000)
    if not summary:
        raise Refused(_("Give the chair's summary in at least one language."))
    first = dialogue.published_at is None
    dialogue.summary, dialogue.observations = summary, texts(observations, max_chars=100_000)
    dialogue.published_at = dialogue.published_at or timezone.now()
    dialogue.search_text = dialogue.texts_to_search()
    dialogue.save(update_fields=["summary", "observations", "published_at", "search_text"])
    record("dialogues.summary.published" if first else "dialogues.summary.updated", actor=actor, target=dialogue,
           data={"languages": sorted(summary)})
    return dialogue
