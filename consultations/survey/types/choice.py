"""Questions answered by choosing from a list: radios, checkboxes, a dropdown,
the agreement scale, yes or no, and the council's areas."""

from django.utils.translation import gettext as _
from wagtail import blocks

from .. import definitions as d
from ..blocks import (
    BaseQuestionBlock,
    easy_read_other_field,
    option_list,
    options_from_values,
    other_fields,
)
from .base import Column, QuestionType, option_display

OTHER_SAMPLES = ["A choir", "Allotments", "Litter picking", "A food bank"]

# Agreement scores: 5 for strongly agree down to 1; "don't know" is left out.
AGREEMENT_SCORES = {
    "strongly_agree": 5,
    "agree": 4,
    "neither": 3,
    "disagree": 2,
    "strongly_disagree": 1,
}


def average_score(counts):
    """The mean agreement score (5 strongly agree to 1 strongly disagree)."""
    scored = [(AGREEMENT_SCORES[code], n) for code, n in counts.items() if code in AGREEMENT_SCORES]
    people = sum(n for _score, n in scored)
    if not people:
        return None
    return round(sum(score * n for score, n in scored) / people, 2)


def uses_agreement_scale(question):
    return {o.code for o in question.options} >= set(AGREEMENT_SCORES)


def other_column(question):
    return Column(
        f"{question.key}:other_text",
        question,
        f"{question.label}: other, please specify",
        read=lambda s: s.other_text,
    )


class ChoiceType(QuestionType):
    print_template = "components/survey/print/tick_boxes.html"

    """What every question answered from a list of options shares."""

    countable = True
    summary_template = "consultations/admin/summary/figures.html"

    def input_names(self, question):
        names = [question.key]
        if question.allow_other:
            names.append(f"{question.key}__other")
        return names

    def answer_codes(self, question):
        return question.option_codes()

    def option_pairs(self, form, question):
        pairs = [(o.code, o.label, o.picture) for o in question.options]
        if question.allow_other:
            other = question.other_label or form.say(_("Other"), _("Something else"))
            pairs.append((d.OTHER_CODE, other, None))
        return pairs

    def display(self, form, question, errors, nested):
        item = super().display(form, question, errors, nested)
        item["options"] = option_display(
            form, question, errors, nested, self.option_pairs(form, question)
        )
        return item

    def clean_other(self, form, question):
        name = f"{question.key}__other"
        text = form.first(name).strip()
        if not text:
            form.add_error(
                name,
                form.say(_("Enter what your other answer is"), _("Please write your other answer")),
            )
        elif len(text) > d.OTHER_TEXT_MAX or "\x00" in text:
            form.add_error(name, self.too_long(form, d.OTHER_TEXT_MAX))
        else:
            form.other_text[question.key] = text

    def option_words(self, question, code, other_text):
        line = str(question.option_label(code))
        if code == d.OTHER_CODE and other_text:
            line = f"{line}: {other_text}"
        return line

    def summarise(self, question, summary, item):
        counts = summary.counts(question.key)
        item.figures = [
            summary.figure(code, question.option_label(code), counts.get(code, 0), item.answered)
            for code in question.option_codes()
        ]
        item.other_answers = summary.others(question.key)
        if self.single_valued_choice:
            summary.protect_group(item.figures, item.answered_figure)

    def random_other(self, rng):
        return rng.choice(OTHER_SAMPLES)


class SingleValuedChoice(ChoiceType):
    """One option picked from the list (radios or a dropdown)."""

    single_valued_choice = True

    def select_message(self, form, question):
        return form.say(
            _("Select an answer for: %(label)s") % {"label": question.label},
            _("Please choose one answer"),
        )

    def clean(self, form, question):
        value = form.first(question.key)
        if not value:
            if question.required:
                form.add_error(
                    question.key,
                    self.required_message(question, self.select_message(form, question)),
                )
            return
        if value not in question.option_codes():
            form.add_error(question.key, self.not_an_option(form))
            return
        form.cleaned[question.key] = value
        if value == d.OTHER_CODE and question.allow_other:
            self.clean_other(form, question)

    def answer_rows(self, question, value, other_text=""):
        text = other_text if value == d.OTHER_CODE else ""
        return [self.row(question, option_code=value, text=text)]

    def from_rows(self, question, rows):
        row = rows[0]
        return row.option_code, row.text if row.option_code == d.OTHER_CODE else ""

    def words(self, question, value, other_text=""):
        return [self.option_words(question, value, other_text)]

    def export_columns(self, question):
        columns = [Column(question.key, question, str(question.label), read=lambda s: s.value)]
        if question.allow_other:
            columns.append(other_column(question))
        return columns

    def random_answer(self, question, rng):
        code = rng.choice(question.option_codes())
        return code, self.random_other(rng) if code == d.OTHER_CODE else ""


class FixedOptionsMixin:
    """Options from a preset list (in Easy Read words for the Easy Read survey)."""

    preset = None

    def extend_question(self, question, value):
        question.options = type(self).preset(question.easy_read)


class OptionsMixin:
    """Options staff list, with "Other, please specify" where the type offers it."""

    def extend_question(self, question, value):
        question.options = options_from_values(value.get("options"), question.easy_read)
        if self.offers_other:
            question.allow_other = bool(value.get("allow_other"))
            question.other_label = value.get("other_label") or ""
            if question.easy_read:
                question.other_label = value.get("easy_read_other_label") or question.other_label


class SingleChoiceQuestionBlock(BaseQuestionBlock):
    options = option_list()
    allow_other, other_label = other_fields()
    easy_read_other_label = easy_read_other_field()

    class Meta:
        icon = "radio-full"
        label = "Single choice (radios)"


class SingleChoice(OptionsMixin, SingleValuedChoice):
    name = "single_choice"
    block_class = SingleChoiceQuestionBlock
    offers_other = True


class MultipleChoiceQuestionBlock(BaseQuestionBlock):
    options = option_list()
    allow_other, other_label = other_fields()
    easy_read_other_label = easy_read_other_field()
    max_choices = blocks.IntegerBlock(
        required=False, min_value=1, help_text="Optional: the most options a resident may tick."
    )

    class Meta:
        icon = "tick-inverse"
        label = "Multiple choice (checkboxes)"


class MultipleChoice(OptionsMixin, ChoiceType):
    name = "multiple_choice"
    block_class = MultipleChoiceQuestionBlock
    offers_other = True

    def extend_question(self, question, value):
        super().extend_question(question, value)
        question.max_choices = value.get("max_choices") or None

    def clean(self, form, question):
        values = [v for v in form.raw.get(question.key) or [] if v]
        if not values:
            if question.required:
                form.add_error(
                    question.key,
                    self.required_message(
                        question,
                        form.say(
                            _("Select at least one answer for: %(label)s")
                            % {"label": question.label},
                            _("Please choose at least one answer"),
                        ),
                    ),
                )
            return
        codes = question.option_codes()
        if any(v not in codes for v in values) or len(set(values)) != len(values):
            form.add_error(
                question.key,
                form.say(
                    _("Select only the options given"), _("Please choose only the answers here")
                ),
            )
            return
        if question.max_choices and len(values) > question.max_choices:
            form.add_error(
                question.key,
                form.say(
                    _("Select no more than %(max)s answers"),
                    _("Please choose %(max)s answers or fewer"),
                )
                % {"max": question.max_choices},
            )
            return
        form.cleaned[question.key] = [code for code in codes if code in values]
        if d.OTHER_CODE in values and question.allow_other:
            self.clean_other(form, question)

    def answer_rows(self, question, value, other_text=""):
        return [
            self.row(question, option_code=code, text=other_text if code == d.OTHER_CODE else "")
            for code in value
        ]

    def from_rows(self, question, rows):
        other = next((row.text for row in rows if row.option_code == d.OTHER_CODE), "")
        return [row.option_code for row in rows], other

    def words(self, question, value, other_text=""):
        return [self.option_words(question, code, other_text) for code in value]

    def export_columns(self, question):
        key, label = question.key, str(question.label)
        columns = [
            Column(
                f"{key}:{code}",
                question,
                f"{label}: {question.option_label(code)}",
                read=lambda s, code=code: 1 if code in s.value else "",
            )
            for code in question.option_codes()
        ]
        if question.allow_other:
            columns.append(other_column(question))
        return columns

    def random_answer(self, question, rng):
        codes = question.option_codes()
        most = min(question.max_choices or len(codes), len(codes))
        chosen = set(rng.sample(codes, rng.randint(1, most)))
        value = [code for code in codes if code in chosen]
        return value, self.random_other(rng) if d.OTHER_CODE in chosen else ""


class DropdownQuestionBlock(BaseQuestionBlock):
    options = option_list()

    class Meta:
        icon = "list-ul"
        label = "Dropdown"


class Dropdown(OptionsMixin, SingleValuedChoice):
    name = "dropdown"
    block_class = DropdownQuestionBlock
    revealable = True


class AgreementQuestionBlock(BaseQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = "Agreement scale"


class Agreement(FixedOptionsMixin, SingleValuedChoice):
    name = "agreement"
    block_class = AgreementQuestionBlock
    preset = d.agreement_scale

    def summarise(self, question, summary, item):
        super().summarise(question, summary, item)
        # From the published counts, so that it reveals no hidden one.
        item.average = average_score({f.code: f.shown or 0 for f in item.figures})


class YesNoQuestionBlock(BaseQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = "Yes or no"


class YesNo(FixedOptionsMixin, SingleValuedChoice):
    name = "yes_no"
    block_class = YesNoQuestionBlock
    preset = d.yes_no


class AreaQuestionBlock(BaseQuestionBlock):
    class Meta:
        icon = "site"
        label = "Area (the council's districts)"


class Area(SingleValuedChoice):
    """The council's districts and somewhere else: the options are the
    districts of the council whose consultation asks (Council details)."""

    name = "area"
    block_class = AreaQuestionBlock

    def extend_question(self, question, value):
        question.options = d.districts(question.easy_read)

    def for_council(self, question, districts):
        question.options = d.districts(question.easy_read, districts)

    def select_message(self, form, question):
        return form.say(_("Select an area"), _("Please choose a place"))
