"""`revmod audit-verify`: check that no entry of the audit trail was changed or removed."""

from django.core.management.base import BaseCommand

from revmod.audit.domain import verify_chain
from revmod.audit.models import AuditEntry


class Command(BaseCommand):
    help = "Walk the audit trail's hash chain; exit 1 and list every break if an entry was changed, removed or reordered."

    def handle(self, *args, **options):
        problems = verify_chain()
        for line in problems:
            self.stdout.write(line)
        if problems:
            raise SystemExit(1)
        self.stdout.write(f"Audit trail intact: {AuditEntry.objects.count()} entries.")
