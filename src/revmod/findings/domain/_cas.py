"""Compare-and-swap on a row's `version`: no colleague's edit is ever silently overwritten."""

from django.db.models import F
from django.utils.translation import gettext as _

from revmod.core.errors import EditConflict


def swap(row, *, base_version: int, **fields) -> None:
    """Write `fields` only if the row is still at `base_version`; else raise EditConflict.

    Side effects: the row's fields and version in the database and on the object.
    """
    model = type(row)
    moved = model.objects.filter(pk=row.pk, version=base_version).update(version=F("version") + 1, **fields)
    if not moved:
        current = model.objects.values_list("version", flat=True).get(pk=row.pk)
        raise EditConflict(
            _("Someone saved a newer version (version %(n)s) while you were editing. Your text was not saved over it: compare and save again.") % {"n": current},
            current_version=current)
    for name, value in fields.items():
        setattr(row, name, value)
    row.version = base_version + 1
