"""The blocks staff build a survey with in the Wagtail admin.

Keys and option codes are RegexBlocks: wagtail-localize never offers them to
translators and copies them from the source page on every sync, so every
language stores the same keys. Labels, hints and option labels are Char/Text
blocks, which translators are offered.
"""

import uuid

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks

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


class OptionBlock(blocks.StructBlock):
    code = KeyBlock(help_text="The option's stable code, for example strongly_agree.")
    label = blocks.CharBlock(max_length=250, help_text="What residents see.")

    class Meta:
        icon = "radio-full"


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


class BaseQuestionBlock(blocks.StructBlock):
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

    class Meta:
        icon = "help"

    def clean(self, value):
        value = super().clean(value)
        check_condition_pair(value)
        return value

    def to_question(self, value):
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
        question.options = [d.Option(o["code"], o["label"]) for o in value.get("options") or []]
        question.allow_other = bool(value.get("allow_other"))
        question.other_label = value.get("other_label") or ""


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


class SingleChoiceQuestionBlock(OtherMixin, BaseQuestionBlock):
    question_type = d.SINGLE_CHOICE
    options = option_list()
    allow_other, other_label = other_fields()

    class Meta:
        icon = "radio-full"
        label = "Single choice (radios)"


class MultipleChoiceQuestionBlock(OtherMixin, BaseQuestionBlock):
    question_type = d.MULTIPLE_CHOICE
    options = option_list()
    allow_other, other_label = other_fields()
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
        question.options = [d.Option(o["code"], o["label"]) for o in value.get("options") or []]


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
        question.options = d.options(d.AGREEMENT_SCALE)


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
        question.statements = [
            d.Option(o["code"], o["label"]) for o in value.get("statements") or []
        ]
        custom = [d.Option(o["code"], o["label"]) for o in value.get("options") or []]
        question.options = custom or d.options(d.AGREEMENT_SCALE)


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


def _set_fixed_options(type_, pairs):
    def extend(self, question, value):
        question.options = d.options(pairs)

    return extend


YesNoQuestionBlock.extend_question = _set_fixed_options(d.YES_NO, d.YES_NO_OPTIONS)
AreaQuestionBlock.extend_question = _set_fixed_options(d.AREA, d.DISTRICTS)


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


class SectionBlock(blocks.StructBlock):
    key = KeyBlock(help_text="A short name for this section that never changes, e.g. priorities.")
    title = blocks.CharBlock(max_length=150, help_text="Shown as the page heading.")
    intro = blocks.TextBlock(
        required=False, default="", help_text="Optional words under the heading."
    )
    show_if_question = condition_fields()[0][1]
    show_if_option = condition_fields()[1][1]
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


def section_from_value(value):
    condition = None
    if value.get("show_if_question") and value.get("show_if_option"):
        condition = d.Condition(value["show_if_question"], value["show_if_option"])
    questions = [child.block.to_question(child.value) for child in value.get("questions") or []]
    return d.Section(
        key=value["key"],
        title=value["title"],
        intro=value.get("intro") or "",
        questions=questions,
        condition=condition,
    )


def survey_from_stream(stream, about_you=False, equality=False):
    sections = [section_from_value(child.value) for child in stream or []]
    if about_you:
        sections.append(d.about_you_section())
    if equality:
        sections.append(d.equality_section())
    return d.Survey(sections)


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


def with_block_ids(block, value, path="survey"):
    """Raw StreamField data with an id on every stream child and list item.

    Content written as raw data (demo content, imports) has no ids, and
    wagtail-localize needs them to find each translatable string. Missing ids
    are derived from the position and key, so loading the same content twice
    gives the same ids (and translations stay attached)."""

    def new_id(where):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"consultations:{where}"))

    if isinstance(block, blocks.StreamBlock):
        children = []
        for index, child in enumerate(value or []):
            if child.get("type") not in block.child_blocks:
                continue
            inner = child["value"]
            key = inner.get("key", "") if isinstance(inner, dict) else ""
            where = f"{path}/{index}:{child['type']}:{key}"
            children.append(
                {
                    "type": child["type"],
                    "value": with_block_ids(block.child_blocks[child["type"]], inner, where),
                    "id": child.get("id") or new_id(where),
                }
            )
        return children
    if isinstance(block, blocks.ListBlock):
        items = []
        for index, item in enumerate(value or []):
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                inner, item_id = item["value"], item.get("id")
            else:
                inner, item_id = item, None
            where = f"{path}/{index}"
            items.append(
                {
                    "type": "item",
                    "value": with_block_ids(block.child_block, inner, where),
                    "id": item_id or new_id(where),
                }
            )
        return items
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: with_block_ids(block.child_blocks[name], child, f"{path}.{name}")
            if name in block.child_blocks
            else child
            for name, child in value.items()
        }
    return value
