"""`revmod flush`: Django's flush, with the audit table's append-only lock lifted while it runs.

Emptying the whole database is one of the two operations allowed to remove audit entries; it
serves `revmod restore`, `revmod demo --reset` and the transactional tests (which flush after
each test). This command takes precedence over Django's because app commands do. The question
to a person typing it comes before the lock is lifted, so that nobody else waits on the answer.
"""

from django.core.management.commands import flush

from revmod.audit.append_only import unlocked


class Command(flush.Command):
    def handle(self, **options):
        if options["interactive"]:
            answer = input(f"This will IRREVERSIBLY DESTROY all data in the database {options['database']!r}, "
                           "the audit trail included.\nType 'yes' to continue, or 'no' to cancel: ")
            if answer != "yes":
                self.stdout.write("Flush cancelled.")
                return
            options = {**options, "interactive": False}
        with unlocked(using=options["database"]):
            super().handle(**options)
