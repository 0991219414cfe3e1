"""Date arithmetic and derived labels of a constructive dialogue with stakeholders (no ORM) (P&R 53)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.translation import gettext_lazy as _

from revmod.dialogues.enums import ApplicationStatus, OrganisationKind, Outcome, Stage

# Applications (and NGOs' confirmations of attendance) come in at least 15 days before (P&R 53(d), (e)).
APPLICATION_DAYS_BEFORE = 15
# The list of applicants goes to States at least 10 days before (P&R 53(d), (e)).
LIST_DAYS_BEFORE = 10
# The procedures set no date for objections; revmod closes them 5 days before, so the Bureau
# can decide and participants get their confirmation in time. A decision of revmod, not of P&R 53.
OBJECTION_DAYS_BEFORE = 5


def applications_close_on(held_on: date) -> date:
    """The last day an application or a confirmation of attendance is accepted (P&R 53(d), (e))."""
    return held_on - timedelta(days=APPLICATION_DAYS_BEFORE)


def list_to_states_on(held_on: date) -> date:
    """The last day for sending the list of applicants to States (P&R 53(d), (e))."""
    return held_on - timedelta(days=LIST_DAYS_BEFORE)


def objections_close_on(held_on: date) -> date:
    """The last day a State may object to an applicant (revmod's choice; P&R 53(d), (e) set none)."""
    return held_on - timedelta(days=OBJECTION_DAYS_BEFORE)


@dataclass(frozen=True)
class DialogueDates:
    held_on: date
    applications_close_on: date
    list_to_states_on: date
    objections_close_on: date


def dates_of(held_on: date) -> DialogueDates:
    """Every date the platform computes from the day of the dialogue (P&R 53)."""
    return DialogueDates(held_on, applications_close_on(held_on), list_to_states_on(held_on),
                         objections_close_on(held_on))


def is_application_in_time(held_on: date, today: date) -> bool:
    """Applications are accepted up to and including the closing day (P&R 53(d), (e))."""
    return today <= applications_close_on(held_on)


def is_objection_in_time(held_on: date, today: date) -> bool:
    return today <= objections_close_on(held_on)


def is_list_late(held_on: date, sent_on: date) -> bool:
    """The list reached States later than 10 days before the dialogue (P&R 53(d), (e))."""
    return sent_on > list_to_states_on(held_on)


def may_cancel(held_on: date, today: date) -> bool:
    """The chair may cancel once the applications are in and the dialogue not yet held (P&R 53(f))."""
    return applications_close_on(held_on) < today < held_on


def may_send_list(held_on: date, today: date) -> bool:
    """The list goes to States once applications are closed and before the dialogue (P&R 53(d), (e))."""
    return applications_close_on(held_on) < today < held_on


def may_admit(held_on: date, today: date) -> bool:
    """Applicants nobody objected to are admitted once objections are closed (P&R 53(d), (e))."""
    return not is_objection_in_time(held_on, today)


def may_publish(held_on: date, today: date) -> bool:
    """The chair's summary is published once the dialogue has taken place (P&R 53(h))."""
    return today >= held_on


def open_acts(held_on: date, today: date, *, cancelled: bool, list_sent: bool) -> set[str]:
    """The secretariat's acts open now, so the page offers exactly what the domain accepts (P&R 53)."""
    if cancelled:
        return set()
    acts = {"add_document"}
    if not list_sent and may_send_list(held_on, today):
        acts.add("send_list")
    if list_sent and may_admit(held_on, today):
        acts.add("admit")
    if may_cancel(held_on, today):
        acts.add("cancel")
    if may_publish(held_on, today):
        acts.add("summary")
    return acts


def stage(held_on: date, today: date, *, cancelled_at: datetime | None, list_sent_at: datetime | None,
          published_at: datetime | None) -> Stage:
    """Where a dialogue stands, derived from its dates and what has been done (P&R 53)."""
    if cancelled_at:
        return Stage.CANCELLED
    if published_at:
        return Stage.PUBLISHED
    if today >= held_on:
        return Stage.HELD
    if list_sent_at:
        return Stage.CIRCULATED
    if is_application_in_time(held_on, today):
        return Stage.OPEN
    return Stage.CLOSED


def application_status(*, confirmed: bool, kind: str, objected: bool, outcome: str | None) -> ApplicationStatus:
    """An application's label: an objection to an NGO waits for the Bureau (P&R 53(d)); other
    applicants are admitted unless a State objects (P&R 53(e))."""
    if outcome:
        return ApplicationStatus.ADMITTED if outcome == Outcome.ADMITTED else ApplicationStatus.NOT_ADMITTED
    if not confirmed:
        return ApplicationStatus.UNCONFIRMED
    if objected and kind == OrganisationKind.NGO:
        return ApplicationStatus.BEFORE_BUREAU
    return ApplicationStatus.ON_LIST


def search_text(*values) -> str:
    """What a dialogue is searched in: its texts in every language, case folded, one per line.

    Kept beside the texts because SQLite stores JSON with non-ASCII letters escaped and
    compares case only in ASCII: a search in Arabic, Chinese, French or Russian must work on
    both databases.
    """
    parts = []
    for value in values:
        parts += value.values() if isinstance(value, dict) else [value]
    return "\n".join(" ".join(str(part).split()).casefold() for part in parts if part)


def name_key(name: str) -> str:
    """An organisation's name as compared for duplicates: case and spacing ignored."""
    return " ".join(name.split()).casefold()


# Shown to participants on the dialogue's page and in their confirmation (P&R 53(b)).
PARTICIPANT_RULES = (
    _("The dialogue is about the review process as a whole. Situations of specific countries are not "
      "discussed, except that a State under review may, of its own accord, raise matters about its own review."),
    _("You may inform the participants of your relevant activities, including those that meet "
      "technical assistance needs, and make comments and suggestions on how to implement the "
      "Convention and its Protocols better (P&R 53(i), (j))."),
    _("The chair writes a summary of the discussion for the working group's next session (P&R 53(h))."),
)
