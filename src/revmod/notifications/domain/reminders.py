"""Reminders the secretariat sends by hand, from a template, to the States of a review (P&R 33)."""

from django.db import transaction
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.core.i18n import localized
from revmod.notifications.domain import Draft, notice_key, queue
from revmod.notifications.domain.contacts import contacts_for, focal_points_in
from revmod.notifications.domain.texts import Texts, site_url
from revmod.notifications.enums import NoticeKind
from revmod.notifications.models import MessageTemplate, Notification
from revmod.notifications.vocabulary import step_name
from revmod.reviews import policy


def parties_of(review) -> list:
    """The State under review, then its reviewing States now seated."""
    reviewers = {s.reviewer_id: s.reviewer for s in review.seats.filter(until__isnull=True).select_related("reviewer")}
    return [review.party, *sorted(reviewers.values(), key=lambda p: p.pk)]


@transaction.atomic
def send_reminder(review, *, actor, template: MessageTemplate, parties: list, nonce: str,
                  step=None) -> list[Notification]:
    """Write to each chosen State's focal point (else its mission), each in their language.

    `nonce` comes from the form, so a form sent twice queues nothing the second time.
    Side effects, in order: the notices, an audit entry; delivery after commit.
    """
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat sends reminders."))
    if not template.for_reminders:
        raise Refused(_("This template is not offered for reminders."))
    if step is not None and step.phase.review_id != review.pk:
        raise Refused(_("This step is not part of this review."))
    focal_points = focal_points_in([review.pk])
    contacts = [c for party in parties for c in contacts_for(review.pk, party, focal_points)]
    if not contacts:
        raise Refused(_("None of these States has a focal point or a permanent mission address on file."))
    texts = Texts({template.code: template})
    drafts = []
    for contact in contacts:
        language = contact.language
        subject, body = texts.render(
            template.code, language, state=localized(review.party.names, language),
            party=localized(contact.party.names, language), url=site_url(f"/reviews/{review.pk}/"),
            step=step_name(step.kind, language) if step else "", due_on=step.due_on.isoformat() if step and step.due_on else "")
        drafts.append(Draft(key=notice_key(f"reminder:{review.pk}:{nonce}", contact.email), email=contact.email,
                            subject=subject, body=body, kind=NoticeKind.REMINDER, recipient=contact.person,
                            language=language, review_id=review.pk, step_id=getattr(step, "pk", None)))
    created = queue(drafts)
    if created:
        record("notifications.reminder.sent", actor=actor, target=review, review=review,
               data={"template": template.code, "to": [n.email for n in created], "step": getattr(step, "kind", "")})
    return created
