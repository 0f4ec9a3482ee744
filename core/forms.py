from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from .validators import validate_single_line

FORMAT_CHOICES = [
    ("large-print", _("Large print")),
    ("easy-read", _("Easy Read")),
    ("audio", _("Audio")),
    ("braille", _("Braille")),
    ("another-language", _("Another language")),
    ("other", _("Something else")),
]


class AlternativeFormatsForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        validators=[validate_single_line],
        error_messages={
            "required": _("Enter your name"),
            "line_break": _("Enter your name on one line"),
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("We will only use this to reply to you."),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        validators=[validate_single_line],
        error_messages={"line_break": _("Enter the phone number on one line")},
        help_text=_("If you would rather we rang you."),
    )
    document = forms.CharField(
        label=_("Which document or page do you need?"),
        max_length=300,
        # The email to the council takes its subject from this answer.
        validators=[validate_single_line],
        error_messages={
            "required": _("Enter the document or page you need"),
            "line_break": _("Enter the document or page on one line"),
        },
    )
    format = forms.ChoiceField(
        label=_("Which format do you need?"),
        choices=FORMAT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the format you need")},
    )
    details = forms.CharField(
        label=_("Anything else we should know"),
        required=False,
        max_length=1000,
        widget=forms.Textarea,
        help_text=_("For example, which language you need. You can enter up to 1000 characters."),
        error_messages={"max_length": _("Anything else must be 1000 characters or fewer")},
    )
    # Hidden from people by CSS and from screen readers by aria-hidden; bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("name", field_width=20),
            Field.text("email", field_width=20),
            Field.text("phone", field_width=10),
            Field.text("document"),
            Field.radios("format", legend_size=Size.MEDIUM),
            Field.textarea("details", rows=5, max_characters=1000),
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error(
                "email", _("Enter an email address or a phone number so that we can reply")
            )
        return cleaned

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def email_subject(self):
        return f"Alternative format request: {self.cleaned_data['document'][:80]}"

    def email_body(self):
        data = self.cleaned_data
        formats = dict(FORMAT_CHOICES)
        lines = [
            "A resident has asked for a document in another format.",
            "",
            f"Name: {data['name']}",
            f"Email: {data.get('email') or '-'}",
            f"Phone: {data.get('phone') or '-'}",
            f"Document or page: {data['document']}",
            f"Format: {formats[data['format']]}",
            f"Details: {data.get('details') or '-'}",
        ]
        return "\n".join(str(line) for line in lines)
