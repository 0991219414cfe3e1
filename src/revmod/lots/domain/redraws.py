"""Redraws on the platform: the engine decides, the seats and the record follow (P&R 28(d)-(f), 30)."""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.lots import engine
from revmod.lots.domain import REASONS, current_state
from revmod.lots.models import Redraw
from revmod.reference.models import Instrument, Party
from revmod.reviews import policy
from revmod.reviews.domain.notices import redraw_recorded
from revmod.reviews.models import CountryReview, ReviewerSeat


@transaction.atomic
def request_redraw(review: CountryReview, *, actor, asked_by: Party, reviewer: Party, reason: str,
                   meeting: str) -> Redraw:
    """Replace one reviewing State as the engine draws it; every other seat stays.

    Side effects, in order: the replaced seats end today, the new ones start, the redraw
    record with its seed, an audit entry.
    """
    if not policy.is_secretariat(actor):
        raise Refused(_("The secretariat records redraws decided at a meeting."))
    if reason not in REASONS or not meeting.strip():
        raise Refused(_("Give the reason and the meeting of the redraw."))
    seed = secrets.token_hex(8)
    previous = current_state()
    redraws = tuple(_records_for())
    try:
        state, outcome = engine.redraw(
            engine.DrawState(participants=previous.participants, pairing=previous.pairing, seed="", redraws=redraws),
            engine.RedrawRequest(reviewed=review.party_id, reviewer=reviewer.pk, asked_by=asked_by.pk,
                                 reason=engine.RedrawReason(reason), seed=seed))
    except (engine.Infeasible, engine.InputError) as problem:
        raise Refused(str(problem)) from problem
    _apply(previous.pairing, state.pairing, review)
    item = Redraw.objects.create(
        review=review, asked_by=asked_by, reason=reason, meeting=meeting.strip(), old_reviewer=reviewer,
        new_reviewer_id=outcome.new_reviewer, added_reviewer_id=outcome.added_reviewer, seed=seed,
        recorded_by=actor, recorded_at=timezone.now())
    record("lots.redraw.recorded", actor=actor, target=item, review=review,
           data={"old": reviewer.pk, "new": outcome.new_reviewer, "reason": reason, "seed": seed})
    redraw_recorded(item)
    return item


def _records_for():
    """Earlier redraws as the engine counts them (at most four per asking State, P&R 28(d))."""
    for item in Redraw.objects.select_related("review"):
        yield engine.RedrawRecord(reviewed=item.review.party_id, basis=engine.Basis.SAME_REGION,
                                  old_reviewer=item.old_reviewer_id, new_reviewer=item.new_reviewer_id,
                                  reason=engine.RedrawReason(item.reason), asked_by=item.asked_by_id, seed=item.seed)


def _apply(before: engine.Pairing, after: engine.Pairing, review: CountryReview) -> None:
    today = timezone.localdate()
    old, new = set(before.pairs), set(after.pairs)
    for pair in old - new:
        ReviewerSeat.objects.filter(review__party_id=pair.reviewed, reviewer_id=pair.reviewer,
                                    instrument_id=str(pair.instrument), until__isnull=True).update(until=today)
    reviews = {r.party_id: r for r in CountryReview.objects.filter(party_id__in={p.reviewed for p in new - old})}
    instruments = {i.code: i for i in Instrument.objects.all()}
    ReviewerSeat.objects.bulk_create(
        ReviewerSeat(review=reviews[p.reviewed], reviewer_id=p.reviewer, instrument=instruments[str(p.instrument)],
                     basis=str(p.basis), since=today) for p in new - old)
