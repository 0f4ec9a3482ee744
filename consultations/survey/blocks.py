"""The parts every question's block is built from, in the Wagtail admin.

Each question type's own block is in ``types/``; the section and survey blocks
that hold them are in ``structure``. (``KeyBlock`` stays here, under this
module's name, because the migrations refer to it by it.)

Keys and option codes are RegexBlocks: wagtail-localize never offers them to
translators and copies them from the source page on every sync, so every
language stores the same keys. Labels, hints and option labels are Char/Text
blocks, which translators are offered.

Every question, option and section can also carry Easy Read wording (and an
option a picture) over the same keys, in a collapsed "Easy Read wording" group:
the Easy Read survey shows it, falling back to the standard wording, and stores
its answers under the same keys and codes.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import BlockGroup
from wagtail.images.blocks import ImageChooserBlock

from . import definitions as d

KEY_PATTERN = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
KEY_ERROR = (
    "Use lower-case letters, numbers and single underscores, starting with a letter, "
    "for example priority_1."
)
KEY_HELP = (
    "A short name that never changes, used to store and export the answers (for example "
    "priority_1). Leave it empty to have it made from the question's wording when you save. "
    "It can change until the first answer arrives; translations and Easy Read wording keep it."
)


class KeyBlock(blocks.RegexBlock):
    def __init__(self, required=True, help_text=KEY_HELP, **kwargs):
        super().__init__(
            regex=KEY_PATTERN,
            required=required,
            max_length=50,
            help_text=help_text,
            error_messages={"invalid": KEY_ERROR},
            **kwargs,
        )


EASY_READ_PREFIX = "easy_read_"
EASY_READ_GROUP_HELP = (
    "Optional: the same thing in Easy Read, shown in the Easy Read survey. Short, "
    "everyday words; one idea in each sentence. Leave empty to show the wording above."
)


class EasyReadLayoutMixin:
    """Puts the Easy Read fields last, in a collapsed "Easy Read wording" group."""

    def get_form_layout(self):
        names = list(self.child_blocks)
        easy = [name for name in names if name.startswith(EASY_READ_PREFIX)]
        if not easy:
            return super().get_form_layout()
        return BlockGroup(
            [
                *[name for name in names if name not in easy],
                BlockGroup(
                    easy,
                    heading="Easy Read wording",
                    classname="collapsed",
                    help_text=EASY_READ_GROUP_HELP,
                    icon="view",
                ),
            ]
        )


def easy_read_text(help_text, max_length=250, multiline=False):
    if multiline:
        return blocks.TextBlock(required=False, default="", help_text=help_text)
    return blocks.CharBlock(required=False, default="", max_length=max_length, help_text=help_text)


class OptionBlock(EasyReadLayoutMixin, blocks.StructBlock):
    code = KeyBlock(
        required=False,
        help_text="The option's stable code, for example strongly_agree. Leave it empty to "
        "have it made from the option's wording when you save.",
    )
    label = blocks.CharBlock(max_length=250, help_text="What residents see.")
    easy_read_label = easy_read_text("The option in Easy Read, for example 'I agree a lot'.")
    easy_read_picture = ImageChooserBlock(
        required=False,
        help_text="A picture from the 'Easy Read pictures' collection, shown beside the "
        "option. The option's words say what it means, so it needs no alt text.",
    )

    class Meta:
        icon = "radio-full"


def option_from_value(value, easy_read=False):
    """One option (or grid statement) from its block value, in Easy Read words
    where asked for and given."""
    if easy_read:
        return d.Option(
            value["code"],
            value.get("easy_read_label") or value["label"],
            picture=value.get("easy_read_picture"),
        )
    return d.Option(value["code"], value["label"])


def options_from_values(values, easy_read=False):
    return [option_from_value(value, easy_read) for value in values or []]


def condition_fields():
    return [
        (
            "show_if_question",
            KeyBlock(
                required=False,
                help_text="Optional: show this only when an earlier single-choice question "
                "(give its key) ...",
            ),
        ),
        (
            "show_if_option",
            KeyBlock(required=False, help_text="... was answered with this option code."),
        ),
    ]


class BaseQuestionBlock(EasyReadLayoutMixin, blocks.StructBlock):
    """What staff fill in for every question, whatever its type."""

    key = KeyBlock(required=False)
    label = blocks.CharBlock(
        max_length=250, help_text="The question, as residents see it. Keep it short and plain."
    )
    hint = blocks.TextBlock(
        required=False, default="", help_text="Optional help text shown under the question."
    )
    required = blocks.BooleanBlock(
        required=False, default=True, help_text="Residents must answer this question."
    )
    error_message = blocks.CharBlock(
        required=False,
        default="",
        max_length=250,
        help_text="Optional: what to say when a required answer is missing, "
        "for example 'Select how far you agree with priority 1'.",
    )
    show_if_question = condition_fields()[0][1]
    show_if_option = condition_fields()[1][1]
    easy_read_label = easy_read_text(
        "The question in Easy Read, for example 'Do you like our plan?'."
    )
    easy_read_hint = easy_read_text("Help under the question, in Easy Read.", multiline=True)
    easy_read_error_message = easy_read_text(
        "What to say when a required answer is missing, in Easy Read, for example "
        "'Please choose one answer'. Leave empty for a standard Easy Read message."
    )

    class Meta:
        icon = "help"

    def clean(self, value):
        value = super().clean(value)
        check_condition_pair(value)
        return value


def check_condition_pair(value):
    if bool(value.get("show_if_question")) != bool(value.get("show_if_option")):
        missing = "show_if_option" if value.get("show_if_question") else "show_if_question"
        raise blocks.StructBlockValidationError(
            block_errors={
                missing: ValidationError(
                    "Give both the question key and the option code, or neither."
                )
            }
        )


def option_list(min_num=2):
    return blocks.ListBlock(OptionBlock(), min_num=min_num, collapsed=False)


def other_fields():
    return (
        blocks.BooleanBlock(required=False, help_text="Add 'Other, please specify'."),
        blocks.CharBlock(
            required=False,
            default="",
            max_length=100,
            help_text="Wording of the 'Other' option, if not just 'Other'.",
        ),
    )


def easy_read_other_field():
    return easy_read_text("The 'Other' option in Easy Read, for example 'Something else'.", 100)


def personal_field():
    return blocks.BooleanBlock(
        required=False,
        default=False,
        help_text="Answers may name people or give contact details: remove them when the "
        "consultation's retention period ends.",
    )
