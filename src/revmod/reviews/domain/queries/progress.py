"""Where each review stands: current phase, open step, report status, delay (derived, STYLE 8)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination
from revmod.reviews.deadlines import delay_days
from revmod.reviews.enums import ReportStatus, StepKind, StepStatus
from revmod.reviews.models import CountryReview, Phase, ReviewerSeat, ReviewGroup, ReviewStep

FOCAL_POINT_DUE_DAYS = 14  # P&R 18 asks for a focal point; two weeks is the secretariat's practice (DOMAIN §5)
EXPERTS_DUE_DAYS = 28  # P&R 27 asks for experts; four weeks is the secretariat's practice

_STATUS_OF_STEP = {
    StepKind.CONSULTATION: ReportStatus.NOT_STARTED,
    StepKind.SAQ: ReportStatus.SAQ,
    StepKind.FEEDBACK: ReportStatus.FEEDBACK,
    StepKind.DIALOGUE: ReportStatus.FEEDBACK,
    StepKind.OBSERVATIONS: ReportStatus.OBSERVATIONS,
    StepKind.SUMMARY: ReportStatus.OBSERVATIONS,
}


@dataclass
class ReviewRow:
    review: CountryReview
    phase: Phase | None
    open_step: ReviewStep | None
    status: str
    delay_days: int
    reviewers: list[str] = field(default_factory=list)
    focal_point_names: dict[str, str] = field(default_factory=dict)
    no_focal_point_overdue: bool = False

    @property
    def status_label(self) -> str:
        return str(ReportStatus(self.status).label)


def current_phase(review: CountryReview) -> Phase | None:
    phases = list(review.phases.all())
    return max(phases, key=lambda p: p.cluster.phase) if phases else None


def open_step_of(phase: Phase | None) -> ReviewStep | None:
    if phase is None:
        return None
    return next((s for s in phase.steps.all() if s.status == StepStatus.OPEN), None)


def report_status(phase: Phase | None) -> str:
    """Status 2024 para 23: not started; SAQ; written feedback; list of observations; completed."""
    if phase is None:
        return ReportStatus.NOT_STARTED
    if phase.finalized_at:
        return ReportStatus.COMPLETED
    step = open_step_of(phase)
    return _STATUS_OF_STEP[step.kind] if step else ReportStatus.NOT_STARTED


def with_progress(reviews: QuerySet[CountryReview]) -> QuerySet[CountryReview]:
    """The prefetches that let `rows()` work in a fixed number of queries.

    Only the open steps are fetched: a row needs no other, and a mechanism of 190 reviews has
    thousands of closed ones.
    """
    return reviews.select_related("party", "group").prefetch_related(
        Prefetch("phases", queryset=Phase.objects.select_related("cluster")),
        Prefetch("phases__steps", queryset=ReviewStep.objects.filter(status=StepStatus.OPEN).order_by("order")),
        Prefetch("seats", queryset=ReviewerSeat.objects.filter(until__isnull=True).select_related("reviewer")),
        Prefetch("nominations", to_attr="focal_points", queryset=Nomination.objects.filter(
            role=Role.FOCAL_POINT, status=NominationStatus.APPROVED, ended_at__isnull=True).select_related("person")),
    )


def row(review: CountryReview, today: date) -> ReviewRow:
    phase = current_phase(review)
    step = open_step_of(phase)
    fps = {n.party_id: str(n.person) for n in review.focal_points}
    return ReviewRow(
        review=review, phase=phase, open_step=step, status=report_status(phase),
        delay_days=delay_days(step.due_on, None, today) if step else 0,
        reviewers=sorted({s.reviewer_id for s in review.seats.all()}),
        focal_point_names=fps,
        no_focal_point_overdue=review.party_id not in fps and (today - review.started_on).days > FOCAL_POINT_DUE_DAYS,
    )


def rows(reviews: QuerySet[CountryReview], today: date) -> list[ReviewRow]:
    """One row per review, sorted by the State's name in the reader's language."""
    return sorted((row(r, today) for r in with_progress(reviews)), key=lambda r: r.review.party.name)


def group_progress(group: ReviewGroup) -> dict[str, object]:
    """The share of the group's reviews complete in its current phase, and the 70% rule (P&R 10)."""
    total = group.reviews.count()
    done = Phase.objects.filter(review__group=group, cluster__phase=group.current_phase,
                                finalized_at__isnull=False).count()
    share = done / total if total else 0.0
    return {"group": group, "total": total, "completed": done, "share": share, "may_advance": share >= 0.7}
