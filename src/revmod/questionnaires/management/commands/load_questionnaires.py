"""`revmod load-questionnaires`: load the shipped questionnaires that are not there yet."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from revmod.questionnaires.domain.definitions import DATA, load_questionnaires


class Command(BaseCommand):
    help = ("Load the self-assessment questionnaires shipped with revmod (cluster 1 of the Convention and the "
            "three Protocols) as version 1. A questionnaire already there, possibly edited by the secretariat, is "
            "kept as it is. Run after load-reference.")

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DATA / "cluster1.json",
                            help="A questionnaires file in the format of cluster1.json (default: the one shipped).")

    def handle(self, *args, file, **options):
        try:
            counts = load_questionnaires(file)
        except (ValueError, KeyError, OSError) as error:
            raise CommandError(f"{file}: {error}") from error
        self.stdout.write(f"{counts['questionnaires']} questionnaires loaded ({counts['questions']} questions), "
                          f"{counts['kept']} already there and kept.")
