"""The blocks staff build a survey with in the Wagtail admin.

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
from django.forms.utils import ErrorList
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
    "priority_1). Set it once: translations and Easy Read wording keep it."
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
    code = KeyBlock(help_text="The option's stable code, for example strongly_agree.")
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
    question_type = None

    key = KeyBlock()
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

    def to_question(self, value, easy_read=False):
        condition = None
        if value.get("show_if_question") and value.get("show_if_option"):
            condition = d.Condition(value["show_if_question"], value["show_if_option"])
        question = d.Question(
            key=value["key"],
            type=self.question_type,
            label=value["label"],
            hint=value.get("hint") or "",
            required=bool(value.get("required")),
            error_message=value.get("error_message") or "",
            condition=condition,
        )
        if easy_read:
            # Easy Read wording where staff gave it; otherwise the standard
            # wording, but never the standard error message: the Easy Read
            # survey has plain messages of its own.
            question.easy_read = True
            question.label = value.get("easy_read_label") or question.label
            question.hint = value.get("easy_read_hint") or question.hint
            question.error_message = value.get("easy_read_error_message") or ""
        self.extend_question(question, value)
        return question

    def extend_question(self, question, value):
        pass


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


class OtherMixin:
    def extend_question(self, question, value):
        question.options = options_from_values(value.get("options"), question.easy_read)
        question.allow_other = bool(value.get("allow_other"))
        question.other_label = value.get("other_label") or ""
        if question.easy_read:
            question.other_label = value.get("easy_read_other_label") or question.other_label


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


class FreeTextMixin:
    """Free-text questions can be marked as likely to hold personal details."""

    def extend_question(self, question, value):
        question.personal = bool(value.get("personal"))
        super().extend_question(question, value)


def personal_field():
    return blocks.BooleanBlock(
        required=False,
        default=False,
        help_text="Answers may name people or give contact details: remove them when the "
        "consultation's retention period ends.",
    )


class ShortTextQuestionBlock(FreeTextMixin, BaseQuestionBlock):
    question_type = d.SHORT_TEXT
    personal = personal_field()

    class Meta:
        icon = "pilcrow"
        label = "Short text"


class LongTextQuestionBlock(FreeTextMixin, BaseQuestionBlock):
    question_type = d.LONG_TEXT
    max_characters = blocks.IntegerBlock(
        default=1000, min_value=10, max_value=10000, help_text="Shown as residents type."
    )
    personal = personal_field()

    class Meta:
        icon = "doc-full"
        label = "Long text"

    def extend_question(self, question, value):
        super().extend_question(question, value)
        question.max_characters = value.get("max_characters") or 1000


def easy_read_other_field():
    return easy_read_text("The 'Other' option in Easy Read, for example 'Something else'.", 100)


class SingleChoiceQuestionBlock(OtherMixin, BaseQuestionBlock):
    question_type = d.SINGLE_CHOICE
    options = option_list()
    allow_other, other_label = other_fields()
    easy_read_other_label = easy_read_other_field()

    class Meta:
        icon = "radio-full"
        label = "Single choice (radios)"


class MultipleChoiceQuestionBlock(OtherMixin, BaseQuestionBlock):
    question_type = d.MULTIPLE_CHOICE
    options = option_list()
    allow_other, other_label = other_fields()
    easy_read_other_label = easy_read_other_field()
    max_choices = blocks.IntegerBlock(
        required=False, min_value=1, help_text="Optional: the most options a resident may tick."
    )

    class Meta:
        icon = "tick-inverse"
        label = "Multiple choice (checkboxes)"

    def extend_question(self, question, value):
        super().extend_question(question, value)
        question.max_choices = value.get("max_choices") or None


class OptionsMixin:
    def extend_question(self, question, value):
        question.options = options_from_values(value.get("options"), question.easy_read)


class DropdownQuestionBlock(OptionsMixin, BaseQuestionBlock):
    question_type = d.DROPDOWN
    options = option_list()

    class Meta:
        icon = "list-ul"
        label = "Dropdown"


class AgreementQuestionBlock(BaseQuestionBlock):
    question_type = d.AGREEMENT

    class Meta:
        icon = "radio-full"
        label = "Agreement scale"

    def extend_question(self, question, value):
        question.options = d.agreement_scale(question.easy_read)


class GridQuestionBlock(BaseQuestionBlock):
    question_type = d.GRID
    statements = option_list(min_num=1)
    options = blocks.ListBlock(
        OptionBlock(),
        min_num=0,
        help_text="The scale every statement is answered on. Leave empty for the agreement "
        "scale (strongly agree to strongly disagree, and don't know).",
    )

    class Meta:
        icon = "table"
        label = "Grid (statements on one scale)"

    def extend_question(self, question, value):
        question.statements = options_from_values(value.get("statements"), question.easy_read)
        custom = options_from_values(value.get("options"), question.easy_read)
        question.options = custom or d.agreement_scale(question.easy_read)


class RankingQuestionBlock(OptionsMixin, BaseQuestionBlock):
    question_type = d.RANKING
    options = option_list()

    class Meta:
        icon = "order"
        label = "Ranking"


class NumberQuestionBlock(BaseQuestionBlock):
    question_type = d.NUMBER
    min_value = blocks.IntegerBlock(required=False)
    max_value = blocks.IntegerBlock(required=False)

    class Meta:
        icon = "plus-inverse"
        label = "Number"

    def extend_question(self, question, value):
        question.min_value = value.get("min_value")
        question.max_value = value.get("max_value")


def simple(type_, label, icon):
    return type(
        f"{type_.title().replace('_', '')}QuestionBlock",
        (BaseQuestionBlock,),
        {
            "question_type": type_,
            "__module__": __name__,
            "Meta": type("Meta", (), {"icon": icon, "label": label}),
        },
    )


DateQuestionBlock = simple(d.DATE, "Date", "date")
EmailQuestionBlock = simple(d.EMAIL, "Email address", "mail")
PostcodeQuestionBlock = simple(d.POSTCODE, "UK postcode", "site")
YesNoQuestionBlock = simple(d.YES_NO, "Yes or no", "radio-full")
AreaQuestionBlock = simple(d.AREA, "Area (the council's districts)", "site")


class ConsentQuestionBlock(BaseQuestionBlock):
    question_type = d.CONSENT

    class Meta:
        icon = "tick"
        label = "Consent checkbox"


def _set_fixed_options(type_, preset):
    def extend(self, question, value):
        question.options = preset(question.easy_read)

    return extend


YesNoQuestionBlock.extend_question = _set_fixed_options(d.YES_NO, d.yes_no)
AreaQuestionBlock.extend_question = _set_fixed_options(d.AREA, d.districts)


QUESTION_BLOCKS = [
    (d.SHORT_TEXT, ShortTextQuestionBlock()),
    (d.LONG_TEXT, LongTextQuestionBlock()),
    (d.SINGLE_CHOICE, SingleChoiceQuestionBlock()),
    (d.MULTIPLE_CHOICE, MultipleChoiceQuestionBlock()),
    (d.DROPDOWN, DropdownQuestionBlock()),
    (d.AGREEMENT, AgreementQuestionBlock()),
    (d.GRID, GridQuestionBlock()),
    (d.RANKING, RankingQuestionBlock()),
    (d.NUMBER, NumberQuestionBlock()),
    (d.DATE, DateQuestionBlock()),
    (d.EMAIL, EmailQuestionBlock()),
    (d.POSTCODE, PostcodeQuestionBlock()),
    (d.YES_NO, YesNoQuestionBlock()),
    (d.AREA, AreaQuestionBlock()),
    (d.CONSENT, ConsentQuestionBlock()),
]


class SectionBlock(EasyReadLayoutMixin, blocks.StructBlock):
    key = KeyBlock(help_text="A short name for this section that never changes, e.g. priorities.")
    title = blocks.CharBlock(max_length=150, help_text="Shown as the page heading.")
    intro = blocks.TextBlock(
        required=False, default="", help_text="Optional words under the heading."
    )
    show_if_question = condition_fields()[0][1]
    show_if_option = condition_fields()[1][1]
    easy_read_title = easy_read_text("The section's heading in Easy Read.", 150)
    easy_read_intro = easy_read_text(
        "Words under the heading in Easy Read: one or two short sentences.", multiline=True
    )
    questions = blocks.StreamBlock(QUESTION_BLOCKS, min_num=1)

    class Meta:
        icon = "form"
        label = "Section"

    def clean(self, value):
        value = super().clean(value)
        check_condition_pair(value)
        return value


class SurveyBlock(blocks.StreamBlock):
    section = SectionBlock()

    def clean(self, value):
        value = super().clean(value)
        errors = survey_structure_errors(survey_from_stream(value))
        if errors:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ErrorList([ValidationError(message) for message in errors])
            )
        return value


# From blocks to definitions --------------------------------------------------


def section_from_value(value, easy_read=False):
    condition = None
    if value.get("show_if_question") and value.get("show_if_option"):
        condition = d.Condition(value["show_if_question"], value["show_if_option"])
    questions = [
        child.block.to_question(child.value, easy_read=easy_read)
        for child in value.get("questions") or []
    ]
    section = d.Section(
        key=value["key"],
        title=value["title"],
        intro=value.get("intro") or "",
        questions=questions,
        condition=condition,
    )
    if easy_read:
        section.easy_read = True
        section.title = value.get("easy_read_title") or section.title
        section.intro = value.get("easy_read_intro") or section.intro
    return section


def survey_from_stream(stream, about_you=False, equality=False, easy_read=False):
    """The survey as residents answer it. With ``easy_read``, the same survey
    (same sections, keys, codes, conditions and rules) in its Easy Read words,
    falling back to the standard words wherever staff gave none."""
    sections = [section_from_value(child.value, easy_read) for child in stream or []]
    if about_you:
        sections.append(d.about_you_section(easy_read))
    if equality:
        sections.append(d.equality_section(easy_read))
    return d.Survey(sections, easy_read=easy_read)


def survey_structure_errors(survey):
    """Every problem with keys, codes and conditions, in words staff understand."""
    errors = []
    seen_sections = set()
    seen_questions = {}
    for section in survey.sections:
        if section.key in seen_sections:
            errors.append(f"Two sections have the key '{section.key}'. Give each its own key.")
        if section.key in d.RESERVED_KEYS and section.kind == "main":
            errors.append(f"The section key '{section.key}' is reserved: choose another.")
        seen_sections.add(section.key)
        if section.condition:
            errors.extend(
                _condition_errors(f"Section '{section.key}'", section.condition, seen_questions)
            )
        section_keys = set()
        for question in section.questions:
            where = f"Question '{question.key}'"
            if question.key in seen_questions:
                errors.append(
                    f"Two questions have the key '{question.key}'. Give each its own key."
                )
            if question.key in d.RESERVED_KEYS and section.kind == "main":
                errors.append(
                    f"The question key '{question.key}' is kept for the 'About you' and "
                    "equality questions: choose another."
                )
            codes = [option.code for option in question.options]
            duplicates = sorted({code for code in codes if codes.count(code) > 1})
            for code in duplicates:
                errors.append(f"{where} has two options with the code '{code}'.")
            if question.allow_other and d.OTHER_CODE in codes:
                errors.append(
                    f"{where} offers 'Other, please specify', so no option may have the code "
                    f"'{d.OTHER_CODE}'."
                )
            rows = [statement.code for statement in question.statements]
            for code in sorted({code for code in rows if rows.count(code) > 1}):
                errors.append(f"{where} has two statements with the code '{code}'.")
            if (
                question.type == d.NUMBER
                and question.min_value is not None
                and question.max_value is not None
                and question.min_value > question.max_value
            ):
                errors.append(f"{where}: the lowest number is more than the highest.")
            if question.condition:
                errors.extend(_condition_errors(where, question.condition, seen_questions))
                trigger = question.condition.question
                if trigger in section_keys and question.type not in d.REVEALABLE_TYPES:
                    errors.append(
                        f"{where} depends on an answer on the same page, so it is shown "
                        "under that answer: only short text, number, email, postcode and "
                        "dropdown questions fit there. Move it to a later section."
                    )
            seen_questions[question.key] = question
            section_keys.add(question.key)
    return errors


def _condition_errors(where, condition, earlier):
    trigger = earlier.get(condition.question)
    if trigger is None:
        return [
            f"{where} depends on '{condition.question}', which is not an earlier question. "
            "Conditions can only use questions that come before."
        ]
    if trigger.type not in d.SINGLE_VALUED_CHOICE_TYPES:
        return [
            f"{where} depends on '{condition.question}', which is not a single-choice "
            "question (radios, dropdown, agreement scale, yes/no or area)."
        ]
    if condition.option not in trigger.option_codes():
        return [
            f"{where} depends on '{condition.question}' being '{condition.option}', "
            "but that question has no option with that code."
        ]
    return []
