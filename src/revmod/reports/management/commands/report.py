"""`revmod report status --as-of YYYY-MM-DD --format json|xlsx|docx [--language xx] [--out FILE]`."""

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from revmod.reports.domain.audit import record_export
from revmod.reports.interfaces.render import FORMATS, LANGUAGES, export_status


class Command(BaseCommand):
    help = ("Write the secretariat's status report as of a date (figures from the history of the reviews): "
            "JSON (keys in docs/reports.md), XLSX or DOCX with the figures' tables and charts.")

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["status"], help="The report to write (status).")
        parser.add_argument("--as-of", dest="as_of", type=date.fromisoformat, default=None,
                            help="YYYY-MM-DD; today if not given.")
        parser.add_argument("--format", dest="fmt", choices=list(FORMATS), default="json")
        parser.add_argument("--language", choices=LANGUAGES, default="en",
                            help="Language of the tables' headings and names (XLSX, DOCX).")
        parser.add_argument("--out", type=Path, default=None,
                            help="File to write; JSON goes to the standard output when not given.")

    def handle(self, *args, report, as_of, fmt, language, out, **options):
        as_of = as_of or timezone.localdate()
        export = export_status(as_of, fmt=fmt, language=language)
        record_export("status", actor=None, data={"as_of": as_of.isoformat(), "format": fmt, "language": language,
                                                  "via": "command line"})
        if out is None and fmt == "json":
            sys.stdout.buffer.write(export.content + b"\n")
            return
        target = out or Path(export.filename)
        try:
            target.write_bytes(export.content)
        except OSError as problem:
            raise CommandError(f"Cannot write {target}: {problem}") from problem
        self.stdout.write(f"Wrote {target} ({len(export.content)} bytes).")
