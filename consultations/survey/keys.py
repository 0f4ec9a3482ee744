"""Keys and option codes made from the wording, for staff who leave them empty.

A question's key, a section's key and an option's code are filled in when the
survey is saved, from the question, heading or option as staff wrote it
("How far do you agree with priority 1?" becomes ``how_far_do_you_agree_with_priority_1``),
unique in the survey (or in the question, for codes). They stay editable until
the first answer arrives; after that ``validation.locked_survey_problems``
refuses a change, as for keys typed by hand.
"""

import re

from django.utils.text import slugify
from wagtail import blocks

from .blocks import KEY_PATTERN, OptionBlock
from .definitions import OTHER_CODE, RESERVED_KEYS

MAX_LENGTH = 40


def key_from_words(words, fallback):
    """A key that fits ``KEY_PATTERN``, from words in any script (``fallback``
    where nothing of them is a Latin letter or digit)."""
    key = re.sub(r"[-_]+", "_", slugify(words or "")).strip("_")
    if len(key) > MAX_LENGTH:
        cut = key[: MAX_LENGTH + 1]
        key = cut.rsplit("_", 1)[0] if "_" in cut else cut[:MAX_LENGTH]
    if key and not key[0].isalpha():
        key = f"{fallback.split('_')[0]}_{key}"
    if not re.match(KEY_PATTERN, key or ""):
        key = fallback
    return key


def unique(key, taken):
    candidate, number = key, 2
    while candidate in taken:
        candidate = f"{key}_{number}"
        number += 1
    taken.add(candidate)
    return candidate


def option_lists(block, value):
    """The option-like lists of one question (options, statements), as values."""
    for name, child in block.child_blocks.items():
        if isinstance(child, blocks.ListBlock) and isinstance(child.child_block, OptionBlock):
            yield value.get(name) or []


def fill_codes(block, value):
    for options in option_lists(block, value):
        taken = {option["code"] for option in options if option.get("code")}
        if value.get("allow_other"):
            taken.add(OTHER_CODE)
        for number, option in enumerate(options, start=1):
            if not option.get("code"):
                option["code"] = unique(
                    key_from_words(option.get("label"), f"option_{number}"), taken
                )


def fill_keys(stream):
    """Fill in every empty key and code of a survey's stream value, in place."""
    section_keys = {child.value["key"] for child in stream if child.value.get("key")}
    question_keys = set(RESERVED_KEYS) | {
        question.value["key"]
        for child in stream
        for question in child.value.get("questions") or []
        if question.value.get("key")
    }
    question_number = 0
    for number, child in enumerate(stream, start=1):
        section = child.value
        if not section.get("key"):
            section["key"] = unique(
                key_from_words(section.get("title"), f"section_{number}"),
                section_keys | set(RESERVED_KEYS),
            )
            section_keys.add(section["key"])
        for question in section.get("questions") or []:
            question_number += 1
            value = question.value
            if not value.get("key"):
                value["key"] = unique(
                    key_from_words(value.get("label"), f"question_{question_number}"),
                    question_keys,
                )
            fill_codes(question.block, value)


def condition_choices():
    """For the survey builder's "show only if" suggestions: each question type
    a condition may depend on (single-choice ones), with its fixed options
    (agreement scale, yes/no, areas) or none where staff write the options."""
    from .types import registry

    choices = {}
    for name, block in registry.blocks.items():
        question_type = registry.get(name)
        if not question_type.single_valued_choice:
            continue
        editable = any(True for _ in option_lists(block, dict.fromkeys(block.child_blocks, [])))
        options = []
        if not editable:
            question = question_type.to_question(block.to_python({"key": "k", "label": "k"}))
            options = [[option.code, str(option.label)] for option in question.options]
        choices[name] = {"options": options}
    return choices
