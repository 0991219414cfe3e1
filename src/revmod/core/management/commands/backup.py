"""`revmod backup PATH`: the database and the uploaded files in one verified archive."""

from pathlib import Path

from django.core.management.base import BaseCommand

from revmod.core.backup import backup, verify


class Command(BaseCommand):
    help = ("Write a consistent backup of the database (as portable JSON) and the uploaded files to PATH "
            "(.tar.gz), then read it back and check every member's SHA-256. Restores onto SQLite or PostgreSQL.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        manifest = backup(path)
        _, problems = verify(path)
        if problems:
            raise SystemExit("backup written but not verified: " + "; ".join(problems))
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"{path}: {rows} rows, {len(manifest['members']) - 1} files, verified.")
