"""Country reviews over the API: the caller's reviews, one review's timeline, and the step actions."""

from datetime import date, datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status

from revmod.accounts.api import ErrorOut
from revmod.reviews import policy
from revmod.reviews.domain import extensions, steps
from revmod.reviews.domain.queries import detail, progress
from revmod.reviews.models import CountryReview, ExtensionRequest, ReviewStep

router = Router(tags=["reviews"])
ERRORS = {400: ErrorOut, 404: ErrorOut}


class PartyRef(Schema):
    iso3: str
    name: str


class OpenStepOut(Schema):
    id: int
    kind: str
    label: str
    due_on: date | None
    delay_days: int


class ReviewRowOut(Schema):
    id: int
    party: PartyRef
    group: int
    started_on: date
    phase: int | None
    status: str
    status_label: str
    open_step: OpenStepOut | None
    reviewing_states: list[PartyRef]
    focal_point_overdue: bool


class StepOut(Schema):
    id: int
    kind: str
    label: str
    status: str
    opened_on: date | None
    due_on: date | None
    done_on: date | None
    delay_days: int
    clearances_missing: list[str]
    can_draft: bool
    can_clear: bool


class PhaseOut(Schema):
    id: int
    phase: int
    cluster: int
    cluster_name: str
    opened_on: date
    consulted_on: date | None
    finalized_at: datetime | None
    working_languages: list[str]
    steps: list[StepOut]


class SeatOut(Schema):
    reviewer: PartyRef
    instrument: str
    basis: str
    since: date


class PersonOut(Schema):
    nomination: int
    name: str
    title: str
    email: str
    party: str
    role: str
    status: str
    approved_at: datetime | None
    ended_at: datetime | None
    replaces: int | None


class DocumentRef(Schema):
    id: int
    step: int
    step_kind: str
    instrument: str | None
    current_version: int


class ExtensionOut(Schema):
    id: int
    step: int
    step_kind: str
    party: str
    new_due_on: date
    reason: str
    status: str
    asked_at: datetime
    decided_at: datetime | None


class ReviewOut(Schema):
    id: int
    party: PartyRef
    group: int
    started_on: date
    status: str
    status_label: str
    temporary_focal_point: bool
    phases: list[PhaseOut]
    seats: list[SeatOut]
    people: list[PersonOut]
    documents: list[DocumentRef]
    extensions: list[ExtensionOut]


class ExtensionIn(Schema):
    new_due_on: date
    reason: str


class DecisionIn(Schema):
    approve: bool


def party_ref(party) -> dict:
    return {"iso3": party.iso3, "name": party.name}


def row_out(row: progress.ReviewRow) -> dict:
    review, step = row.review, row.open_step
    reviewers = {s.reviewer_id: s.reviewer for s in review.seats.all()}
    return {
        "id": review.pk, "party": party_ref(review.party), "group": review.group_id, "started_on": review.started_on,
        "phase": row.phase.cluster.phase if row.phase else None, "status": row.status, "status_label": row.status_label,
        "open_step": {"id": step.pk, "kind": step.kind, "label": str(step.get_kind_display()),
                      "due_on": step.due_on, "delay_days": row.delay_days} if step else None,
        "reviewing_states": [party_ref(reviewers[iso3]) for iso3 in row.reviewers],
        "focal_point_overdue": row.no_focal_point_overdue,
    }


def step_out(row: dict) -> dict:
    """A step as the caller sees it, with what the workflow table lets them do now (STYLE 4)."""
    step = row["step"]
    return {
        "id": step.pk, "kind": step.kind, "label": str(step.get_kind_display()), "status": step.status,
        "opened_on": step.opened_on, "due_on": step.due_on, "done_on": step.done_on, "delay_days": row["delay"],
        "clearances_missing": row["missing"], "can_draft": row["can_draft"],
        "can_clear": row["clearing_party"] is not None,
    }


def phase_out(entry: dict) -> dict:
    phase = entry["phase"]
    return {
        "id": phase.pk, "phase": phase.cluster.phase, "cluster": phase.cluster_id,
        "cluster_name": str(phase.cluster), "opened_on": phase.opened_on, "consulted_on": phase.consulted_on,
        "finalized_at": phase.finalized_at, "working_languages": [lang.code for lang in phase.working_languages.all()],
        "steps": [step_out(row) for row in entry["steps"]],
    }


def person_out(nomination) -> dict:
    person = nomination.person
    return {
        "nomination": nomination.pk, "name": str(person), "title": person.title, "email": person.email,
        "party": nomination.party_id, "role": nomination.role, "status": nomination.status,
        "approved_at": nomination.approved_at, "ended_at": nomination.ended_at, "replaces": nomination.replaces_id,
    }


def extension_out(item: ExtensionRequest) -> dict:
    return {
        "id": item.pk, "step": item.step_id, "step_kind": item.step.kind, "party": item.party_id,
        "new_due_on": item.new_due_on, "reason": item.reason, "status": item.status,
        "asked_at": item.asked_at, "decided_at": item.decided_at,
    }


def review_out(review: CountryReview, user, today: date) -> dict:
    page = detail.review_page(review, user, today)
    return {
        "id": review.pk, "party": party_ref(review.party), "group": review.group_id, "started_on": review.started_on,
        "status": page["status"], "status_label": str(page["status_label"]),
        "temporary_focal_point": page["temporary_focal_point"],
        "phases": [phase_out(entry) for entry in page["phases"]],
        "seats": [{"reviewer": party_ref(s.reviewer), "instrument": s.instrument_id, "basis": s.basis,
                   "since": s.since} for s in page["seats"]],
        "people": [person_out(n) for n in page["nominations"]],
        "documents": [{"id": d.pk, "step": d.step_id, "step_kind": d.step.kind, "instrument": d.instrument_id,
                       "current_version": d.current_version} for d in page["documents"]],
        "extensions": [extension_out(e) for e in page["extensions"]],
    }


def visible_step_or_404(user, step_id: int) -> ReviewStep:
    """The step if the caller may see its review; "not there" and "not yours" answer alike (STYLE 7)."""
    step = get_object_or_404(ReviewStep.objects.select_related("phase__review__party", "phase__cluster"), pk=step_id)
    if not policy.can_view_review(user, step.phase.review):
        raise Http404
    return step


@router.get("/", response=list[ReviewRowOut], summary="My reviews")
def list_reviews(request):
    """The reviews the caller may open (all of them for the secretariat), sorted by State name, each
    with its report status (Status 2024 para 23), open step, agreed deadline, days of delay and
    reviewing States."""
    rows = progress.rows(policy.reviews_visible_to(request.auth), timezone.localdate())
    return [row_out(r) for r in rows]


@router.get("/{review_id}", response={200: ReviewOut, 404: ErrorOut}, summary="One review")
def get_review(request, review_id: int):
    """A review's phases and steps (deadlines, delay, missing clearances, what the caller may do),
    its reviewing States, people and documents. The secretariat sees every nomination ever
    recorded; participants see the roles now in force. 404 when the review is not the caller's."""
    review = policy.reviews_visible_to(request.auth).filter(pk=review_id).first()
    if review is None:
        raise Http404
    return review_out(review, request.auth, timezone.localdate())


@router.post("/steps/{step_id}/clear", response={200: StepOut, **ERRORS}, summary="Clear a step's output")
def clear_step(request, step_id: int):
    """The focal point clears the step's output for their State; the last clearance submits the step
    and opens the next (DOMAIN §6, P&R 35, 39). 400 with the reason when the rules refuse."""
    step = steps.clear_output(visible_step_or_404(request.auth, step_id), actor=request.auth)
    rows = detail.step_rows(step.phase, request.auth, timezone.localdate())
    return step_out(next(row for row in rows if row["step"].pk == step.pk))


@router.post("/steps/{step_id}/extensions", response={201: ExtensionOut, **ERRORS}, summary="Ask for an extension")
def ask_extension(request, step_id: int, payload: ExtensionIn):
    """A focal point of the side that owes the step asks for a later deadline, with a reason; the
    other side's focal point or the secretariat decides."""
    step = visible_step_or_404(request.auth, step_id)
    item = extensions.request_extension(step, actor=request.auth, new_due_on=payload.new_due_on, reason=payload.reason)
    return Status(201, extension_out(item))


@router.post("/extensions/{extension_id}/decision", response={200: ExtensionOut, **ERRORS},
             summary="Decide on an extension")
def decide_extension(request, extension_id: int, payload: DecisionIn):
    """The other side's focal point or the secretariat approves or refuses; an approval moves the
    later deadlines by as many days."""
    item = get_object_or_404(ExtensionRequest.objects.select_related("step__phase__review"), pk=extension_id)
    if not policy.can_view_review(request.auth, item.step.phase.review):
        raise Http404
    item = extensions.decide_extension(item, actor=request.auth, approve=payload.approve)
    return extension_out(item)
