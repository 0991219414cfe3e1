"""The report page's one question: as of which date."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AsOfForm(forms.Form):
    as_of = forms.DateField(label=_("As of"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("The figures as things were on that day, from the history."))

    def day(self):
        """The date asked for, or today when none (or an invalid one) was given."""
        if self.is_valid() and self.cleaned_data.get("as_of"):
            return self.cleaned_data["as_of"]
        return timezone.localdate()
