"""The follow-up of reviews over the API: the records the caller may see, one record with its history, the State's report."""

from datetime import date, datetime
from typing import Literal

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from revmod.accounts.api import ConflictOut, ErrorOut
from revmod.findings.enums import ItemKind
from revmod.findings.models import ObservationItem
from revmod.followup import policy, rules
from revmod.followup.domain.progress import report_progress
from revmod.followup.domain.queries.overview import short_name
from revmod.followup.domain.queries.records import (
    history_of, latest_report_id, read_record, read_records, record_for, records_visible_to, status_counts,
)
from revmod.followup.enums import Progress, progress_label
from revmod.followup.models import ProgressReport

router = Router(tags=["follow-up"])


class RecordFilterIn(Schema):
    party: str = Field("", max_length=3, description="ISO 3166 alpha-3 code of the State under review")
    instrument: str = Field("", max_length=10, description="UNTOC, TIP, SOM or FIR")
    kind: ItemKind | None = None
    status: Progress | Literal["not_reported"] | None = Field(None, description="Where the record stands now")  # rules.NOT_REPORTED
    offset: int = Field(0, ge=0, le=1_000_000)
    limit: int = Field(100, ge=1, le=500)


class ArticleRef(Schema):
    label: str
    title: str
    cluster: int


class RecordOut(Schema):
    id: int
    review: int
    party: str
    party_name: str
    instrument: str
    instrument_name: str
    kind: str
    kind_label: str
    text: str
    confidential: bool
    articles: list[ArticleRef]
    clusters: list[int]
    finalized_on: date
    status: str | None
    status_label: str
    status_as_of: date | None


class CountOut(Schema):
    status: str
    label: str
    count: int


class RecordPageOut(Schema):
    count: int
    counts: list[CountOut]
    items: list[RecordOut]


class ReportOut(Schema):
    id: int
    status: str
    status_label: str
    as_of: date
    progress: str
    met_by: str
    reported_by: str
    reported_at: datetime


class RecordDetailOut(RecordOut):
    history: list[ReportOut]
    statuses: list[str]
    latest_report: int
    can_report: bool


class ProgressIn(Schema):
    status: str
    as_of: date
    progress: str = Field(max_length=20_000)
    met_by: str = Field("", max_length=300, description="Who provided the assistance (a need only)")
    seen_report: int = Field(0, ge=0, le=2**31 - 1, description="`latest_report` when you read the record; 0 for none")


def record_out(item: ObservationItem) -> dict:
    """A record as the records page shows it; needs `records_visible_to`'s annotations and prefetches."""
    review = item.list.review
    articles = list(item.articles.all())
    return {
        "id": item.pk, "review": review.pk, "party": review.party_id, "party_name": review.party.name,
        "instrument": item.list.instrument_id, "instrument_name": short_name(item.list.instrument_id),
        "kind": item.kind, "kind_label": str(item.get_kind_display()), "text": item.text, "confidential": item.confidential,
        "articles": [{"label": str(a), "title": a.title, "cluster": a.cluster_id} for a in articles],
        "clusters": sorted({a.cluster_id for a in articles}), "finalized_on": timezone.localdate(item.finalized),
        "status": item.latest_status, "status_label": progress_label(item.latest_status), "status_as_of": item.latest_as_of,
    }


def report_out(report: ProgressReport) -> dict:
    return {
        "id": report.pk, "status": report.status, "status_label": str(report.get_status_display()), "as_of": report.as_of,
        "progress": report.progress, "met_by": report.met_by, "reported_by": str(report.reported_by),
        "reported_at": report.reported_at,
    }


def visible_record_or_404(user, record_id: int) -> ObservationItem:
    """The record if it is followed up and the caller's; "not there" and "not yours" answer alike (STYLE 7)."""
    item = record_for(user, record_id)
    if item is None:
        raise Http404
    return item


@router.get("/records", response=RecordPageOut, summary="Follow-up records")
def list_followup_records(request, filters: Query[RecordFilterIn]):
    """The needs, recommendations and challenges of the finalized lists of observations of the
    caller's reviews (the secretariat: every review), by State, instrument and place in the list,
    never by progress (P&R 4-5, 44, 46); `counts` says how many stand where. Audited as the page."""
    wanted = filters.model_dump(include={"party", "instrument"}, exclude_defaults=True)
    if filters.kind:
        wanted["kind"] = filters.kind.value
    if filters.status:
        wanted["status"] = str(filters.status)
    found = records_visible_to(request.auth, **wanted)
    page = found[filters.offset:filters.offset + filters.limit]
    counts = [{"status": status, "label": label, "count": n} for status, label, n in status_counts(found)]
    read_records(request.auth, wanted, request=request)
    return {"count": found.count(), "counts": counts, "items": [record_out(item) for item in page]}


def detail_out(item: ObservationItem, user) -> dict:
    return {**record_out(item), "history": [report_out(r) for r in history_of(item)],
            "statuses": list(rules.statuses_for(item.kind)), "latest_report": latest_report_id(item),
            "can_report": policy.can_report(user, item.list.review)}


@router.get("/records/{record_id}", response={200: RecordDetailOut, 404: ErrorOut}, summary="One follow-up record")
def get_followup_record(request, record_id: int):
    """One record with every report of its State, the current situation first, and the statuses
    a report on it may take. Every read is in the audit trail (P&R 37)."""
    item = visible_record_or_404(request.auth, record_id)
    read_record(item, request.auth, request=request)
    return detail_out(item, request.auth)


@router.post("/records/{record_id}/reports", response={201: ReportOut, 400: ErrorOut, 404: ErrorOut, 409: ConflictOut},
             summary="Report on a follow-up record")
def report_followup_progress(request, record_id: int, payload: ProgressIn):
    """The State under review's focal point or expert reports where the State stands on the
    record (P&R 44, 46); earlier reports stay as the history. `seen_report` is the latest report
    the reporter read: if someone reported since, nothing is saved and the answer is 409 with
    that report's id as `current_version`. 400 with the reason when the rules refuse."""
    item = visible_record_or_404(request.auth, record_id)
    report = report_progress(item, actor=request.auth, status=payload.status, as_of=payload.as_of,
                             progress=payload.progress, met_by=payload.met_by, seen_report=payload.seen_report)
    return Status(201, report_out(report))
