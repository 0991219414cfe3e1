"""Writes of a State's contact details kept by the secretariat: its permanent mission's address and
language of correspondence, its legal tradition, what the public may know of its focal point.

The mission stands in for a focal point not yet nominated and receives the notices of the
review (P&R 18), so its address and language decide whether a State hears of its review at all.
"""

import hashlib
import json

from django.db import transaction
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import EditConflict
from revmod.reference.models import Party

FIELDS = ("mission_email", "correspondence_language", "legal_tradition", "focal_point_public_info")


def fingerprint(party: Party) -> str:
    """A short digest of the contact details as they are now, carried by the edit form."""
    values = json.dumps([getattr(party, name) for name in FIELDS], ensure_ascii=False)
    return hashlib.sha256(values.encode()).hexdigest()[:16]


@transaction.atomic
def update_contacts(party: Party, *, actor, expected: str, **values) -> list[str]:
    """Save the contact details unless a colleague changed them since the form was loaded.

    Returns the names of the fields that changed. Side effects, in order: the party row (locked
    while compared), an audit entry with the values before and after.
    """
    current = Party.objects.select_for_update().get(pk=party.pk)
    if fingerprint(current) != expected:
        raise EditConflict(_("A colleague changed these details while you were editing. Your changes were not "
                             "saved over theirs: check their values below and save again."))
    changed = [name for name in FIELDS if name in values and getattr(current, name) != values[name]]
    if not changed:
        return []
    before = {name: getattr(current, name) for name in changed}
    for name in changed:
        setattr(current, name, values[name])
    current.save(update_fields=changed)
    record("reference.party.contacts_changed", actor=actor, target=current,
           data={"before": before, "after": {name: values[name] for name in changed}})
    return changed
