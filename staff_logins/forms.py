import re

from django import forms
from django.utils.translation import gettext_lazy as _


def code_input(**extra):
    """A text box for a one-time code: no spell check, capitals or autofill but the code."""
    return forms.TextInput(
        attrs={
            "autocomplete": "one-time-code",
            "spellcheck": "false",
            "autocapitalize": "off",
            **extra,
        }
    )


class AppCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6-digit code the app shows now, for example 123456"),
        max_length=20,
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
        widget=code_input(inputmode="numeric"),
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        # Only ASCII digits: "\d" would also take Arabic-Indic or full-width ones.
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Enter the code as 6 digits, for example 123456"))
        return code


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Recovery code"),
        help_text=_("One of the recovery codes you were given when you set up your app"),
        max_length=40,
        error_messages={"required": _("Enter one of your recovery codes")},
        widget=code_input(),
    )

    def clean_code(self):
        return re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
