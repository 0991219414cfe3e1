"""The secretariat's status report as a plain dict of figures, as of any date (issue 6).

Pure reads: twelve set-based queries (`snapshot.load_snapshot`), then aggregation in Python,
so the number of queries does not grow with the number of reviews. No figure names a State
next to a measure of its progress, and nothing is ordered by performance: the mechanism ranks
no one (P&R 4-5). The keys are documented in docs/reports.md.
"""

from datetime import date

from django.utils import timezone

from revmod.reports.domain.queries.asof import reviews_as_of
from revmod.reports.domain.queries.participation import nominations, participation
from revmod.reports.domain.queries.progress import progress
from revmod.reports.domain.queries.snapshot import load_snapshot

REPORT_VERSION = 1


def status_report(as_of: date | None = None) -> dict:
    """Every figure of the status report (Status 2024 sections II-III), as things were on `as_of`."""
    as_of = as_of or timezone.localdate()
    snap = load_snapshot(as_of)
    reviews = reviews_as_of(snap)
    return {
        "version": REPORT_VERSION,
        "as_of": as_of.isoformat(),
        "participation": participation(snap, reviews),
        "nominations": nominations(snap, reviews),
        "progress": progress(snap, reviews),
    }
