"""Date questions: day, month and year in three boxes (GOV.UK date input)."""

import datetime

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from ..blocks import BaseQuestionBlock
from .base import Column, QuestionType, field_id


class DateQuestionBlock(BaseQuestionBlock):
    class Meta:
        icon = "date"
        label = "Date"


PARTS = ("day", "month", "year")


class Date(QuestionType):
    name = "date"
    print_template = "components/survey/print/date.html"
    block_class = DateQuestionBlock
    summary_template = "consultations/admin/summary/date.html"

    def input_names(self, question):
        return [f"{question.key}__{part}" for part in PARTS]

    def first_input(self, question):
        # The day box has the question's own id, so links to the key land on it.
        return question.key

    def clean(self, form, question):
        parts = [form.first(f"{question.key}__{part}").strip() for part in PARTS]
        if not any(parts):
            if question.required:
                form.add_error(
                    question.key,
                    self.required_message(
                        question,
                        form.say(
                            _("Enter a date for: %(label)s") % {"label": question.label},
                            _("Please write a date"),
                        ),
                    ),
                )
            return
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1000:
                raise ValueError
            form.cleaned[question.key] = datetime.date(year, month, day)
        except ValueError:
            form.add_error(
                question.key,
                form.say(
                    _("Enter a real date with a day, month and year, like 27 3 2024"),
                    _("Please write a real date, like 27 3 2024"),
                ),
            )

    def display(self, form, question, errors, nested):
        item = super().display(form, question, errors, nested)
        key = question.key
        item["parts"] = [
            {
                "name": f"{key}__{part}",
                "id": field_id(key) if part == "day" else field_id(f"{key}__{part}"),
                "label": label,
                "value": form.first(f"{key}__{part}"),
                "width": width,
            }
            for part, label, width in (
                ("day", _("Day"), 2),
                ("month", _("Month"), 2),
                ("year", _("Year"), 4),
            )
        ]
        return item

    def answer_rows(self, question, value, other_text=""):
        return [self.row(question, date=value)]

    def from_rows(self, question, rows):
        return rows[0].date, ""

    def words(self, question, value, other_text=""):
        if value is None:
            return []
        return [f"{value.day} {MONTHS[value.month]} {value.year}"]

    def random_answer(self, question, rng):
        return datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3650)), ""

    def summarise(self, question, summary, item):
        if not item.enough_answered:
            return  # too few answers for a range
        stats = summary.stats(question.key)
        item.minimum, item.maximum = stats.get("earliest"), stats.get("latest")

    def figure_rows(self, item, out):
        yield out.row(item, "lowest", "" if item.minimum is None else item.minimum)
        yield out.row(item, "highest", "" if item.maximum is None else item.maximum)

    def export_columns(self, question):
        return [Column(question.key, question, str(question.label), read=lambda s: s.value)]
