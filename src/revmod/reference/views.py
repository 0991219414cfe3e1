"""The secretariat's pages of States parties: who they are, and how to reach their missions (P&R 18)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _, gettext_lazy

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination
from revmod.core.errors import EditConflict
from revmod.reference.domain import contacts
from revmod.reference.models import Party
from revmod.reviews.views import secretariat_or_404


class ContactsForm(forms.ModelForm):
    expected = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Party
        fields = contacts.FIELDS
        widgets = {"focal_point_public_info": forms.Textarea(attrs={"rows": 4})}


class PartyFilter(forms.Form):
    q = forms.CharField(label=gettext_lazy("Name or code"), required=False)
    no_mission = forms.BooleanField(label=gettext_lazy("No mission address"), required=False)



@login_required
def parties(request):
    """Every State in the mechanism with its mission's address and language, and whether a focal
    point is in office somewhere: where the mission must stand in (P&R 18)."""
    secretariat_or_404(request.user)
    form = PartyFilter(request.GET or None)
    focal_point = Nomination.objects.filter(party=OuterRef("pk"), role=Role.FOCAL_POINT,
                                            status=NominationStatus.APPROVED, ended_at__isnull=True)
    found = Party.objects.select_related("regional_group").annotate(has_focal_point=Exists(focal_point))
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("q"):
        found = found.filter(Q(iso3__iexact=data["q"]) | Q(names__icontains=data["q"]))
    if data.get("no_mission"):
        found = found.filter(mission_email="")
    rows = sorted(found, key=lambda p: p.name)
    return render(request, "reference/parties.html", {"form": form, "parties": rows})


@login_required
def party(request, iso3):
    """Edit a State's contact details; a colleague's edit in between is never overwritten."""
    secretariat_or_404(request.user)
    item = get_object_or_404(Party, pk=iso3.upper())
    form = ContactsForm(request.POST or None, instance=item, initial={"expected": contacts.fingerprint(item)})
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in contacts.FIELDS}
        try:
            changed = contacts.update_contacts(item, actor=request.user, expected=form.cleaned_data["expected"], **values)
        except EditConflict as error:
            item.refresh_from_db()
            data = request.POST.copy()
            data["expected"] = contacts.fingerprint(item)  # saving again, having seen theirs, is deliberate
            theirs = [(form.fields[name].label, item._meta.get_field(name).value_to_string(item)) for name in contacts.FIELDS]
            return render(request, "reference/party.html", {
                "party": item, "form": ContactsForm(data, instance=item), "conflict": error.messages[0],
                "theirs": theirs}, status=409)
        messages.success(request, _("Saved.") if changed else _("Nothing changed."))
        return redirect("reference:party", iso3=item.pk)
    return render(request, "reference/party.html", {"party": item, "form": form})
