"""What the findings pages share: 404 for outsiders, refusals shown as messages."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404

from revmod.findings import policy


def phase_object_or_404(user, queryset, pk, phase_of):
    """The object if the person may see its review; else 404, like an object that does not exist."""
    obj = get_object_or_404(queryset, pk=pk)
    if not policy.can_view_phase(user, phase_of(obj)):
        raise Http404
    return obj


def refused(request, error) -> None:
    messages.error(request, " ".join(error.messages))


def ids(values) -> list[int]:
    """Integers from a form's repeated field; anything else is dropped (and then refused by the domain)."""
    return [int(v) for v in values if str(v).isdigit()]


def base_version(request) -> int:
    """The version the form was loaded at; a tampered value never matches, so it is a conflict, not an error."""
    value = request.POST.get("base_version", "")
    return int(value) if value.isdigit() else -1
