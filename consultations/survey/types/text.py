"""Questions answered by typing: short and long text, an email address, a postcode."""

import re

from django.utils.translation import gettext as _
from wagtail import blocks

from core.validators import MAX_EMAIL_LENGTH, is_email_address

from .. import definitions as d
from ..blocks import BaseQuestionBlock, personal_field
from .base import Column, QuestionType

POSTCODE_RE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")
MAX_INPUT = 20000  # longest text accepted from any single input

# Words for random answers (demo and test responses).
SAMPLE_PHRASES = [
    "More benches in the park, please",
    "The bus to town is too rare",
    "Our library matters to us",
    "Young people need somewhere to meet",
    "Thank you for asking",
]


def normalise_postcode(value):
    compact = re.sub(r"\s+", "", value or "").upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


class TextType(QuestionType):
    """What typed answers share: one input, stored as text."""

    summary_template = "consultations/admin/summary/nothing.html"

    def clean_text(self, form, question, max_length):
        """The posted text, trimmed, or None (with an error where one is due)."""
        value = form.first(question.key).replace("\r\n", "\n").strip()
        if "\x00" in value:
            form.add_error(
                question.key,
                form.say(
                    _("Remove the unusual characters from your answer"),
                    _("Please take out the unusual letters or signs"),
                ),
            )
            return None
        if not value:
            if question.required:
                form.add_error(
                    question.key,
                    self.required_message(
                        question,
                        form.say(
                            _("Enter your answer to: %(label)s") % {"label": question.label},
                            _("Please write your answer"),
                        ),
                    ),
                )
            return None
        if len(value) > max_length:
            form.add_error(question.key, self.too_long(form, max_length))
            return None
        return value

    def max_length(self, question):
        return d.SHORT_TEXT_MAX

    def clean(self, form, question):
        value = self.clean_text(form, question, self.max_length(question))
        if value is not None:
            form.cleaned[question.key] = value

    def random_answer(self, question, rng):
        text = ". ".join(rng.sample(SAMPLE_PHRASES, rng.randint(1, 3))) + "."
        return text[: self.max_length(question)], ""


class FreeTextType(TextType):
    """Free text: officers read it and code it by theme; staff may mark it personal."""

    free_text = True
    summary_template = "consultations/admin/summary/text.html"

    def extend_question(self, question, value):
        question.personal = bool(value.get("personal"))

    def summarise(self, question, summary, item):
        item.lists_text = True

    def export_columns(self, question):
        key, label = question.key, str(question.label)
        return [
            *super().export_columns(question),
            Column(
                f"{key}:themes", question, f"{label}: themes", read=lambda s: "; ".join(s.themes)
            ),
        ]


class ShortTextQuestionBlock(BaseQuestionBlock):
    personal = personal_field()

    class Meta:
        icon = "pilcrow"
        label = "Short text"


class ShortText(FreeTextType):
    name = "short_text"
    block_class = ShortTextQuestionBlock
    revealable = True


class LongTextQuestionBlock(BaseQuestionBlock):
    max_characters = blocks.IntegerBlock(
        default=1000, min_value=10, max_value=10000, help_text="Shown as residents type."
    )
    personal = personal_field()

    class Meta:
        icon = "doc-full"
        label = "Long text"


class LongText(FreeTextType):
    name = "long_text"
    block_class = LongTextQuestionBlock
    print_lines = 8

    def extend_question(self, question, value):
        super().extend_question(question, value)
        question.max_characters = value.get("max_characters") or 1000

    def max_length(self, question):
        return question.max_characters or MAX_INPUT


class EmailQuestionBlock(BaseQuestionBlock):
    class Meta:
        icon = "mail"
        label = "Email address"


class Email(TextType):
    name = "email"
    block_class = EmailQuestionBlock
    revealable = True
    always_personal = True

    def clean(self, form, question):
        value = self.clean_text(form, question, MAX_EMAIL_LENGTH)
        if value is None:
            return
        if not is_email_address(value):
            form.add_error(
                question.key,
                form.say(
                    _("Enter an email address in the correct format, like name@example.com"),
                    _("Please write your email address like this: name@example.com"),
                ),
            )
            return
        form.cleaned[question.key] = value

    def random_answer(self, question, rng):
        return f"resident{rng.randint(1, 99999)}@example.org", ""


class PostcodeQuestionBlock(BaseQuestionBlock):
    class Meta:
        icon = "site"
        label = "UK postcode"


class Postcode(TextType):
    name = "postcode"
    block_class = PostcodeQuestionBlock
    revealable = True
    always_personal = True

    def clean(self, form, question):
        value = self.clean_text(form, question, 12)
        if value is None:
            return
        postcode = normalise_postcode(value)
        if not POSTCODE_RE.match(postcode):
            form.add_error(
                question.key,
                form.say(
                    _("Enter a real postcode, like LE3 8RA"),
                    _("Please write a real postcode, like LE3 8RA"),
                ),
            )
            return
        form.cleaned[question.key] = postcode

    def random_answer(self, question, rng):
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        return (
            f"LE{rng.randint(1, 67)} {rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}",
            "",
        )
