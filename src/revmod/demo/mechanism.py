"""A demo mechanism in mid-course: the real parties drawn by lot, reviews spread over every step.

Built from the real reference data and a draw with a fixed seed, so every run gives the same
mechanism: some reviews late, some without a focal point, the cast's review (Ghana) with its
questionnaire open.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from revmod.accounts.enums import Gender, InstitutionType, NominationStatus, Role
from revmod.accounts.models import Nomination, User
from revmod.demo.cast import DEMO_DOMAIN, build_cast, demo_password_hash, totp_key
from revmod.documents.models import Document, DocumentVersion
from revmod.documents.wordcount import count_words
from revmod.lots.engine import draw, load_parties_csv, participants_in_draw
from revmod.lots.engine.rng import Stream
from revmod.reference.domain import DATA
from revmod.reference.models import Instrument, Language, Party
from revmod.reviews.deadlines import default_schedule
from revmod.reviews.domain.documents import open_documents
from revmod.reviews.domain.reviews import open_phase
from revmod.reviews.enums import STEP_ORDER, StepKind, StepStatus
from revmod.reviews.models import CountryReview, DeadlineChange, ReviewerSeat, ReviewGroup

DEMO_SEED = "revmod-demo-2020"
GROUP_STARTS = {1: date(2020, 12, 1), 2: date(2021, 11, 1), 3: date(2022, 11, 1)}
CAST_STATE, UNRELATED_CANDIDATES = "GHA", ("MEX", "ARG", "BRA", "CRI", "AUT", "ITA")
# How far each review has gone: index into STEP_ORDER of its open step, 6 = finalized.
PROGRESS_WEIGHTS = (14, 30, 22, 10, 10, 6, 8)


def _pick(stream: Stream, weights: tuple[int, ...]) -> int:
    roll = stream.below(sum(weights))
    for index, weight in enumerate(weights):
        roll -= weight
        if roll < 0:
            return index
    return len(weights) - 1


@transaction.atomic
def build_mechanism(today: date | None = None) -> dict[str, int]:
    """Groups, reviews, seats, progress, focal points and the cast. Returns counts."""
    today = today or timezone.localdate()
    secretariat = _secretariat()
    state = draw(participants_in_draw(load_parties_csv(DATA / "parties.csv")), DEMO_SEED)
    groups = {n: ReviewGroup.objects.create(number=n, started_on=d, phase_started_on=d) for n, d in GROUP_STARTS.items()}
    parties = {p.iso3: p for p in Party.objects.all()}
    instruments = {i.code: i for i in Instrument.objects.all()}
    reviews = {}
    for pair in state.pairing.pairs:
        if pair.reviewed not in reviews:
            group = groups[pair.group]
            reviews[pair.reviewed] = review = CountryReview.objects.create(
                party=parties[pair.reviewed], group=group, started_on=group.started_on)
            open_phase(review, cluster=_cluster(1), opened_on=group.started_on, actor=secretariat)
    ReviewerSeat.objects.bulk_create(
        ReviewerSeat(review=reviews[p.reviewed], reviewer=parties[p.reviewer], instrument=instruments[str(p.instrument)],
                     basis=str(p.basis), since=groups[p.group].started_on) for p in state.pairing.pairs)
    stream = Stream(DEMO_SEED, "demo/progress")
    for iso3, review in sorted(reviews.items()):
        progress = 1 if iso3 == CAST_STATE else _pick(stream, PROGRESS_WEIGHTS)
        _advance(review, progress=progress, today=today, stream=stream, author=secretariat)
    unrelated = next(reviews[c] for c in UNRELATED_CANDIDATES if c in reviews and not _involved(reviews[CAST_STATE], c))
    people = build_cast(reviews[CAST_STATE], unrelated_review=unrelated)
    focal_points = _focal_points(reviews, stream, skip={CAST_STATE, unrelated.party_id})
    for iso3 in reviews:  # where no focal point is named, the mission hears of the review (P&R 18)
        Party.objects.filter(pk=iso3, mission_email="").update(mission_email=f"mission.{iso3.lower()}@{DEMO_DOMAIN}")
    return {"reviews": len(reviews), "seats": len(state.pairing.pairs), "people": len(people) + focal_points}


def _cluster(phase: int):
    from revmod.reference.models import Cluster

    return Cluster.objects.get(phase=phase)


def _involved(review: CountryReview, iso3: str) -> bool:
    return iso3 == review.party_id or review.seats.filter(reviewer_id=iso3).exists()


def _secretariat() -> User:
    person, _ = User.objects.get_or_create(email=f"secretariat@{DEMO_DOMAIN}", defaults={
        "first_name": "Amina", "last_name": "Haddad", "is_secretariat": True})
    return person


def _advance(review: CountryReview, *, progress: int, today: date, stream: Stream, author: User) -> None:
    """Put a review's first phase at `progress`, with deadlines that make some of them late."""
    phase = review.phases.get()
    if progress == 0:
        return
    steps = {s.kind: s for s in phase.steps.all()}
    open_kind = STEP_ORDER[min(progress, len(STEP_ORDER) - 1)]
    months_before = sum((6, 6, 2, 4, 2)[: max(progress, 1)])
    offset = timedelta(days=stream.below(270)) - timedelta(days=150)
    consulted = max(review.started_on + timedelta(days=30), today + offset - timedelta(days=30 * months_before))
    consulted = min(consulted, today - timedelta(days=10))
    phase.consulted_on = consulted
    phase.save(update_fields=["consulted_on"])
    phase.working_languages.set(Language.objects.filter(code__in=["en", "fr"][: 1 + stream.below(2)]))
    schedule = default_schedule(consulted)
    done_on = consulted
    for kind in STEP_ORDER:
        step = steps[kind]
        step.due_on = schedule.get(kind)
        if step.due_on:
            DeadlineChange.objects.create(step=step, new_due_on=step.due_on, reason="agreed at the initial consultation",
                                          changed_by=author, changed_at=_noon(consulted))
        if STEP_ORDER.index(kind) < progress:
            step.status, step.opened_on = StepStatus.DONE, step.opened_on or done_on
            if kind != StepKind.CONSULTATION:
                done_on = min(today, max(done_on + timedelta(days=20), step.due_on + timedelta(days=stream.below(90) - 30)))
            step.done_on = done_on
            _write(step, author, on=done_on)
        elif kind == open_kind and progress < len(STEP_ORDER):
            step.status, step.opened_on = StepStatus.OPEN, done_on
            open_documents(step)
        step.save()
    if progress == len(STEP_ORDER):
        phase.finalized_at = _noon(done_on)
        phase.save(update_fields=["finalized_at"])


def _noon(day: date) -> datetime:
    """A day of the demo's history as a moment, so that reports "as of" a past date find it."""
    return timezone.make_aware(datetime.combine(day, time(12)))


def _write(step, author: User, *, on: date) -> None:
    body = f"<p>{step.get_kind_display()}: text agreed in the demo review of {step.phase.review.party.name}.</p>"
    for document in open_documents(step):
        DocumentVersion.objects.create(document=document, number=1, body=body, word_count=count_words(body),
                                       created_by=author, created_at=_noon(on))
        Document.objects.filter(pk=document.pk).update(current_version=1)


def _approved_on(review: CountryReview) -> datetime:
    """A focal point approved one to three weeks after the review started (P&R 18), as in real life."""
    return _noon(min(timezone.localdate(), review.started_on + timedelta(days=7 + review.pk % 14)))


def _focal_points(reviews: dict[str, CountryReview], stream: Stream, *, skip: set[str]) -> int:
    """A focal point for most States, in their own review and where they review; some have none."""
    seats: dict[str, list[CountryReview]] = {}
    for seat in ReviewerSeat.objects.select_related("review").order_by("review_id"):
        seats.setdefault(seat.reviewer_id, []).append(seat.review)
    made = 0
    for iso3, review in sorted(reviews.items()):
        if iso3 in skip or stream.below(100) < 12:
            continue
        person = User.objects.create_user(
            email=f"fp.{iso3.lower()}@{DEMO_DOMAIN}", password=None, first_name="Focal point",
            last_name=review.party.names.get("en", iso3), party=review.party,
            gender=(Gender.FEMALE, Gender.MALE)[stream.below(2)],
            institution_type=(InstitutionType.JUSTICE, InstitutionType.FOREIGN_AFFAIRS, InstitutionType.INTERIOR)[stream.below(3)],
            profile_submitted_at=timezone.now())
        person.password = demo_password_hash()
        person.save(update_fields=["password"])
        from django_otp.plugins.otp_totp.models import TOTPDevice

        TOTPDevice.objects.create(user=person, name="demo", key=totp_key(person.email), confirmed=True)
        for target in {review.pk: review, **{r.pk: r for r in seats.get(iso3, []) if r.party_id not in skip}}.values():
            Nomination.objects.create(person=person, party=review.party, review=target, role=Role.FOCAL_POINT,
                                      status=NominationStatus.APPROVED, approved_at=_approved_on(target),
                                      stated_name=str(person), stated_email=person.email)
        made += 1
    return made
