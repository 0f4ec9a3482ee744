"""The survey as staff build it (sections of questions, in the Wagtail admin)
and as residents answer it (``definitions.Survey``), and the rules about keys,
codes and conditions checked when a page is saved.

The questions a section may hold are the registry's types, in its order.
"""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks

from . import definitions as d
from .blocks import (
    KEY_PATTERN,
    EasyReadLayoutMixin,
    KeyBlock,
    check_condition_pair,
    condition_fields,
    easy_read_text,
)
from .keys import fill_keys
from .types import registry


def questions_block():
    """The StreamBlock of a section's questions: its children are the registry's
    blocks (the same dict, so a type registered later is there too)."""
    block = blocks.StreamBlock([], min_num=1)
    block.child_blocks = registry.blocks
    return block


class SectionBlock(EasyReadLayoutMixin, blocks.StructBlock):
    key = KeyBlock(
        required=False,
        help_text="A short name for this section that never changes, e.g. priorities. Leave it "
        "empty to have it made from the heading when you save.",
    )
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
    questions = questions_block()

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
        fill_keys(value)
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
        registry.get(child.block_type).to_question(child.value, easy_read=easy_read)
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


def survey_from_stream(stream, about_you=False, equality=False, easy_read=False, districts=None):
    """The survey as residents answer it. With ``easy_read``, the same survey
    (same sections, keys, codes, conditions and rules) in its Easy Read words,
    falling back to the standard words wherever staff gave none. ``districts``
    are the council's, (code, name) pairs, which area questions offer; None
    where the council is not known (the survey's structure is checked without
    them)."""
    sections = [section_from_value(child.value, easy_read) for child in stream or []]
    for section in sections:
        for question in section.questions:
            registry.type_of(question).for_council(question, districts or ())
    if about_you:
        sections.append(d.about_you_section(easy_read, districts or ()))
    if equality:
        sections.append(d.equality_section(easy_read))
    survey = d.Survey(sections, easy_read=easy_read)
    survey.districts_known = districts is not None
    return survey


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
            errors.extend(registry.type_of(question).structure_errors(question, where))
            if question.condition:
                errors.extend(_condition_errors(where, question.condition, seen_questions))
                trigger = question.condition.question
                if trigger in section_keys and not registry.type_of(question).revealable:
                    errors.append(
                        f"{where} depends on an answer on the same page, so it is shown "
                        "under that answer: only short text, number, email, postcode and "
                        "dropdown questions fit there. Move it to a later section."
                    )
            seen_questions[question.key] = question
            section_keys.add(question.key)
    return errors


def council_option(trigger, condition):
    """A condition on an area question may name any district: the council's
    districts are not known where the survey's structure is checked."""
    return trigger.type == "area" and bool(re.match(KEY_PATTERN, condition.option))


def _condition_errors(where, condition, earlier):
    trigger = earlier.get(condition.question)
    if trigger is None:
        return [
            f"{where} depends on '{condition.question}', which is not an earlier question. "
            "Conditions can only use questions that come before."
        ]
    if not registry.type_of(trigger).single_valued_choice:
        return [
            f"{where} depends on '{condition.question}', which is not a single-choice "
            "question (radios, dropdown, agreement scale, yes/no or area)."
        ]
    if condition.option not in trigger.option_codes() and not council_option(trigger, condition):
        return [
            f"{where} depends on '{condition.question}' being '{condition.option}', "
            "but that question has no option with that code."
        ]
    return []
