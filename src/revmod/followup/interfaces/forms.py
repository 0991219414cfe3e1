"""Forms of the follow-up: a progress report, the filters, the period, a shared practice (P&R 42-46)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from revmod.findings.enums import ItemKind
from revmod.followup import rules
from revmod.followup.enums import Progress
from revmod.reference.models import Instrument, Party

LANGUAGE_CHOICES = [(code.split("-")[0], name) for code, name in settings.LANGUAGES]


class DateInput(forms.DateInput):
    input_type = "date"


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"))
    as_of = forms.DateField(label=_("Situation as of"), widget=DateInput)
    met_by = forms.CharField(label=_("Assistance provided by (for a need)"), required=False, max_length=300)
    progress = forms.CharField(label=_("What has been done"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5}))
    seen_report = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, Progress(s).label) for s in rules.statuses_for(kind)]
        if kind != ItemKind.TA_NEED:
            del self.fields["met_by"]


def _status_choices():
    return [("", _("all")), (rules.NOT_REPORTED, _("not reported yet"))] + list(Progress.choices)


class RecordFilter(forms.Form):
    party = forms.ChoiceField(label=_("State"), required=False)
    instrument = forms.ChoiceField(label=_("Instrument"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("all"))] + [(k, ItemKind(k).label) for k in rules.FOLLOWED_KINDS])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_status_choices)

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [("", _("all"))] + sorted(((p.pk, p.name) for p in parties), key=lambda c: c[1].casefold())
        self.fields["instrument"].choices = [("", _("all"))] + [(i.pk, str(i)) for i in Instrument.objects.order_by("order")]


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Lists finalized from"), required=False, widget=DateInput)
    end = forms.DateField(label=_("to (and where needs stood on that day)"), required=False, widget=DateInput)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start of the period must not be after its end."))
        return data


class PracticeForm(forms.Form):
    review = forms.ChoiceField(label=_("Your State's review"))
    instrument = forms.ModelChoiceField(label=_("Questionnaire on"), required=False, queryset=Instrument.objects.order_by("order"),
                                        empty_label=_("all instruments"))
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(label=_("The practice and what was learnt"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6}))
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGE_CHOICES)

    def __init__(self, *args, reviews=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].choices = [(r.pk, r.party.name) for r in reviews]


def parties_of(reviews) -> list[Party]:
    return [review.party for review in reviews]
