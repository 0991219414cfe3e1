"""Forms of the notifications pages: preferences, a reminder by hand, a template in six languages."""

import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from revmod.core.i18n import UN_LANGUAGES
from revmod.notifications.enums import Frequency
from revmod.notifications.models import MessageTemplate

LANGUAGE_NAMES = {"ar": _("Arabic"), "zh": _("Chinese"), "en": _("English"), "fr": _("French"),
                  "ru": _("Russian"), "es": _("Spanish")}


class PreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail me about new developments and coming deadlines"), choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text=_("Missed deadlines and messages from the secretariat are always e-mailed; everything stays in your inbox."))
    monthly_digest = forms.BooleanField(label=_("Send me a monthly digest of what happened in my reviews"), required=False)


class ReminderForm(forms.Form):
    template = forms.ModelChoiceField(label=_("Template"), queryset=MessageTemplate.objects.filter(for_reminders=True),
                                      empty_label=None)
    parties = forms.MultipleChoiceField(label=_("To the focal point of"), widget=forms.CheckboxSelectMultiple,
                                        help_text=_("A State with no focal point is written to at its permanent mission."))
    step = forms.TypedChoiceField(label=_("About the step"), required=False, coerce=int, empty_value=None)
    nonce = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, parties=(), steps=(), **kwargs):
        kwargs.setdefault("initial", {}).setdefault("nonce", secrets.token_hex(8))
        super().__init__(*args, **kwargs)
        self.fields["parties"].choices = [(p.pk, p.name) for p in parties]
        self.fields["step"].choices = [("", "—")] + [
            (s.pk, f"{s.get_kind_display()} ({s.due_on or '—'})") for s in steps]


class TemplateForm(forms.Form):
    """Subject and text in each of the six languages; English is the fallback, so it is required."""

    def __init__(self, *args, template: MessageTemplate, **kwargs):
        super().__init__(*args, **kwargs)
        for lang in UN_LANGUAGES:
            attrs = {"lang": lang, "dir": "rtl" if lang == "ar" else "ltr"}
            self.fields[f"subject_{lang}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": LANGUAGE_NAMES[lang]}, max_length=300,
                required=lang == "en", initial=template.subjects.get(lang, ""), widget=forms.TextInput(attrs=attrs))
            self.fields[f"body_{lang}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": LANGUAGE_NAMES[lang]}, required=lang == "en",
                initial=template.bodies.get(lang, ""), widget=forms.Textarea(attrs={**attrs, "rows": 8}))

    def texts(self) -> tuple[dict[str, str], dict[str, str]]:
        data = self.cleaned_data
        return ({lang: data.get(f"subject_{lang}", "") for lang in UN_LANGUAGES},
                {lang: data.get(f"body_{lang}", "") for lang in UN_LANGUAGES})
