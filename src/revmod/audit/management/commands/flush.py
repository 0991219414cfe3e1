"""`revmod flush`: Django's flush, with the audit table's append-only lock lifted while it runs.

Emptying the whole database is one of the two operations allowed to remove audit entries; it
serves `revmod restore`, `revmod demo --reset` and the transactional tests (which flush after
each test). This command takes precedence over Django's because app commands do.
"""

from django.core.management.commands import flush

from revmod.audit.append_only import unlocked


class Command(flush.Command):
    def handle(self, **options):
        with unlocked(using=options["database"]):
            super().handle(**options)
