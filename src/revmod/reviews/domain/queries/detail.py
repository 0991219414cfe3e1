"""What a review's page shows to a given person: timeline, people, documents, actions."""

from datetime import date

from revmod.accounts.enums import NominationStatus
from revmod.accounts.models import Nomination
from revmod.documents.domain.queries import current_versions
from revmod.documents.models import Document
from revmod.reviews import policy
from revmod.reviews.deadlines import delay_days
from revmod.reviews.domain import guards
from revmod.reviews.domain.queries.progress import FOCAL_POINT_DUE_DAYS, current_phase, open_step_of, report_status
from revmod.reviews.enums import ExtensionStatus, ReportStatus, StepStatus
from revmod.reviews.models import CountryReview, ExtensionRequest, Phase, ReviewGroup


def groups():
    return ReviewGroup.objects.all()


def step_rows(phase: Phase, user, today: date) -> list[dict]:
    rows = []
    for step in phase.steps.all():
        rows.append({
            "step": step,
            "delay": delay_days(step.due_on, step.done_on, today) if step.status != StepStatus.PENDING else 0,
            "can_draft": policy.can_draft(user, step),
            "clearing_party": policy.clearing_party(user, step),
            "missing": guards.missing_clearances(step) if step.status == StepStatus.OPEN else [],
        })
    return rows


def people(review: CountryReview, user):
    """Nominations of the review: current ones for participants, the whole history for the secretariat."""
    nominations = Nomination.objects.filter(review=review).select_related("person", "party", "replaces")
    if not policy.is_secretariat(user):
        nominations = nominations.filter(status=NominationStatus.APPROVED, ended_at__isnull=True)
    return list(nominations.order_by("party_id", "role", "recorded_at"))


def review_page(review: CountryReview, user, today: date) -> dict:
    phases = list(review.phases.select_related("cluster").prefetch_related("steps", "working_languages"))
    phase = current_phase(review) if phases else None
    step = open_step_of(phase)
    documents = list(Document.objects.filter(step__phase__review=review).select_related("instrument", "step"))
    seats = list(review.seats.filter(until__isnull=True).select_related("reviewer", "instrument"))
    nominations = people(review, user)
    focal_parties = {n.party_id for n in nominations if n.role == "focal_point" and n.is_active}
    return {
        "review": review,
        "phases": [{"phase": p, "steps": step_rows(p, user, today)} for p in phases],
        "phase": phase,
        "open_step": step,
        "status": report_status(phase),
        "status_label": ReportStatus(report_status(phase)).label,
        "documents": documents,
        "versions": current_versions(documents),
        "seats": seats,
        "reviewer_parties": sorted({s.reviewer for s in seats}, key=lambda p: p.iso3),
        "nominations": nominations,
        "temporary_focal_point": review.party_id not in focal_parties,
        "focal_point_overdue": review.party_id not in focal_parties and (today - review.started_on).days > FOCAL_POINT_DUE_DAYS,
        "extensions": list(ExtensionRequest.objects.filter(step__phase__review=review).select_related("step", "party").order_by("-asked_at")),
        "pending_status": ExtensionStatus.PENDING,
        "is_secretariat": policy.is_secretariat(user),
        "can_consult": step is not None and step.kind == "consultation" and (
            policy.is_secretariat(user) or policy.can_act_for_side(user, review, "reviewed")),
        "roles": policy.roles_in(user, review),
        "redraws": list(review.redraws.select_related("asked_by", "old_reviewer", "new_reviewer", "added_reviewer")),
    }
