"""Number questions: a whole number, within limits staff may set."""

import re

from django.utils.translation import gettext as _
from wagtail import blocks

from ..blocks import BaseQuestionBlock
from .base import Column, QuestionType


class NumberQuestionBlock(BaseQuestionBlock):
    min_value = blocks.IntegerBlock(required=False)
    max_value = blocks.IntegerBlock(required=False)

    class Meta:
        icon = "plus-inverse"
        label = "Number"


class Number(QuestionType):
    name = "number"
    block_class = NumberQuestionBlock
    revealable = True
    summary_template = "consultations/admin/summary/number.html"

    def extend_question(self, question, value):
        question.min_value = value.get("min_value")
        question.max_value = value.get("max_value")

    def structure_errors(self, question, where):
        if (
            question.min_value is not None
            and question.max_value is not None
            and question.min_value > question.max_value
        ):
            return [f"{where}: the lowest number is more than the highest."]
        return []

    def clean(self, form, question):
        value = form.first(question.key).strip().replace(",", "")
        if not value:
            if question.required:
                form.add_error(
                    question.key,
                    self.required_message(
                        question,
                        form.say(
                            _("Enter a number for: %(label)s") % {"label": question.label},
                            _("Please write a number"),
                        ),
                    ),
                )
            return
        if not re.fullmatch(r"-?[0-9]{1,12}", value):
            form.add_error(
                question.key,
                form.say(
                    _("Enter a whole number, like 12"), _("Please write a whole number, like 12")
                ),
            )
            return
        number = int(value)
        if question.min_value is not None and number < question.min_value:
            form.add_error(
                question.key,
                form.say(
                    _("Enter a number that is %(min)s or more"),
                    _("Please write a number that is %(min)s or more"),
                )
                % {"min": question.min_value},
            )
            return
        if question.max_value is not None and number > question.max_value:
            form.add_error(
                question.key,
                form.say(
                    _("Enter a number that is %(max)s or less"),
                    _("Please write a number that is %(max)s or less"),
                )
                % {"max": question.max_value},
            )
            return
        form.cleaned[question.key] = number

    def answer_rows(self, question, value, other_text=""):
        return [self.row(question, number=value)]

    def from_rows(self, question, rows):
        return rows[0].number, ""

    def random_answer(self, question, rng):
        low = question.min_value if question.min_value is not None else 0
        high = question.max_value if question.max_value is not None else max(low, 0) + 100
        return rng.randint(low, high), ""

    def summarise(self, question, summary, item):
        if not item.enough_answered:
            return  # too few answers for an average or a range
        stats = summary.stats(question.key)
        # To one decimal place: a finer average of whole numbers could tell
        # how many answered.
        average = stats.get("average")
        item.average = None if average is None else round(average, 1)
        item.minimum, item.maximum = stats.get("lowest"), stats.get("highest")

    def figure_rows(self, item, out):
        yield out.row(item, "average", "" if item.average is None else item.average)
        yield out.row(item, "lowest", "" if item.minimum is None else item.minimum)
        yield out.row(item, "highest", "" if item.maximum is None else item.maximum)

    def export_columns(self, question):
        return [
            Column(
                question.key,
                question,
                str(question.label),
                read=lambda s: "" if s.value is None else s.value,
            )
        ]
