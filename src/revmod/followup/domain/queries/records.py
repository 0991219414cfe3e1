"""The follow-up records: the needs, recommendations and challenges of finalized lists of
observations, each with its State, instrument, articles and clusters, and where it stands (P&R 44, 46)."""

from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from revmod.audit.domain import record
from revmod.findings.enums import FindingState
from revmod.findings.models import ObservationItem
from revmod.followup import rules
from revmod.followup.enums import progress_label
from revmod.followup.models import ProgressReport
from revmod.reference.models import Article
from revmod.reviews.policy import reviews_visible_to

_FINAL = Q(list__state=FindingState.FINALIZED) | Q(list__phase__finalized_at__isnull=False)


def finalized_on(observation_list) -> date | None:
    """The day the list was finalized, with its phase or on its own (P&R 39); None while it is not."""
    at = observation_list.finalized_at or observation_list.phase.finalized_at
    return timezone.localdate(at) if at else None


def followed_records() -> QuerySet[ObservationItem]:
    """Every record followed up, in any review, with `finalized` (when its list was finalized)."""
    return (ObservationItem.objects.filter(kind__in=rules.FOLLOWED_KINDS).filter(_FINAL)
            .annotate(finalized=Coalesce("list__finalized_at", "list__phase__finalized_at")))


def with_latest(items: QuerySet[ObservationItem], *, as_of: date | None = None) -> QuerySet[ObservationItem]:
    """`latest_status` and `latest_as_of`: the newest situation reported up to `as_of` (None: ever)."""
    reports = ProgressReport.objects.filter(item=OuterRef("pk"))
    if as_of is not None:
        reports = reports.filter(as_of__lte=as_of)
    reports = reports.order_by("-as_of", "-id")
    return items.annotate(latest_status=Subquery(reports.values("status")[:1]),
                          latest_as_of=Subquery(reports.values("as_of")[:1]))


def records_visible_to(user, *, party: str = "", instrument: str = "", kind: str = "", status: str = "") -> QuerySet[ObservationItem]:
    """The records of the reviews the person may open (the secretariat: all), by State,
    instrument and place in the list; no ordering by progress (P&R 4-5, 37)."""
    items = with_latest(followed_records().filter(list__review__in=reviews_visible_to(user).values("pk")))
    if party:
        items = items.filter(list__review__party_id=party.upper())
    if instrument:
        items = items.filter(list__instrument_id=instrument)
    if kind:
        items = items.filter(kind=kind)
    if status == rules.NOT_REPORTED:
        items = items.filter(latest_status__isnull=True)
    elif status:
        items = items.filter(latest_status=status)
    return (items.select_related("list__review__party", "list__instrument")
            .prefetch_related(Prefetch("articles", queryset=Article.objects.select_related("cluster")))
            .order_by("list__review__party_id", "list__instrument__order", "list__phase_id", "order", "id"))


def status_counts(items: QuerySet[ObservationItem]) -> list[tuple[str, str, int]]:
    """(status, its label, how many) of these records, in the order of the statuses (one query):
    the secretariat's whole picture at a glance, never per State (P&R 4-5)."""
    counts = dict(items.order_by().values_list("latest_status").annotate(n=Count("pk", distinct=True)))
    order = [None, *rules.NEED_STATUSES, *rules.MEASURE_STATUSES]
    return [(status or rules.NOT_REPORTED, progress_label(status), counts[status]) for status in order if counts.get(status)]


def read_records(user, filters: dict, *, request=None) -> None:
    """A list of records was read, with its filters: in the audit trail (P&R 37)."""
    record("followup.records.read", actor=user, request=request, data=filters)


def read_record(item: ObservationItem, user, *, request=None) -> None:
    """One record was read: in the audit trail (P&R 37)."""
    record("followup.record.read", actor=user, target=item, review=item.list.review, request=request)


def record_for(user, pk: int) -> ObservationItem | None:
    """One record, or None when it does not exist, is not followed up or is not the person's (one 404)."""
    return records_visible_to(user).filter(pk=pk).first()


def history_of(item: ObservationItem) -> list[ProgressReport]:
    """Every report on the record, the current situation first."""
    return list(item.progress_reports.select_related("reported_by").order_by("-as_of", "-id"))


def latest_report_id(item: ObservationItem) -> int:
    """The report added last (0 for none): what a reporter must have seen before adding theirs."""
    return ProgressReport.objects.filter(item=item).order_by("-id").values_list("id", flat=True).first() or 0
