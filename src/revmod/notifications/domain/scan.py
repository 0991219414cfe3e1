"""The deadline scan: reminders before a deadline, weekly notices after it, escalation to the mission.

Automatic notice of missed deadlines is what States asked for (WG TA 2023 rec. 4, para 17).
The scan is set-based: a fixed number of reads whatever the number of reviews, then the new
notices in bulk; each notice's key makes a second run on the same day send nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from revmod.core.i18n import localized
from revmod.notifications import conf, schedule
from revmod.notifications.domain import Draft, notice_key, queue_count
from revmod.notifications.domain.contacts import (
    Contact, contacts_for, focal_points_in, mission_contact, preference_map, responsible_parties, reviewers_in, secretariat_addresses,
)
from revmod.notifications.domain.texts import Texts, site_url
from revmod.notifications.enums import DEADLINE_KINDS, NoticeKind
from revmod.notifications.models import Notification
from revmod.notifications.vocabulary import step_name
from revmod.reviews.enums import StepStatus
from revmod.reviews.models import ReviewStep

_KIND = {schedule.COMING: NoticeKind.DEADLINE_COMING, schedule.MISSED: NoticeKind.DEADLINE_MISSED,
         schedule.ESCALATED: NoticeKind.ESCALATION}
_TEMPLATE = {schedule.COMING: "deadline.coming", schedule.MISSED: "deadline.missed",
             schedule.ESCALATED: "deadline.escalated"}


@dataclass
class ScanContext:
    """What one scan loads once: reviewing States, focal points, the secretariat, the templates."""

    today: date
    reviewers: dict
    focal_points: dict
    secretariat: list[str]
    texts: Texts


def scan_deadlines(today: date) -> int:
    """Queue every deadline notice due on `today` that was not queued before; returns how many.

    Reads, whatever the number of reviews: the open steps due within the reminder window or
    past due, their reviewing States, their focal points, the notices already queued for
    them, the secretariat's addresses, the templates. Then one bulk insert.
    """
    horizon = today + timedelta(days=max(conf.reminder_days()))
    open_steps = ReviewStep.objects.filter(status=StepStatus.OPEN, due_on__isnull=False, due_on__lte=horizon)
    steps = list(open_steps.select_related("phase__review__party").order_by("pk").only(
        "kind", "due_on", "phase__review__party__names", "phase__review__party__mission_email",
        "phase__review__party__correspondence_language"))
    if not steps:
        return 0
    review_ids = open_steps.values("phase__review_id")
    context = ScanContext(today=today, reviewers=reviewers_in(review_ids), focal_points=focal_points_in(review_ids),
                          secretariat=secretariat_addresses(), texts=Texts.load())
    known = set(Notification.objects.filter(step__in=open_steps, kind__in=DEADLINE_KINDS).values_list("key", flat=True))
    drafts: list[Draft] = []
    for step in steps:
        drafts += drafts_for_step(step, context)
    return queue_count(drafts, known_keys=known, preferences=preference_map(context.focal_points))


def drafts_for_step(step: ReviewStep, context: ScanContext) -> list[Draft]:
    """The notices this step's deadline calls for today, to each State that owes it."""
    review = step.phase.review
    due = schedule.due_notices(step.due_on, context.today, reminder_days=conf.reminder_days(),
                               escalate_after=conf.escalate_after_days())
    drafts = []
    for notice in due:
        for party in responsible_parties(step.kind, review, context.reviewers.get(review.pk, [])):
            for contact in _addressees(notice, review.pk, party, context):
                drafts.append(_draft(step, notice, contact, context))
    return drafts


def _addressees(notice: schedule.DueNotice, review_id: int, party, context: ScanContext) -> list[Contact]:
    """The focal point (else mission) for reminders and missed notices; the mission for escalation.

    An escalation with no mission address on file goes to the secretariat, so it is not lost.
    """
    if notice.kind != schedule.ESCALATED:
        return contacts_for(review_id, party, context.focal_points)
    if party.mission_email:
        return [mission_contact(party)]
    return [Contact(party, email, "en") for email in context.secretariat]


def _draft(step: ReviewStep, notice: schedule.DueNotice, contact: Contact, context: ScanContext) -> Draft:
    review, language = step.phase.review, contact.language
    subject, body = context.texts.render(
        _TEMPLATE[notice.kind], language, state=localized(review.party.names, language),
        party=localized(contact.party.names, language), step=step_name(step.kind, language),
        due_on=step.due_on.isoformat(), days=notice.days, url=site_url(f"/reviews/{review.pk}/"))
    event = f"deadline:{step.pk}:{step.due_on.isoformat()}:{notice.kind}:{notice.marker}"
    cc = context.secretariat if notice.kind != schedule.COMING else []
    return Draft(key=notice_key(event, contact.email), email=contact.email, subject=subject, body=body,
                 kind=_KIND[notice.kind], recipient=contact.person, language=language, review_id=review.pk,
                 step_id=step.pk, cc=list(cc))

