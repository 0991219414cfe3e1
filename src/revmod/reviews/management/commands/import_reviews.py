"""`revmod import-reviews FILE`: move a running mechanism onto revmod from one CSV or XLSX file."""

from argparse import RawDescriptionHelpFormatter

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from revmod.accounts.models import User
from revmod.core.errors import Refused
from revmod.reviews.domain.imports import import_reviews
from revmod.reviews.interfaces.importer import TABLES, missing_reference, read_import

DESCRIPTION = """\
Import the state of a running mechanism: reviews (State under review, group, start date),
reviewing States per instrument, phases (initial consultation, working languages, each
step's agreed deadline and submitted date, finalization) and nominations (focal points,
experts and observers, approved or pending).

FILE is an .xlsx workbook with one sheet per table (reviews, seats, phases, nominations),
or a .csv file holding the same columns with a first column `record` that names each row's
table. The columns are described in docs/import-reviews.md; docs/examples/ has an example.

The whole file is checked first. If anything is wrong, every problem is printed, one per
line ("line 12, column reviewer_iso3: ..."), nothing is imported and the exit code is 1.
Otherwise everything is imported in one transaction. Importing the same file again is
refused. The reference data (parties, instruments) must be loaded first.

Imported people get an account without a password; they receive their activation link
when you pass --send-activations (or later, when the secretariat sends it).
"""


class Command(BaseCommand):
    help = "Import the state of a running mechanism (reviews, seats, phases, nominations) from CSV or XLSX."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, formatter_class=RawDescriptionHelpFormatter, **kwargs)
        parser.description = DESCRIPTION
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help=f"The .xlsx or .csv file (tables: {', '.join(TABLES)}).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Check the file and run the whole import, then roll it back: nothing changes.")
        parser.add_argument("--send-activations", action="store_true",
                            help="E-mail an activation link to every imported person who has no password yet.")
        parser.add_argument("--actor", metavar="EMAIL",
                            help="The secretariat account the import is recorded under (needed when there are several).")

    def handle(self, *args, file, dry_run=False, send_activations=False, actor=None, **options):
        if missing_reference():
            raise CommandError(missing_reference(), returncode=1)
        plan, problems = read_import(file)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(_("Nothing was imported: %(n)s problem(s) in the file.") % {"n": len(problems)},
                               returncode=1)
        person = _actor(actor)
        try:
            counts = import_reviews(plan, actor=person, send_activations=send_activations, dry_run=dry_run)
        except Refused as refusal:
            raise CommandError(" ".join(refusal.messages), returncode=1) from refusal
        summary = _("%(reviews)s reviews, %(seats)s seats, %(phases)s phases, %(nominations)s nominations "
                    "(%(accounts)s new accounts, %(activations)s activation e-mails).") % counts
        if dry_run:
            self.stdout.write(_("Dry run: the file is valid and would import %(summary)s Nothing was changed.")
                              % {"summary": summary})
        else:
            self.stdout.write(_("Imported %(summary)s") % {"summary": summary})


def _actor(email: str | None) -> User:
    """The secretariat account named, or the only one there is."""
    if email:
        person = User.objects.filter(email__iexact=email.strip(), is_secretariat=True, is_active=True).first()
        if person is None:
            raise CommandError(_("%(email)s is not an active secretariat account.") % {"email": email}, returncode=1)
        return person
    accounts = list(User.objects.filter(is_secretariat=True, is_active=True)[:2])
    if len(accounts) == 1:
        return accounts[0]
    if not accounts:
        raise CommandError(_("There is no secretariat account yet: create one first (revmod createsuperuser)."),
                           returncode=1)
    raise CommandError(_("There are several secretariat accounts: say who imports with --actor EMAIL."), returncode=1)
