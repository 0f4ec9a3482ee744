"""Consent questions: one box to tick, stored as the option code "yes"."""

from django.utils.translation import gettext as _

from ..blocks import BaseQuestionBlock
from .base import Column, QuestionType

TICKED = "yes"


class ConsentQuestionBlock(BaseQuestionBlock):
    class Meta:
        icon = "tick"
        label = "Consent checkbox"


class Consent(QuestionType):
    name = "consent"
    print_template = "components/survey/print/tick_boxes.html"
    block_class = ConsentQuestionBlock
    countable = True
    summary_template = "consultations/admin/summary/figures.html"

    def clean(self, form, question):
        value = form.first(question.key)
        if value == TICKED:
            form.cleaned[question.key] = True
        elif value:
            form.add_error(question.key, self.not_an_option(form))
        elif question.required:
            form.add_error(
                question.key,
                self.required_message(
                    question,
                    form.say(
                        _("Tick the box to give your consent"),
                        _("Please tick the box if you agree"),
                    ),
                ),
            )

    def display(self, form, question, errors, nested):
        item = super().display(form, question, errors, nested)
        item["checked"] = item["value"] == TICKED
        return item

    def answer_rows(self, question, value, other_text=""):
        return [self.row(question, option_code=TICKED)]

    def from_rows(self, question, rows):
        return True, ""

    def words(self, question, value, other_text=""):
        return [_("Yes, I agree")]

    def answer_codes(self, question):
        return [TICKED]

    def random_answer(self, question, rng):
        return True, ""

    def summarise(self, question, summary, item):
        counts = summary.counts(question.key)
        item.figures = [summary.figure(TICKED, "Agreed", counts.get(TICKED, 0), summary.total)]

    def export_columns(self, question):
        return [Column(question.key, question, str(question.label), read=lambda s: TICKED)]
