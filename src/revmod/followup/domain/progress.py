"""A State reports what it has done on a record of its finalized list of observations (P&R 44, 46)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import EditConflict, Refused
from revmod.findings.enums import ItemKind
from revmod.findings.models import ObservationItem
from revmod.followup import policy, rules
from revmod.followup.domain.queries.records import finalized_on, latest_report_id
from revmod.followup.models import ProgressReport

MAX_TEXT_CHARS = 20_000


@transaction.atomic
def report_progress(item: ObservationItem, *, actor, status: str, as_of: date, progress: str, met_by: str = "",
                    seen_report: int = 0) -> ProgressReport:
    """Add the State's report on one record; earlier reports stay as its history (P&R 44, 46).

    `seen_report` is the id of the latest report the reporter had in front of them (0 for
    none): if someone reported since, nothing is saved and the reporter is told (no silent
    overwrite). Side effects, in order: the report, an audit entry in the review's trail.
    """
    item = ObservationItem.objects.select_for_update().select_related("list__review__party", "list__phase").get(pk=item.pk)
    review = item.list.review
    if not policy.can_report(actor, review):
        raise Refused(_("The State under review's focal point and experts report on its follow-up."))
    _check(item, status=status, as_of=as_of, progress=progress)
    latest = latest_report_id(item)
    if latest != (seen_report or 0):
        raise EditConflict(_("Someone reported on this record after you opened it. Your text is kept below: read the latest report, then send yours again."),
                           current_version=latest)
    report = ProgressReport.objects.create(
        item=item, party=review.party, status=status, as_of=as_of, progress=progress.strip(),
        met_by=met_by.strip()[:300] if item.kind == ItemKind.TA_NEED else "",
        reported_by=actor, reported_at=timezone.now())
    record("followup.progress.reported", actor=actor, target=report, review=review,
           data={"item": item.pk, "status": status, "as_of": as_of.isoformat()})
    return report


def _check(item: ObservationItem, *, status: str, as_of: date, progress: str) -> None:
    """The record is followed up, the status fits its kind, the date is between the list and today."""
    finalized = finalized_on(item.list)
    if finalized is None or item.kind not in rules.FOLLOWED_KINDS:
        raise Refused(_("Only the needs, recommendations and challenges of a finalized list of observations are followed up."))
    if not rules.is_status_allowed(item.kind, status):
        raise Refused(_("Choose a status from the list."))
    if as_of > timezone.localdate():
        raise Refused(_("The date of the situation cannot be in the future."))
    if as_of < finalized:
        raise Refused(_("The date of the situation cannot be before the list was finalized (%(day)s).")
                      % {"day": date_format(finalized)})
    if not progress.strip():
        raise Refused(_("Say what has been done, even if it is nothing yet."))
    if len(progress) > MAX_TEXT_CHARS:
        raise Refused(_("A text is too long (at most %(n)s characters).") % {"n": MAX_TEXT_CHARS})
