"""`revmod audit-verify`: check that no entry of the audit trail was changed or removed."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from revmod.audit.domain import chain_head, verify_chain
from revmod.audit.models import AuditEntry


class Command(BaseCommand):
    help = ("Walk the audit trail's hash chain; exit 1 and list every break if an entry was changed, removed or "
            "reordered. --head prints the anchor to keep elsewhere; --anchors FILE checks the trail still holds them.")

    def add_arguments(self, parser):
        parser.add_argument("--head", action="store_true",
                            help="print only the last entry's 'ID HASH', to append to a file kept outside the database "
                                 "(e.g. daily from cron: revmod audit-verify --head | ssh archive 'cat >> anchors')")
        parser.add_argument("--anchors", type=Path, metavar="FILE",
                            help="a file of 'ID HASH' lines printed earlier by --head: each must still be in the chain")

    def handle(self, *args, **options):
        if options["head"]:
            head = chain_head()
            self.stdout.write(f"{head[0]} {head[1]}" if head else "0 " + "0" * 64)
            return
        anchors = read_anchors(options["anchors"]) if options["anchors"] else {}
        problems = verify_chain(anchors)
        for line in problems:
            self.stdout.write(line)
        if problems:
            raise SystemExit(1)
        checked = f", {len(anchors)} anchors matched" if anchors else ""
        self.stdout.write(f"Audit trail intact: {AuditEntry.objects.count()} entries{checked}.")


def read_anchors(path: Path) -> dict[int, str]:
    try:
        lines = path.read_text().splitlines()
    except OSError as error:
        raise CommandError(f"cannot read the anchors: {error}") from error
    anchors = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            pk, digest = line.split()
            anchors[int(pk)] = digest
        except ValueError as error:
            raise CommandError(f"{path}, line {number}: expected 'ID HASH', found {line!r}") from error
    anchors.pop(0, None)  # the head of an empty trail
    return anchors
