"""`revmod load-reference`: load or update the instruments, articles and parties."""

from pathlib import Path

from django.core.management.base import BaseCommand

from revmod.reference.domain import DATA, load_instruments, load_parties


class Command(BaseCommand):
    help = ("Load or update the reference data: the instruments with their reviewed articles in the six "
            "languages, the clusters, regional groups, and the parties with their adherence. Loading again "
            "updates what the files say and keeps what the secretariat added.")

    def add_arguments(self, parser):
        parser.add_argument("--parties", type=Path, default=DATA / "parties.csv",
                            help="A parties file in the format of parties.csv (default: the one shipped).")

    def handle(self, *args, parties, **options):
        counts = load_instruments()
        loaded = load_parties(parties)
        self.stdout.write(f"{counts['instruments']} instruments, {counts['articles']} articles, {loaded} parties.")
