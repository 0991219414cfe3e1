"""Writing the checked state of a running mechanism into revmod, all of it or nothing."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.accounts.domain import send_activation
from revmod.accounts.enums import NominationStatus
from revmod.accounts.models import Nomination, User
from revmod.audit.domain import record
from revmod.audit.models import AuditEntry
from revmod.core.errors import Refused
from revmod.reference.models import Cluster, Instrument, Language, Party
from revmod.reviews import policy
from revmod.reviews.deadlines import DEFAULT_MONTHS, SCHEDULED_STEPS, add_months
from revmod.reviews.domain.documents import open_documents
from revmod.reviews.domain.reviews import open_phase, seat_reviewer, start_review
from revmod.reviews.enums import StepKind, StepStatus
from revmod.reviews.models import CountryReview, DeadlineChange, Phase, ReviewGroup

IMPORTED = "imported"
LANGUAGE_CODES = ("ar", "zh", "en", "fr", "ru", "es")  # the six UN languages (P&R 49)
COMPLETED_ACTION = "reviews.import.completed"


@dataclass(frozen=True)
class ReviewRecord:
    iso3: str
    group: int
    started_on: date


@dataclass(frozen=True)
class SeatRecord:
    review: str
    reviewer: str
    instrument: str
    basis: str
    since: date


@dataclass(frozen=True)
class PhaseRecord:
    """One phase as it stands: `due` has every scheduled step, `submitted` the steps done."""

    review: str
    phase: int
    opened_on: date | None
    consulted_on: date | None = None
    languages: tuple[str, ...] = ()
    exceptional_reason: str = ""
    due: dict[str, date] = field(default_factory=dict)
    submitted: dict[str, date] = field(default_factory=dict)
    finalized_on: date | None = None


@dataclass(frozen=True)
class PersonRecord:
    email: str
    first_name: str
    last_name: str
    party: str
    title: str = ""
    phone: str = ""
    gender: str = ""
    institution_type: str = ""
    institution: str = ""


@dataclass(frozen=True)
class NominationRecord:
    """A role in force; `approved_on` None means pending (recorded, awaiting activation)."""

    review: str
    party: str
    role: str
    email: str
    approved_on: date | None = None
    note_verbale_ref: str = ""
    note_verbale_on: date | None = None


@dataclass
class ImportPlan:
    reviews: list[ReviewRecord] = field(default_factory=list)
    seats: list[SeatRecord] = field(default_factory=list)
    phases: list[PhaseRecord] = field(default_factory=list)
    people: dict[str, PersonRecord] = field(default_factory=dict)
    nominations: list[NominationRecord] = field(default_factory=list)
    source: str = ""
    fingerprint: str = ""


def checked_phase(given: PhaseRecord, *, started_on: date) -> tuple[PhaseRecord, list[tuple[str, str]]]:
    """The phase as it will be written from what a file gives, and its (column, problem) pairs.

    The phase opens with the review unless said otherwise; after the initial consultation come
    its working languages (P&R 31, 50), every deadline (P&R 34, 35), the steps submitted in
    order, and the finalization once the summary is submitted (P&R 39).
    """
    opened_on = given.opened_on or started_on
    problems = []
    if opened_on < started_on:
        problems.append(("opened_on", _("%(day)s is before the review started (%(start)s)") % {"day": opened_on, "start": started_on}))
    consulted_on = given.consulted_on
    if consulted_on is None:
        if given.languages or given.due or given.submitted or given.finalized_on:
            problems.append(("consulted_on", _("the initial consultation date is missing; what follows it needs it")))
        return replace(given, opened_on=opened_on, languages=(), due={}, submitted={}, finalized_on=None), problems
    if consulted_on < opened_on:
        problems.append(("consulted_on", _("%(day)s is before the phase opened (%(opened)s)") % {"day": consulted_on, "opened": opened_on}))
    problems += language_problems(given.languages, given.exceptional_reason)
    schedule, wrong_deadlines = phase_schedule(started_on, consulted_on, given.due)
    done, wrong_submissions = phase_submissions(consulted_on, given.submitted)
    summary, finalized_on = done.get(StepKind.SUMMARY), given.finalized_on
    if finalized_on and summary is None:
        wrong_submissions.append(("finalized_on", _("a phase is finalized when its summary is submitted: fill in summary_submitted_on")))
    elif finalized_on and finalized_on < summary:
        wrong_submissions.append(("finalized_on", _("%(day)s is before the summary was submitted (%(summary)s)") % {"day": finalized_on, "summary": summary}))
    return (replace(given, opened_on=opened_on, due=schedule, submitted=done, finalized_on=finalized_on or summary),
            problems + wrong_deadlines + wrong_submissions)


def language_problems(codes: tuple[str, ...], reason: str) -> list[tuple[str, str]]:
    """One or two of the six working languages, three with an exceptional reason (P&R 31, 50)."""
    unknown = [code for code in codes if code not in LANGUAGE_CODES]
    if unknown:
        return [("languages", _("unknown language code “%(code)s”; use %(codes)s")
                 % {"code": unknown[0], "codes": ", ".join(LANGUAGE_CODES)})]
    if not codes:
        return [("languages", _("name the working languages agreed at the initial consultation"))]
    if len(set(codes)) != len(codes) or len(codes) > 3:
        return [("languages", _("one or two working languages, three in exceptional cases (P&R 31, 50)"))]
    if len(codes) == 3 and not reason.strip():
        return [("exceptional_language_reason", _("a third working language needs its exceptional reason (P&R 50)"))]
    return []


def phase_schedule(started_on: date, consulted_on: date,
                   given: dict[str, date | None]) -> tuple[dict[str, date], list[tuple[str, str]]]:
    """Every step's deadline, the one given or the default after the step before (P&R 34, 35),
    and the (column, problem) pairs of the given ones."""
    schedule, problems, previous = {}, [], consulted_on
    for kind in SCHEDULED_STEPS:
        day = given.get(kind)
        values = {"day": day, "start": started_on, "previous": previous}
        if day is None:
            day = add_months(previous, DEFAULT_MONTHS[kind])
        elif day < started_on:
            problems.append((f"{kind}_due_on", _("the deadline %(day)s is before the review's start (%(start)s)") % values))
        elif day < previous:
            problems.append((f"{kind}_due_on", _("the deadline %(day)s is before the step it follows (%(previous)s)") % values))
        schedule[kind] = previous = day
    return schedule, problems


def phase_submissions(consulted_on: date,
                      given: dict[str, date | None]) -> tuple[dict[str, date], list[tuple[str, str]]]:
    """The submitted date of each step done, the consultation first; steps are done in order,
    none skipped (P&R 25-39). Returns the dates and the (column, problem) pairs."""
    done, problems, previous, gap = {StepKind.CONSULTATION.value: consulted_on}, [], consulted_on, None
    for kind in SCHEDULED_STEPS:
        day = given.get(kind)
        if day is None:
            gap = gap or kind
            continue
        if gap:
            problems.append((f"{kind}_submitted_on", _("submitted, but the step before it (%(step)s) has no "
                                                       "submitted date") % {"step": StepKind(gap).label}))
        elif day < previous:
            problems.append((f"{kind}_submitted_on", _("submitted on %(day)s, before the previous step "
                                                       "(%(previous)s)") % {"day": day, "previous": previous}))
        done[kind] = previous = day
    return done, problems


def previous_import(fingerprint: str) -> AuditEntry | None:
    """The audit entry of an earlier import of the very same file, if there was one."""
    if not fingerprint:
        return None
    return (AuditEntry.objects.filter(action=COMPLETED_ACTION, data__sha256=fingerprint)
            .select_related("actor").first())


def import_reviews(plan: ImportPlan, *, actor, send_activations: bool = False,
                   dry_run: bool = False) -> dict[str, int]:
    """Write a checked plan in one transaction; a dry run writes it and rolls it all back.

    Side effects, in order: missing review groups; each review through `start_review`; seats
    through `seat_reviewer`; phases, steps and deadline history restored as they stand; new
    accounts without a usable password and their nominations; the audit entry
    `reviews.import.completed`; with `send_activations`, an activation e-mail per person who
    has no password yet (queued on commit, so a dry run sends nothing).
    """
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat imports reviews."))
    earlier = previous_import(plan.fingerprint)
    if earlier is not None:
        raise Refused(_("This file was already imported on %(day)s; nothing was changed.")
                      % {"day": earlier.at.date()})
    with transaction.atomic():
        counts = _write(plan, actor=actor, send_activations=send_activations)
        if dry_run:
            transaction.set_rollback(True)
    return counts


def _write(plan: ImportPlan, *, actor, send_activations: bool) -> dict[str, int]:
    groups = _groups(plan)
    parties = Party.objects.in_bulk([r.iso3 for r in plan.reviews]
                                    + [s.reviewer for s in plan.seats])
    instruments = Instrument.objects.in_bulk()
    reviews = {r.iso3: start_review(parties[r.iso3], group=groups[r.group], actor=actor,
                                    started_on=r.started_on) for r in plan.reviews}
    for seat in plan.seats:
        seat_reviewer(reviews[seat.review], reviewer=parties[seat.reviewer],
                      instrument=instruments[seat.instrument], basis=seat.basis,
                      since=seat.since, actor=actor)
    for phase in plan.phases:
        _restore_phase(reviews[phase.review], phase, actor=actor)
    for review in reviews.values():
        _date_current_phase(review, plan)
    people, created = _people(plan)
    for nomination in plan.nominations:
        _restore_nomination(reviews[nomination.review], nomination, plan, person=people[nomination.email])
    activations = [p for p in people.values() if not p.has_usable_password()] if send_activations else []
    counts = {"reviews": len(reviews), "seats": len(plan.seats), "phases": len(plan.phases),
              "nominations": len(plan.nominations), "accounts": len(created),
              "activations": len(activations)}
    record(COMPLETED_ACTION, actor=actor,
           data={**counts, "file": plan.source, "sha256": plan.fingerprint})
    for person in activations:
        send_activation(person)
    return counts


def _groups(plan: ImportPlan) -> dict[int, ReviewGroup]:
    """The review groups, created when missing from the file's own dates (P&R 10, 17).

    A new group starts with its first review, stands at the highest phase its reviews have
    reached, and that phase started when its first review opened it.
    """
    groups = {}
    for number in sorted({r.group for r in plan.reviews}):
        group = ReviewGroup.objects.filter(number=number).first()
        if group is None:
            members = {r.iso3 for r in plan.reviews if r.group == number}
            started_on = min(r.started_on for r in plan.reviews if r.iso3 in members)
            phases = [p for p in plan.phases if p.review in members]
            current = max((p.phase for p in phases), default=1)
            phase_started_on = min((p.opened_on for p in phases if p.phase == current), default=started_on)
            group = ReviewGroup.objects.create(number=number, started_on=started_on, current_phase=current,
                                               phase_started_on=phase_started_on)
        groups[number] = group
    return groups


def _restore_phase(review: CountryReview, record_: PhaseRecord, *, actor) -> Phase:
    """A phase and its steps as the file says: done steps, the first one not done open (P&R 25-39)."""
    phase = review.phases.filter(cluster__phase=record_.phase).first()
    if phase is None:
        phase = open_phase(review, cluster=Cluster.objects.get(phase=record_.phase),
                           opened_on=record_.opened_on, actor=actor)
    phase.opened_on, phase.consulted_on = record_.opened_on, record_.consulted_on
    phase.exceptional_language_reason = record_.exceptional_reason if len(record_.languages) > 2 else ""
    phase.finalized_at = _moment(record_.finalized_on)
    phase.save(update_fields=["opened_on", "consulted_on", "exceptional_language_reason", "finalized_at"])
    phase.working_languages.set(Language.objects.filter(code__in=record_.languages))
    previous, open_found = record_.opened_on, False
    for step in phase.steps.order_by("order"):
        if step.kind in record_.due:
            DeadlineChange.objects.create(step=step, old_due_on=None, new_due_on=record_.due[step.kind],
                                          reason=IMPORTED, changed_by=actor, changed_at=timezone.now())
            step.due_on = record_.due[step.kind]
        done_on = record_.submitted.get(step.kind)
        if done_on is not None:
            step.status, step.opened_on, step.done_on, previous = StepStatus.DONE, previous, done_on, done_on
        elif not open_found and record_.finalized_on is None:
            step.status, step.opened_on, step.done_on, open_found = StepStatus.OPEN, previous, None, True
        else:
            step.status, step.opened_on, step.done_on = StepStatus.PENDING, None, None
        step.save(update_fields=["due_on", "status", "opened_on", "done_on"])
        if step.status == StepStatus.OPEN:
            open_documents(step)
    return phase


def _date_current_phase(review: CountryReview, plan: ImportPlan) -> None:
    """The phase `start_review` opened and the file does not describe opened with its group."""
    described = {p.phase for p in plan.phases if p.review == review.party_id}
    group = review.group
    if group.current_phase in described or group.current_phase == 1:
        return
    Phase.objects.filter(review=review, cluster__phase=group.current_phase).update(
        opened_on=max(review.started_on, group.phase_started_on))


def _people(plan: ImportPlan) -> tuple[dict[str, User], list[User]]:
    """Accounts by e-mail: an existing one is used as it is, a new one has no usable password."""
    people, created = {}, []
    approved = {n.email for n in plan.nominations if n.approved_on is not None}
    for email, person in plan.people.items():
        account = User.objects.filter(email__iexact=email).first()
        if account is None:
            account = User.objects.create_user(
                email=email, password=None, first_name=person.first_name, last_name=person.last_name,
                title=person.title, phone=person.phone, gender=person.gender,
                institution_type=person.institution_type, institution=person.institution,
                party_id=person.party, is_active=False,
                profile_submitted_at=timezone.now() if email in approved else None)
            created.append(account)
        people[email] = account
    return people, created


def _restore_nomination(review: CountryReview, nomination: NominationRecord, plan: ImportPlan,
                        *, person: User) -> Nomination:
    """A nomination already checked against its note verbale: approved with its date, or pending."""
    stated = plan.people[nomination.email]
    return Nomination.objects.create(
        person=person, party_id=nomination.party, review=review, role=nomination.role,
        status=NominationStatus.APPROVED if nomination.approved_on else NominationStatus.RECORDED,
        approved_at=_moment(nomination.approved_on),
        stated_name=f"{stated.first_name} {stated.last_name}".strip(), stated_title=stated.title,
        stated_email=nomination.email, stated_phone=stated.phone,
        note_verbale_ref=nomination.note_verbale_ref, note_verbale_on=nomination.note_verbale_on)


def _moment(day: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time(12))) if day else None
