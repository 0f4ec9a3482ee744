from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from core.validators import validate_single_line


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        validators=[validate_single_line],
        help_text=_("We will only use this to send you the updates you ask for."),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Enter an email address in the correct format, like name@example.com"),
            "line_break": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    # Hidden from people by CSS and from screen readers by aria-hidden; bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("email", field_width=30, autocomplete="email", spellcheck="false")
        )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    @property
    def address(self):
        return self.cleaned_data["email"].strip().lower()
