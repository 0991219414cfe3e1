"""`revmod draw`: a thin wrapper; the draw engine's own command line does the work.

Every argument after the command name goes to `revmod.lots.engine.cli.main` untouched, so
`revmod draw --help` shows the engine's help and the exit code is the engine's.
"""

import sys

from django.core.management.base import BaseCommand

from revmod.lots.engine import cli


class Command(BaseCommand):
    help = "Draw groups and reviewing States from a parties file (P&R 17, 28-29)."

    def run_from_argv(self, argv: list[str]) -> None:
        sys.exit(cli.main(["draw", *argv[2:]]))

    def print_help(self, prog_name: str, subcommand: str) -> None:
        self.stdout.write(cli.help_text("draw"), ending="")
