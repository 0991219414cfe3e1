"""What the reports app writes: an audit entry for every export and every read of answers (P&R 37)."""

from revmod.audit.domain import record


def record_export(report: str, *, actor, data: dict, request=None) -> None:
    """A report left the platform (a download, or a file written by `revmod report`)."""
    record(f"reports.{report}.exported", actor=actor, data=data, request=request)


def record_answers_read(question, *, actor, data: dict, request=None) -> None:
    """The secretariat read the States' answers to one question (the SAQ statistics' drill-down)."""
    record("reports.saq.answers_read", actor=actor, target=question, data=data, request=request)
