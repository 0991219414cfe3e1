"""`revmod demo`: the real reference data and a demo mechanism in mid-course."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from revmod.demo.cast import CAST, DEMO_PASSWORD
from revmod.demo.mechanism import build_mechanism
from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.reference.domain import load_instruments, load_parties
from revmod.reviews.models import CountryReview


class Command(BaseCommand):
    help = ("Create the database if needed, load the real reference data (parties, instruments, "
            "articles) and a demo mechanism in mid-course with a named cast of users.")

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete all data first and build the demo again.")

    def handle(self, *args, reset=False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        if CountryReview.objects.exists():
            self.stdout.write("The demo is already loaded (use --reset to build it again).")
        else:
            load_instruments()
            parties = load_parties()
            load_questionnaires()  # the shipped cluster-1 questionnaires, so the SAQ steps can be answered
            counts = build_mechanism()
            self.stdout.write(f"Loaded {parties} parties, {counts['reviews']} reviews, {counts['seats']} pairings, "
                              f"{counts['people']} people.")
        self.stdout.write(f"Demo logins (password {DEMO_PASSWORD}; second factor shown on the login page "
                          "when REVMOD_DEMO_LOGIN_HINTS=1, as bin/demo sets it):")
        for member in CAST:
            self.stdout.write(f"  {member.email:<40} {member.side} {member.role or ''}")
