"""`revmod restore PATH`: replace the database and files with a verified backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from revmod.audit.domain import verify_chain
from revmod.core.backup import restore


class Command(BaseCommand):
    help = ("Restore a backup made by `revmod backup`: checks every member first, then replaces ALL data "
            "and files in one transaction (nothing changes if anything fails), then verifies the audit chain.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, yes=False, **options):
        if not yes and input("This replaces all data. Type 'restore' to go on: ").strip() != "restore":
            raise CommandError("Not restored.")
        try:
            manifest = restore(path)
        except (ValueError, OSError) as error:
            raise CommandError(f"Not restored: {error}") from error
        problems = verify_chain()
        if problems:
            raise CommandError("Restored, but the audit chain is broken: " + "; ".join(problems[:5]))
        self.stdout.write(f"Restored {sum(manifest['counts'].values())} rows from {manifest['created_at']}; audit chain intact.")
