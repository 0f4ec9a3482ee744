"""Ranking questions: residents number the options in order."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.validators import whole_number

from ..blocks import BaseQuestionBlock, option_list, options_from_values
from .base import Column, QuestionType, field_id


class RankingQuestionBlock(BaseQuestionBlock):
    options = option_list()

    class Meta:
        icon = "order"
        label = "Ranking"


class Ranking(QuestionType):
    name = "ranking"
    print_template = "components/survey/print/numbered.html"
    block_class = RankingQuestionBlock
    countable = True
    summary_template = "consultations/admin/summary/ranking.html"

    def extend_question(self, question, value):
        question.options = options_from_values(value.get("options"), question.easy_read)

    def input_names(self, question):
        return [f"{question.key}__{o.code}" for o in question.options]

    def first_input(self, question):
        names = self.input_names(question)
        return names[0] if names else question.key

    def clean(self, form, question):
        ranks = {}
        count = len(question.options)
        first_name = f"{question.key}__{question.options[0].code}" if question.options else ""
        for option in question.options:
            value = form.first(f"{question.key}__{option.code}").strip()
            if not value:
                continue
            rank = whole_number(value, max_digits=4)
            if rank is None or not 1 <= rank <= count:
                form.add_error(
                    first_name,
                    form.say(
                        _("Choose a number from the list for each item"),
                        _("Please choose a number from the list for each one"),
                    ),
                )
                return
            ranks[option.code] = rank
        if question.required and len(ranks) < count:
            form.add_error(
                first_name,
                self.required_message(
                    question,
                    form.say(
                        _("Give every item a number for: %(label)s") % {"label": question.label},
                        _("Please give each one a number"),
                    ),
                ),
            )
            return
        if len(set(ranks.values())) != len(ranks):
            form.add_error(
                first_name,
                form.say(
                    _("Give each item a different number"),
                    _("Please give each one a different number"),
                ),
            )
            return
        if ranks:
            form.cleaned[question.key] = ranks

    def display(self, form, question, errors, nested):
        item = super().display(form, question, errors, nested)
        key = question.key
        item["error"] = errors.get(self.first_input(question), "")
        item["numbers"] = [str(n) for n in range(1, len(question.options) + 1)]
        item["items"] = [
            {
                "label": option.label,
                "picture": option.picture,
                "name": f"{key}__{option.code}",
                "id": field_id(f"{key}__{option.code}"),
                "value": form.first(f"{key}__{option.code}"),
            }
            for option in question.options
        ]
        return item

    def answer_rows(self, question, value, other_text=""):
        return [self.row(question, option_code=code, number=rank) for code, rank in value.items()]

    def from_rows(self, question, rows):
        return {row.option_code: row.number for row in rows}, ""

    def words(self, question, value, other_text=""):
        return [
            f"{rank}. {question.option_label(code)}"
            for code, rank in sorted(value.items(), key=lambda item: item[1] or 0)
        ]

    def answer_codes(self, question):
        return question.option_codes()

    def random_answer(self, question, rng):
        codes = [o.code for o in question.options]
        order = rng.sample(codes, len(codes))
        return {code: order.index(code) + 1 for code in codes}, ""

    def headline_chosen(self, codes):
        return Q(option_code__in=codes, number=1)  # ranked first

    def summarise(self, question, summary, item):
        ranks = summary.ranks(question.key)
        places = len(question.options)
        for option in question.options:
            true_ranks = ranks.get(option.code, {})
            ranked = sum(true_ranks.values())
            # Scores from the published count of each place, so that they
            # reveal no hidden count.
            by_rank = {rank: summary.shown(n) for rank, n in true_ranks.items() if rank}
            places_shown = sum(by_rank.values())
            # Rank score: a first place earns as many points as there are
            # options, the last place one point.
            score = sum((places - rank + 1) * n for rank, n in by_rank.items())
            average = (
                round(sum(rank * n for rank, n in by_rank.items()) / places_shown, 2)
                if places_shown and summary.numbers.shown(ranked)
                else None
            )
            item.figures.append(
                summary.figure(
                    option.code,
                    option.label,
                    true_ranks.get(1, 0),
                    item.answered,
                    extra={
                        "score": score,
                        "average_rank": average,
                        "ranked": summary.numbers.text(ranked),
                    },
                )
            )
        item.figures.sort(key=lambda f: -f.extra["score"])

    def figure_rows(self, item, out):
        for figure in item.figures:
            yield out.row(item, "rank score", figure.extra["score"], figure=figure)
            yield out.row(item, "average rank", figure.extra["average_rank"] or "", figure=figure)
            yield out.row(item, "ranked first", figure.display, figure=figure)
            yield out.row(item, "ranked at all", figure.extra["ranked"], figure=figure)

    def export_columns(self, question):
        key, label = question.key, str(question.label)
        return [
            Column(
                f"{key}:{option.code}",
                question,
                f"{label}: {option.label} (rank)",
                read=lambda s, code=option.code: _blank_if_none(s.value.get(code)),
            )
            for option in question.options
        ]


def _blank_if_none(value):
    return "" if value is None else value
