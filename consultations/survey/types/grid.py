"""Grid questions: several statements, each answered on the same scale."""

from django.utils.translation import gettext as _
from wagtail import blocks

from .. import definitions as d
from ..blocks import BaseQuestionBlock, OptionBlock, option_list, options_from_values
from .base import Column, QuestionType, field_id
from .choice import average_score, uses_agreement_scale


class GridQuestionBlock(BaseQuestionBlock):
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


class Grid(QuestionType):
    name = "grid"
    print_template = "components/survey/print/statements.html"
    block_class = GridQuestionBlock
    countable = True
    has_statements = True
    summary_template = "consultations/admin/summary/grid.html"

    def extend_question(self, question, value):
        question.statements = options_from_values(value.get("statements"), question.easy_read)
        custom = options_from_values(value.get("options"), question.easy_read)
        question.options = custom or d.agreement_scale(question.easy_read)

    def structure_errors(self, question, where):
        rows = [statement.code for statement in question.statements]
        return [
            f"{where} has two statements with the code '{code}'."
            for code in sorted({code for code in rows if rows.count(code) > 1})
        ]

    def input_names(self, question):
        return [f"{question.key}__{s.code}" for s in question.statements]

    def first_input(self, question):
        names = self.input_names(question)
        return names[0] if names else question.key

    def clean(self, form, question):
        answers = {}
        codes = [o.code for o in question.options]
        for statement in question.statements:
            name = f"{question.key}__{statement.code}"
            value = form.first(name)
            if not value:
                if question.required:
                    form.add_error(
                        name,
                        question.error_message
                        or form.say(
                            _("Select an answer for: %(statement)s"),
                            _("Please choose one answer for: %(statement)s"),
                        )
                        % {"statement": statement.label},
                    )
                continue
            if value not in codes:
                form.add_error(name, self.not_an_option(form))
                continue
            answers[statement.code] = value
        if answers and not any(name in form.errors for name in self.input_names(question)):
            form.cleaned[question.key] = answers

    def display(self, form, question, errors, nested):
        item = super().display(form, question, errors, nested)
        item["statements"] = []
        for statement in question.statements:
            name = f"{question.key}__{statement.code}"
            chosen = form.first(name)
            item["statements"].append(
                {
                    "label": statement.label,
                    "picture": statement.picture,
                    "name": name,
                    "id": field_id(name),
                    "error": errors.get(name, ""),
                    "options": [
                        {
                            "code": option.code,
                            "label": option.label,
                            "picture": option.picture,
                            "id": field_id(name) if i == 1 else f"{field_id(name)}-{i}",
                            "checked": option.code == chosen,
                        }
                        for i, option in enumerate(question.options, start=1)
                    ],
                }
            )
        return item

    def answer_rows(self, question, value, other_text=""):
        return [
            self.row(question, item_key=statement, option_code=code)
            for statement, code in value.items()
        ]

    def from_rows(self, question, rows):
        return {row.item_key: row.option_code for row in rows}, ""

    def words(self, question, value, other_text=""):
        labels = {s.code: s.label for s in question.statements}
        return [
            f"{labels.get(code, code)}: {question.option_label(answer)}"
            for code, answer in value.items()
        ]

    def answer_codes(self, question):
        return question.option_codes()

    def random_answer(self, question, rng):
        codes = [o.code for o in question.options]
        return {s.code: rng.choice(codes) for s in question.statements}, ""

    def summarise(self, question, summary, item):
        for statement in question.statements:
            counts = summary.counts(question.key, statement.code)
            answered = summary.answered_item(question.key, statement.code)
            figures = [
                summary.figure(o.code, o.label, counts.get(o.code, 0), answered)
                for o in question.options
            ]
            item.statement_answered[statement.code] = whole = summary.figure(
                statement.code, statement.label, answered, answered
            )
            summary.protect_group(figures, whole)
            # The average from the published counts, so that it reveals no hidden one.
            shown = {f.code: f.shown or 0 for f in figures}
            average = average_score(shown) if uses_agreement_scale(question) else None
            item.statements.append((statement, figures, average))

    def figure_rows(self, item, out):
        for statement, figures, average in item.statements:
            answered = item.statement_answered[statement.code]
            yield out.row(item, "answered", answered.display, statement.label)
            yield from out.figures(item, figures, statement.label)
            if average is not None:
                yield out.row(item, "average score (5 to 1)", average, statement.label)

    def export_columns(self, question):
        key, label = question.key, str(question.label)
        return [
            Column(
                f"{key}:{statement.code}",
                question,
                f"{label}: {statement.label}",
                read=lambda s, item=statement.code: s.value.get(item, ""),
            )
            for statement in question.statements
        ]
