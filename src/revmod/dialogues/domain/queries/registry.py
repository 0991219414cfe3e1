"""The stakeholder registry across dialogues, for the secretariat: who took part when (P&R 53(a))."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from revmod.dialogues.enums import Outcome
from revmod.dialogues.models import Application, Organisation


@dataclass
class RegistryRow:
    organisation: Organisation
    took_part: list[Application]
    applied: int


def registry(*, q: str = "", kind: str = "", country: str = "") -> list[RegistryRow]:
    """Every registered organisation, alphabetical, with the dialogues it was admitted to. Two queries."""
    organisations = Organisation.objects.select_related("country").order_by("name_key", "id")
    if kind:
        organisations = organisations.filter(kind=kind)
    if country:
        organisations = organisations.filter(country_id=country.upper())
    for word in q.split()[:8]:
        organisations = organisations.filter(Q(name__icontains=word) | Q(contact_name__icontains=word)
                                             | Q(contact_email__icontains=word))
    applications = (Application.objects.filter(confirmed_at__isnull=False).select_related("dialogue", "decision")
                    .order_by("dialogue__held_on", "dialogue_id"))
    rows = []
    for organisation in organisations.prefetch_related(Prefetch("applications", queryset=applications)):
        confirmed = list(organisation.applications.all())
        took_part = [a for a in confirmed if getattr(a, "decision", None) is not None
                     and a.decision.outcome == Outcome.ADMITTED and a.dialogue.cancelled_at is None]
        rows.append(RegistryRow(organisation, took_part, len(confirmed)))
    return rows
