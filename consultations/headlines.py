"""'You said': the headline figures of "We asked, you said, we did", counted
live from the stored answers.

Staff choose each figure in the page's "Results headlines": a question key, a
grid statement's code where the question is a grid, and the option codes to
count together. A figure is the share of the people who answered that question
(or statement) who chose one of those options, across every language and the
Easy Read version (answers are stored by keys, under the consultation's
translation key). Wording comes from the page in the resident's language.

Figures are published as the officers' are (``figures.SmallNumbers``): counts
rounded to the nearest 5, shares of the rounded counts, a count under the
threshold shown as "fewer than 10" without a share, and a figure that fewer
than the threshold answered left out. A preview never counts: editors see
sample figures (``sample_figures``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from .figures import SmallNumbers
from .models.responses import Answer
from .survey.structure import survey_from_stream
from .survey.types import registry


def codes_of(value):
    return [code.strip() for code in (value.get("option_codes") or "").split(",") if code.strip()]


def valid_codes(question):
    return registry.type_of(question).headline_codes(question)


@dataclass
class HeadlineFigure:
    question: str  # "We asked": the question's label in the resident's language
    statement: str  # a grid statement's label, or ""
    description: str
    count: int  # who chose one of the options
    total: int  # who answered the question (or statement)
    numbers: SmallNumbers = field(default_factory=SmallNumbers)

    @property
    def shown(self):
        """The count as published, or None where it is small."""
        return self.numbers.shown(self.count)

    @property
    def shown_total(self):
        return self.numbers.shown(self.total)

    @property
    def percent(self):
        """The share of the rounded total, from the rounded count; None where
        either is hidden."""
        return self.numbers.share(self.count, self.total)

    @property
    def percent_text(self):
        if self.percent is None:
            # Translators: instead of a percentage where very few people chose
            # an answer, e.g. "Fewer than 10".
            return _("Fewer than %(threshold)s") % {
                "threshold": number_format(self.numbers.threshold)
            }
        # Translators: a percentage such as 70%, written as your language writes it.
        return _("%(percent)s%%") % {"percent": number_format(self.percent)}

    @property
    def count_text(self):
        total = self.shown_total
        if self.shown is None:
            return ngettext(
                "of %(total)s person who answered",
                "of %(total)s people who answered",
                total,
            ) % {"total": number_format(total)}
        return ngettext(
            "%(count)s of %(total)s person who answered",
            "%(count)s of %(total)s people who answered",
            total,
        ) % {"count": number_format(self.shown), "total": number_format(total)}


def wanted_figures(page):
    """The headline figures staff chose whose question is still in the survey:
    (question, statement code, option codes, description)."""
    # The survey's own questions, not "About you".
    survey = survey_from_stream(page.survey, districts=page.council_districts)
    wanted = []
    for child in page.results_headlines:
        value = child.value
        question = survey.question(value["question_key"])
        if question is None or not registry.type_of(question).countable:
            continue
        has_statements = registry.type_of(question).has_statements
        statement = (value.get("statement_code") or "") if has_statements else ""
        wanted.append((question, statement, codes_of(value), value["description"]))
    return wanted


def statement_label(question, statement):
    return next((s.label for s in question.statements if s.code == statement), "")


# What a preview shows: made up, never counted (editors may not see responses).
SAMPLE_SHARES = [65, 40, 25, 80, 55]
SAMPLE_TOTAL = 200


def sample_figures(page):
    """Made-up figures in the shape of the page's headline figures, for a
    preview: editors check the wording without seeing any response."""
    figures = []
    for index, (question, statement, _codes, description) in enumerate(wanted_figures(page)):
        share = SAMPLE_SHARES[index % len(SAMPLE_SHARES)]
        figures.append(
            HeadlineFigure(
                question=question.label,
                statement=statement_label(question, statement),
                description=description,
                count=SAMPLE_TOTAL * share // 100,
                total=SAMPLE_TOTAL,
            )
        )
    return figures


def headline_figures(page, threshold=10):
    """The page's headline figures, in the page's language, counted in one query.
    Figures that fewer than ``threshold`` people answered, or whose question has
    gone, are left out."""
    wanted = wanted_figures(page)
    if not wanted:
        return []
    numbers = SmallNumbers(threshold)
    counts = {}
    for index, (question, statement, codes, _description) in enumerate(wanted):
        answered = Q(question_key=question.key, item_key=statement)
        chosen = answered & registry.type_of(question).headline_chosen(codes)
        counts[f"total_{index}"] = Count("response", distinct=True, filter=answered)
        counts[f"count_{index}"] = Count("response", distinct=True, filter=chosen)
    totals = (
        Answer.objects.filter(
            response__consultation_key=page.translation_key,
            question_key__in={question.key for question, *_rest in wanted},
        )
        .exclude(option_code="")
        .aggregate(**counts)
    )
    figures = []
    for index, (question, statement, _codes, description) in enumerate(wanted):
        total = totals[f"total_{index}"]
        if not numbers.shown(total):
            continue  # no one, or too few, answered
        figures.append(
            HeadlineFigure(
                question=question.label,
                statement=statement_label(question, statement),
                description=description,
                count=totals[f"count_{index}"],
                total=total,
                numbers=numbers,
            )
        )
    return figures


def questions_asked(figures):
    """'We asked': each question the figures come from, once, in order."""
    seen = []
    for figure in figures:
        if figure.question not in seen:
            seen.append(figure.question)
    return seen


# Checking staff's choices when the page is saved ------------------------------


def headline_problems(question, value):
    """What is wrong with one headline figure's keys and codes: {field: message}."""
    key = value.get("question_key") or ""
    if question is None:
        return {"question_key": f"There is no question with the key '{key}' in this survey."}
    kind = registry.type_of(question)
    if not kind.countable:
        named = question.type.replace("_", " ")
        return {
            "question_key": f"Question '{key}' is a {named} question. A headline figure needs a "
            "question whose answers are chosen from options."
        }
    problems = {}
    statement = value.get("statement_code") or ""
    statements = [s.code for s in question.statements]
    if kind.has_statements and not statement:
        problems["statement_code"] = (
            f"Question '{key}' is a grid: give the code of one of its statements "
            f"({', '.join(statements)})."
        )
    elif kind.has_statements and statement not in statements:
        problems["statement_code"] = (
            f"Question '{key}' has no statement '{statement}'. Its statements are: "
            f"{', '.join(statements)}."
        )
    elif not kind.has_statements and statement:
        problems["statement_code"] = f"Question '{key}' is not a grid: leave this empty."
    codes = valid_codes(question)
    unknown = [code for code in codes_of(value) if code not in codes]
    if unknown:
        missing = ", ".join(f"'{code}'" for code in unknown)
        problems["option_codes"] = (
            f"Question '{key}' has no option {missing}. Its options are: {', '.join(codes)}."
        )
    return problems


def results_headlines_error(page):
    """A validation error for the page's results headlines, or None."""
    survey = survey_from_stream(page.survey, districts=page.council_districts)
    block_errors = {}
    for index, child in enumerate(page.results_headlines):
        value = child.value
        problems = headline_problems(survey.question(value.get("question_key") or ""), value)
        if problems:
            block_errors[index] = StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in problems.items()}
            )
    if not block_errors:
        return None
    return StreamBlockValidationError(block_errors=block_errors)
