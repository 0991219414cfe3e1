"""The rows behind a status report, read in a fixed number of set-based queries, as plain data.

Every figure is then computed in Python from these rows as of a date (`asof.py`), so the
number of queries does not grow with the number of reviews.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, UTC

from revmod.accounts.models import Nomination
from revmod.lots.models import Redraw
from revmod.reference.models import Adherence, Language, Party
from revmod.reviews.models import CountryReview, DeadlineChange, Phase, ReviewerSeat, ReviewGroup, ReviewStep


@dataclass
class Snapshot:
    """What the database holds now, with the history needed to say how things were on `as_of`."""

    as_of: date
    groups: dict[int, date] = field(default_factory=dict)
    parties: dict[str, dict] = field(default_factory=dict)
    adherences: list[tuple[str, str, date | None]] = field(default_factory=list)
    reviews: dict[int, dict] = field(default_factory=dict)
    seats: list[dict] = field(default_factory=list)
    phases: dict[int, dict] = field(default_factory=dict)
    steps: dict[int, dict[str, dict]] = field(default_factory=dict)
    deadlines: dict[int, list[tuple[datetime, date]]] = field(default_factory=dict)
    steps_with_history: set[int] = field(default_factory=set)
    languages: dict[int, list[str]] = field(default_factory=dict)
    language_order: list[str] = field(default_factory=list)
    nominations: list[dict] = field(default_factory=list)
    redraws: list[tuple[datetime, str]] = field(default_factory=list)

    @property
    def cutoff(self) -> datetime:
        """The first moment after `as_of` (UTC): a datetime counts if it is before it."""
        return datetime.combine(self.as_of + timedelta(days=1), time.min, tzinfo=UTC)


def load_snapshot(as_of: date) -> Snapshot:
    """Twelve queries, whatever the number of reviews, parties or people."""
    snap = Snapshot(as_of=as_of)
    snap.groups = dict(ReviewGroup.objects.filter(started_on__lte=as_of).values_list("number", "started_on"))
    snap.parties = {row["iso3"]: row for row in Party.objects.values(
        "iso3", "regional_group_id", "is_signatory_only", "joined_after_draw")}
    snap.adherences = list(Adherence.objects.values_list("party_id", "instrument_id", "adhered_on"))
    snap.reviews = {row["id"]: row for row in CountryReview.objects.values("id", "party_id", "group_id", "started_on")}
    snap.seats = list(ReviewerSeat.objects.values("review_id", "reviewer_id", "instrument_id", "since", "until"))
    snap.phases = {row["id"]: row for row in Phase.objects.values(
        "id", "review_id", "cluster__phase", "opened_on", "consulted_on", "finalized_at")}
    for row in ReviewStep.objects.values("id", "phase_id", "kind", "opened_on", "done_on", "due_on"):
        snap.steps.setdefault(row["phase_id"], {})[row["kind"]] = row
    _load_deadlines(snap)
    snap.language_order = list(Language.objects.order_by("order").values_list("code", flat=True))
    for phase_id, code in Phase.working_languages.through.objects.values_list("phase_id", "language_id"):
        snap.languages.setdefault(phase_id, []).append(code)
    snap.nominations = list(Nomination.objects.values(
        "person_id", "party_id", "review_id", "role", "approved_at", "ended_at", "replaces_id",
        "person__gender", "person__institution_type"))
    snap.redraws = list(Redraw.objects.values_list("recorded_at", "meeting"))
    return snap


def _load_deadlines(snap: Snapshot) -> None:
    """Each step's deadline history up to `as_of`, oldest first, and which steps have any history."""
    changes = DeadlineChange.objects.order_by("changed_at", "id").values_list("step_id", "changed_at", "new_due_on")
    cutoff = snap.cutoff
    for step_id, changed_at, new_due_on in changes:
        snap.steps_with_history.add(step_id)
        if changed_at < cutoff:
            snap.deadlines.setdefault(step_id, []).append((changed_at, new_due_on))
