"""Forms of the reviews app."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from revmod.reviews.deadlines import SCHEDULED_STEPS
from revmod.reviews.enums import ReportStatus, StepKind

UN_LANGUAGE_CHOICES = [(code.split("-")[0], name) for code, name in settings.LANGUAGES]


class DateInput(forms.DateInput):
    input_type = "date"


class DashboardFilter(forms.Form):
    group = forms.TypedChoiceField(label=_("Group"), required=False, coerce=int, empty_value=None,
                                   choices=[("", _("all"))] + [(n, n) for n in (1, 2, 3)])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("all"))] + ReportStatus.choices)
    step = forms.ChoiceField(label=_("Open step"), required=False, choices=[("", _("all"))] + StepKind.choices)
    late = forms.BooleanField(label=_("Late only"), required=False)
    no_focal_point = forms.BooleanField(label=_("No focal point"), required=False)
    q = forms.CharField(label=_("State"), required=False, max_length=60)


class ConsultationForm(forms.Form):
    consulted_on = forms.DateField(label=_("Consultation held on"), widget=DateInput)
    languages = forms.MultipleChoiceField(label=_("Working languages"), choices=UN_LANGUAGE_CHOICES,
                                          widget=forms.CheckboxSelectMultiple)
    exceptional_reason = forms.CharField(label=_("Reason for a third language (exceptional)"), required=False,
                                         widget=forms.Textarea(attrs={"rows": 2}))
    division_of_tasks = forms.CharField(label=_("Division of tasks between the reviewing experts"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in SCHEDULED_STEPS:
            self.fields[f"due_{kind}"] = forms.DateField(
                label=_("Deadline: %(step)s") % {"step": StepKind(kind).label}, required=False, widget=DateInput,
                help_text=_("Leave empty for the default from the procedures."))

    def schedule(self, defaults):
        return {k: self.cleaned_data.get(f"due_{k}") or defaults[k] for k in SCHEDULED_STEPS}


class ExtensionForm(forms.Form):
    new_due_on = forms.DateField(label=_("New deadline"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class DeadlineForm(forms.Form):
    due_on = forms.DateField(label=_("Agreed deadline"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), max_length=300)
