"""The reports' questions: as of which date; which questionnaire and whose answers."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from revmod.questionnaires.models import QuestionnaireDefinition
from revmod.reference.models import RegionalGroup
from revmod.reviews.models import ReviewGroup


class AsOfForm(forms.Form):
    as_of = forms.DateField(label=_("As of"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("The figures as things were on that day, from the history."))

    def day(self):
        """The date asked for, or today when none (or an invalid one) was given."""
        if self.is_valid() and self.cleaned_data.get("as_of"):
            return self.cleaned_data["as_of"]
        return timezone.localdate()


class SaqFilterForm(forms.Form):
    """Which questionnaire, and whose answers: a group, a regional group, or every State."""

    questionnaire = forms.ModelChoiceField(label=_("Questionnaire"), queryset=None, empty_label=None)
    group = forms.TypedChoiceField(label=_("Group"), required=False, coerce=int, empty_value=None)
    region = forms.ModelChoiceField(label=_("Regional group"), queryset=None, required=False,
                                    empty_label=_("All regional groups"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questionnaire"].queryset = QuestionnaireDefinition.objects.select_related("instrument")
        self.fields["region"].queryset = RegionalGroup.objects.all()
        self.fields["group"].choices = [("", _("All groups"))] + [
            (g.number, str(g)) for g in ReviewGroup.objects.all()]
