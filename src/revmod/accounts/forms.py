"""Forms of the accounts app."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination, User


class DateInput(forms.DateInput):
    input_type = "date"


class TokenForm(forms.Form):
    token = forms.CharField(label=_("Code from your authenticator app"), max_length=8,
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class ActivationForm(TokenForm):
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, person=None, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)
        self.order_fields(["password1", "password2", "token"])

    def clean(self):
        data = super().clean()
        if data.get("password1") != data.get("password2"):
            raise forms.ValidationError(_("The two passwords differ."))
        if data.get("password1"):
            password_validation.validate_password(data["password1"], self.person)
        return data


class NewLinkForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"))


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "title", "phone", "gender", "institution_type", "institution", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "gender", "institution_type"):
            self.fields[name].required = True
        from django.conf import settings

        self.fields["language"] = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)


class NominationForm(forms.Form):
    party = forms.ChoiceField(label=_("State"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    title = forms.CharField(label=_("Title or function"), max_length=200, required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=60, required=False)
    note_verbale_ref = forms.CharField(label=_("Note verbale reference"), max_length=120, required=False)
    note_verbale_on = forms.DateField(label=_("Note verbale dated"), required=False, widget=DateInput)
    replaces = forms.TypedChoiceField(label=_("Replaces"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        parties = [review.party] + sorted({s.reviewer for s in review.seats.filter(until__isnull=True).select_related("reviewer")}, key=lambda p: p.iso3)
        self.fields["party"].choices = [(p.iso3, p.name) for p in parties]
        current = Nomination.objects.filter(review=review, status=NominationStatus.APPROVED, ended_at__isnull=True)
        self.fields["replaces"].choices = [("", _("nobody"))] + [(n.pk, str(n)) for n in current]


class ClarificationForm(forms.Form):
    question = forms.CharField(label=_("What needs to be clarified"), widget=forms.Textarea(attrs={"rows": 3}))


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100)


