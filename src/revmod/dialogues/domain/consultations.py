"""The State under review's record of the stakeholders it consulted for its answers (P&R 23)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.dialogues import policy
from revmod.dialogues.domain.support import MAX_TEXT_CHARS
from revmod.dialogues.enums import StakeholderKind
from revmod.dialogues.models import ConsultedStakeholder, Organisation


@transaction.atomic
def record_consulted_stakeholder(review, *, actor, name: str = "", kind: str = "", organisation: Organisation | None = None,
                                 instrument=None, how: str = "", consulted_on: date | None = None) -> ConsultedStakeholder:
    """Record a stakeholder consulted in a government-led national consultation (P&R 23).

    A registered organisation may be named instead of a name and kind. Side effects, in
    order: the row, an audit entry in the review's trail.
    """
    if not policy.can_record_consultations(actor, review):
        raise Refused(_("The State under review's focal point and experts record whom they consulted."))
    if organisation is not None:
        name, kind = organisation.name, organisation.kind
    if not name.strip():
        raise Refused(_("Give the stakeholder's name."))
    if kind not in StakeholderKind.values:
        raise Refused(_("Choose the kind of stakeholder from the list."))
    if consulted_on and consulted_on > timezone.localdate():
        raise Refused(_("The date of the consultation cannot be in the future."))
    item = ConsultedStakeholder.objects.create(
        review=review, organisation=organisation, name=" ".join(name.split())[:300], kind=kind,
        instrument=instrument, how=how.strip()[:MAX_TEXT_CHARS], consulted_on=consulted_on,
        recorded_by=actor, recorded_at=timezone.now())
    record("dialogues.consultation.recorded", actor=actor, target=item, review=review,
           data={"name": item.name, "kind": kind, "instrument": getattr(instrument, "pk", None)})
    return item


@transaction.atomic
def remove_consulted_stakeholder(item: ConsultedStakeholder, *, actor) -> None:
    """Take a stakeholder off the record; the audit trail keeps what was removed (P&R 23)."""
    if not policy.can_record_consultations(actor, item.review):
        raise Refused(_("The State under review's focal point and experts record whom they consulted."))
    record("dialogues.consultation.removed", actor=actor, target=item, review=item.review,
           data={"name": item.name, "kind": item.kind})
    item.delete()
