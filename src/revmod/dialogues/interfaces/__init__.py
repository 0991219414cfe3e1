"""Forms of the constructive dialogues (P&R 23, 53)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from revmod.dialogues.enums import Area, DialogueFormat, OrganisationKind, Outcome, StakeholderKind, WorkingGroup
from revmod.dialogues.models import Organisation
from revmod.reference.models import Instrument, Party

LANGUAGE_CHOICES = [(code.split("-")[0], name) for code, name in settings.LANGUAGES]


class DateInput(forms.DateInput):
    input_type = "date"


class PerLanguageForm(forms.Form):
    """A form with one field per UN language for each text in TEXTS: (prefix, label, rows)."""

    TEXTS: tuple[tuple[str, object, int], ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for prefix, label, rows in self.TEXTS:
            for code, language in LANGUAGE_CHOICES:
                widget = forms.TextInput(attrs={"lang": code}) if rows == 1 else forms.Textarea(attrs={"rows": rows, "lang": code})
                self.fields[f"{prefix}_{code}"] = forms.CharField(label=f"{label} ({language})", required=False, widget=widget)

    def texts(self, prefix: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{prefix}_{code}", "") for code, _language in LANGUAGE_CHOICES}


class DialogueForm(PerLanguageForm):
    TEXTS = (("title", _("Title"), 1), ("topics", _("Topics"), 2), ("agenda", _("Agenda"), 4),
             ("details", _("Practical details for participants"), 3))
    working_group = forms.ChoiceField(label=_("Working group"), choices=WorkingGroup.choices)
    session = forms.CharField(label=_("Session"), max_length=120)
    held_on = forms.DateField(label=_("Date of the dialogue"), widget=DateInput)
    format = forms.ChoiceField(label=_("Format"), choices=DialogueFormat.choices)
    venue = forms.CharField(label=_("Venue or link"), required=False, max_length=300)


class SummaryForm(PerLanguageForm):
    TEXTS = (("summary", _("Chair's summary"), 8), ("observations", _("Observations"), 4))


class BackgroundDocumentForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(label=_("File"))


def party_choices():
    return sorted(((p.pk, p.name) for p in Party.objects.all()), key=lambda pair: pair[1].casefold())


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices)
    country = forms.ChoiceField(label=_("Country of its headquarters"))
    areas = forms.MultipleChoiceField(label=_("Areas of work"), choices=Area.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    phone = forms.CharField(label=_("Telephone"), max_length=60, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    language = forms.ChoiceField(label=_("Language for our e-mails"), choices=LANGUAGE_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—")] + party_choices()

    def clean_country(self):
        party = Party.objects.filter(pk=self.cleaned_data["country"]).first()
        if party is None:
            raise forms.ValidationError(_("Choose the country from the list."))
        return party


class ApplicationForm(forms.Form):
    email = forms.EmailField(label=_("The organisation's registered e-mail"))
    representatives = forms.CharField(label=_("Who will attend (names and functions)"), max_length=2000,
                                      widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(label=_("Note to the secretariat"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Written comments"), required=False, max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 6}))
    file = forms.FileField(label=_("Or a file (PDF, Word, plain text...)"), required=False)


class ObjectionForm(forms.Form):
    party = forms.ChoiceField(label=_("For"))
    reason = forms.CharField(label=_("Reason"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [(p.pk, p.name) for p in parties]


class BureauForm(forms.Form):
    outcome = forms.ChoiceField(label=_("The Bureau's decision"), choices=Outcome.choices)
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("The chair's reason"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class DialogueSearch(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    working_group = forms.ChoiceField(label=_("Working group"), required=False, choices=[("", _("all"))] + WorkingGroup.choices)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2010, max_value=2100)


class RegistryFilter(forms.Form):
    q = forms.CharField(label=_("Name or contact"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("all"))] + OrganisationKind.choices)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("all"))] + party_choices()


class ConsultedForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Registered organisation"), required=False, queryset=Organisation.objects.none(),
                                          help_text=_("Or give a name and kind below."))
    name = forms.CharField(label=_("Name"), required=False, max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", "—")] + StakeholderKind.choices)
    instrument = forms.ModelChoiceField(label=_("For the answers on"), required=False, queryset=Instrument.objects.all(),
                                        empty_label=_("all instruments"))
    how = forms.CharField(label=_("How they were consulted"), required=False, max_length=5000,
                          widget=forms.Textarea(attrs={"rows": 2}))
    consulted_on = forms.DateField(label=_("Consulted on"), required=False, widget=DateInput)

    def __init__(self, *args, party=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(country=party, confirmed_at__isnull=False)
