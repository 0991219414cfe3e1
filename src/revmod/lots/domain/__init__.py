"""Running draws and redraws on the platform's data with the pure engine, and keeping their records."""

import secrets
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.lots import engine
from revmod.lots.models import Draw, DrawStatus
from revmod.reference.models import Adherence, Instrument, Party
from revmod.reviews import policy
from revmod.reviews.domain.reviews import start_review
from revmod.reviews.models import CountryReview, ReviewerSeat, ReviewGroup

REASONS = {r.value for r in engine.RedrawReason}


def participants(*, include_joined_after_draw: bool = False) -> tuple[engine.Participant, ...]:
    """The parties as the engine sees them, read in two queries."""
    adherence: dict[str, set[str]] = {}
    for party_id, code in Adherence.objects.values_list("party_id", "instrument_id"):
        adherence.setdefault(party_id, set()).add(code)
    result = []
    for party in Party.objects.filter(is_signatory_only=False).order_by("iso3"):
        if party.joined_after_draw and not include_joined_after_draw:
            continue
        result.append(engine.Participant(
            iso3=party.iso3, name=party.names.get("en", party.iso3), regional_group=party.regional_group_id,
            instruments=frozenset(engine.Instrument(c) for c in adherence.get(party.iso3, ())),
            uncac=party.uncac_party, legal_tradition=party.legal_tradition or None,
            joined_after_draw=party.joined_after_draw))
    return tuple(result)


@transaction.atomic
def start_draw(*, actor, seed: str = "") -> Draw:
    """Queue a draw; it runs in the background and waits for confirmation (P&R 17, 28)."""
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat runs the drawing of lots."))
    seed = seed.strip() or secrets.token_hex(8)
    if len(seed) > 100 or "\x00" in seed:
        raise Refused(_("The seed must be at most 100 characters."))
    draw = Draw.objects.create(seed=seed, created_by=actor)
    record("lots.draw.started", actor=actor, target=draw, data={"seed": seed})
    transaction.on_commit(lambda: _enqueue(draw.pk))
    return draw


def _enqueue(draw_id: int) -> None:
    from revmod.lots.tasks import run_draw

    run_draw.enqueue(draw_id)


def run(draw: Draw) -> Draw:
    """Run the engine on the current parties; the result waits as a preview."""
    Draw.objects.filter(pk=draw.pk).update(status=DrawStatus.RUNNING, progress=10)
    try:
        state = engine.draw(participants(), draw.seed)
    except engine.Infeasible as problem:
        Draw.objects.filter(pk=draw.pk).update(status=DrawStatus.FAILED, progress=100, message=str(problem))
    else:
        rows = [{"group": p.group, "reviewed": p.reviewed, "instrument": str(p.instrument), "reviewer": p.reviewer,
                 "basis": str(p.basis)} for p in state.pairing.pairs]
        Draw.objects.filter(pk=draw.pk).update(status=DrawStatus.PREVIEW, progress=100, pairs=rows)
    draw.refresh_from_db()
    return draw


@transaction.atomic
def confirm_draw(draw: Draw, *, actor, meeting: str, group_starts: dict[int, date]) -> Draw:
    """Confirm a previewed draw at a meeting: the groups and every review with its seats."""
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat confirms a draw."))
    if draw.status != DrawStatus.PREVIEW:
        raise Refused(_("Only a draw ready to confirm can be confirmed."))
    if CountryReview.objects.exists():
        raise Refused(_("A draw has already been confirmed: use redraws to change it."))
    if not meeting.strip():
        raise Refused(_("Name the meeting where the draw took place."))
    groups = {n: ReviewGroup.objects.get_or_create(number=n, defaults={"started_on": d, "phase_started_on": d})[0]
              for n, d in group_starts.items()}
    parties = {p.iso3: p for p in Party.objects.all()}
    instruments = {i.code: i for i in Instrument.objects.all()}
    reviews = {}
    for row in draw.pairs:
        if row["reviewed"] not in reviews:
            reviews[row["reviewed"]] = start_review(parties[row["reviewed"]], group=groups[row["group"]], actor=actor)
    ReviewerSeat.objects.bulk_create(
        ReviewerSeat(review=reviews[r["reviewed"]], reviewer=parties[r["reviewer"]], instrument=instruments[r["instrument"]],
                     basis=r["basis"], since=groups[r["group"]].started_on) for r in draw.pairs)
    draw.status, draw.meeting, draw.confirmed_at = DrawStatus.CONFIRMED, meeting.strip(), timezone.now()
    draw.save(update_fields=["status", "meeting", "confirmed_at"])
    record("lots.draw.confirmed", actor=actor, target=draw, data={"seed": draw.seed, "reviews": len(reviews)})
    return draw


def current_state() -> engine.DrawState:
    """The pairings in force, as the engine's state, for redraws and eligibility."""
    pairs = [engine.Pair(group=s.review.group_id, reviewed=s.review.party_id, instrument=engine.Instrument(s.instrument_id),
                         reviewer=s.reviewer_id, basis=engine.Basis(s.basis))
             for s in ReviewerSeat.objects.filter(until__isnull=True).select_related("review")]
    # A party that joined after the draw takes part once it has its own review (a newcomer).
    under_review = set(CountryReview.objects.values_list("party_id", flat=True))
    taking_part = tuple(p for p in participants(include_joined_after_draw=True)
                        if not p.joined_after_draw or p.iso3 in under_review)
    return engine.DrawState(participants=taking_part, pairing=engine.Pairing.of(pairs), seed="")
