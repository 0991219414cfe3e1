"""Starting reviews, opening phases and seating reviewing States."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.reference.models import Cluster, Instrument, Party
from revmod.reviews.enums import STEP_ORDER, StepKind, StepStatus
from revmod.reviews.models import CountryReview, Phase, ReviewerSeat, ReviewGroup, ReviewStep


def instruments_of(party: Party) -> list[Instrument]:
    """The instruments a State is reviewed on: those it is party to (P&R 11)."""
    return list(Instrument.objects.filter(adherences__party=party).order_by("order"))


@transaction.atomic
def start_review(party: Party, *, group: ReviewGroup, actor, started_on: date | None = None) -> CountryReview:
    """Create a State's review in its group and open the group's current phase (P&R 17, 25).

    Side effects, in order: the review, its phase with consultation open, an audit entry.
    """
    if CountryReview.objects.filter(party=party).exists():
        raise Refused(_("%(state)s is already under review.") % {"state": party.name})
    started_on = started_on or group.phase_started_on
    if started_on < group.started_on:
        raise Refused(_("A review cannot start before its group (%(day)s).") % {"day": group.started_on})
    review = CountryReview.objects.create(party=party, group=group, started_on=started_on)
    open_phase(review, cluster=Cluster.objects.get(phase=group.current_phase), opened_on=started_on, actor=actor)
    record("reviews.review.started", actor=actor, target=review, review=review,
           data={"group": group.number, "started_on": str(started_on)})
    return review


def open_phase(review: CountryReview, *, cluster: Cluster, opened_on: date, actor) -> Phase:
    """A phase with all its steps, the initial consultation open (P&R 9, 31)."""
    phase = Phase.objects.create(review=review, cluster=cluster, opened_on=opened_on)
    ReviewStep.objects.bulk_create(
        ReviewStep(phase=phase, kind=kind, order=i,
                   status=StepStatus.OPEN if kind == StepKind.CONSULTATION else StepStatus.PENDING,
                   opened_on=opened_on if kind == StepKind.CONSULTATION else None)
        for i, kind in enumerate(STEP_ORDER)
    )
    record("reviews.phase.opened", actor=actor, target=phase, review=review, data={"cluster": cluster.number})
    return phase


@transaction.atomic
def seat_reviewer(review: CountryReview, *, reviewer: Party, instrument: Instrument, basis: str,
                  since: date, actor) -> ReviewerSeat:
    """Seat a reviewing State for one instrument, as the draw or a redraw decided (P&R 28)."""
    if reviewer.pk == review.party_id:
        raise Refused(_("A State cannot review itself."))
    seat = ReviewerSeat.objects.create(review=review, reviewer=reviewer, instrument=instrument,
                                       basis=basis, since=since)
    record("reviews.seat.added", actor=actor, target=seat, review=review,
           data={"reviewer": reviewer.pk, "instrument": instrument.pk, "basis": basis})
    return seat


@transaction.atomic
def advance_group(group: ReviewGroup, *, actor, on: date, cop_decision: str = "") -> ReviewGroup:
    """Move a group to its next phase: 70% of its reviews complete, or a COP decision (P&R 10)."""
    from revmod.reviews.domain.queries.progress import group_progress

    if not getattr(actor, "is_secretariat", False):
        raise Refused(_("Only the secretariat moves a group to its next phase."))
    if group.current_phase >= 4:
        raise Refused(_("This group is in its last phase."))
    progress = group_progress(group)
    if not progress["may_advance"] and not cop_decision.strip():
        raise Refused(_("Only %(pct)s%% of the group's reviews are complete; 70%% are needed unless the Conference decides otherwise.") % {"pct": round(progress["share"] * 100)})
    group.current_phase += 1
    group.phase_started_on = on
    group.save(update_fields=["current_phase", "phase_started_on"])
    cluster = Cluster.objects.get(phase=group.current_phase)
    for review in group.reviews.all():
        open_phase(review, cluster=cluster, opened_on=on, actor=actor)
    record("reviews.group.advanced", actor=actor, target=group,
           data={"phase": group.current_phase, "share": progress["share"], "cop_decision": cop_decision})
    return group
