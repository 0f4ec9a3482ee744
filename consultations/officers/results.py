"""Counting answers for officers. Every language and the Easy Read version
store the same question keys and option codes, so one count covers them all.

The summary is worked out with a handful of aggregate queries over the whole
(filtered) set of responses, whatever its size; nothing here loads responses
one by one.
"""

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.db.models import Avg, Count, Max, Min, Q
from django.db.models.functions import TruncDate
from django.utils.http import urlencode
from wagtail.models import Locale

from ..figures import percent
from ..models.pages import ConsultationPage
from ..models.responses import VERSIONS, Answer, EqualityAnswer, Response, Theme
from ..survey import definitions as d
from ..survey.types import registry

LONDON = ZoneInfo("Europe/London")


def responses_to(page):
    """Every response to a consultation, whichever translation it was made on."""
    return Response.objects.filter(consultation_key=page.translation_key)


def option_counts(page, question_key, item_key=""):
    """How many responses chose each option of a question (or of one grid
    statement), in every language: {option code: number of responses}."""
    rows = (
        Answer.objects.filter(
            response__consultation_key=page.translation_key,
            question_key=question_key,
            item_key=item_key,
        )
        .exclude(option_code="")
        .values_list("option_code")
        .annotate(responses=Count("response", distinct=True))
    )
    return dict(rows)


def source_page(page):
    """The consultation in the site's default language, whose wording officers
    read (falling back to the page itself)."""
    page = page.specific
    try:
        return ConsultationPage.objects.get(
            translation_key=page.translation_key, locale=Locale.get_default()
        )
    except (ConsultationPage.DoesNotExist, Locale.DoesNotExist):
        return page


# Filters ----------------------------------------------------------------------


class ResponseFilterForm(forms.Form):
    """The filters officers apply to the summary, the lists and the exports alike."""

    date_from = forms.DateField(
        required=False, label="Sent on or after", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="Sent on or before", widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(required=False, label="Language")
    version = forms.ChoiceField(
        required=False, label="Version", choices=[("", "Standard and Easy Read"), *VERSIONS]
    )
    respondent_type = forms.ChoiceField(
        required=False,
        label="Answering as",
        choices=[("", "Anyone"), *d.RESPONDENT_TYPES],
    )
    district = forms.ChoiceField(
        required=False, label="Area", choices=[("", "Every area"), *d.DISTRICTS]
    )

    def __init__(self, data=None, **kwargs):
        # Only the filter fields of the query string, so that paging and search
        # parameters never make the form "bound" with unknown data.
        if data is not None:
            data = {name: data.get(name, "") for name in self.base_fields}
        super().__init__(data, **kwargs)
        self.fields["language"].choices = [("", "Every language"), *settings.LANGUAGES]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must be on or after the start date.")
        return cleaned

    @property
    def values(self):
        """The filters that apply: the valid, non-empty ones."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None) and name not in self.errors
        }

    def apply(self, responses):
        values = self.values
        if "date_from" in values:
            responses = responses.filter(submitted_at__date__gte=values["date_from"])
        if "date_to" in values:
            responses = responses.filter(submitted_at__date__lte=values["date_to"])
        for name in ("language", "version", "respondent_type", "district"):
            if name in values:
                responses = responses.filter(**{name: values[name]})
        return responses

    def querystring(self):
        return urlencode({name: str(value) for name, value in self.values.items()})

    def described(self):
        """The applied filters in words, for headings and the audit log."""
        labels = []
        for name, value in self.values.items():
            field_ = self.fields[name]
            if isinstance(field_, forms.ChoiceField):
                value = dict(field_.choices).get(value, value)
            labels.append(f"{field_.label}: {value}")
        return labels


# The summary --------------------------------------------------------------------


@dataclass
class Figure:
    """One row of a summary table: a count, its share, and whether it is
    hidden to protect a small group."""

    code: str
    label: str
    count: int
    total: int
    suppressed: bool = False
    threshold: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def percent(self):
        return percent(self.count, self.total)

    @property
    def display(self):
        if self.suppressed:
            return f"fewer than {self.threshold}"
        return str(self.count)


def protect(figures, threshold):
    """Counts below the threshold are shown only as 'fewer than N'."""
    for figure in figures:
        if figure.count < threshold:
            figure.suppressed = True
            figure.threshold = threshold
    return figures


@dataclass
class QuestionSummary:
    question: object
    section: object
    answered: int
    figures: list = field(default_factory=list)
    statements: list = field(default_factory=list)  # grid: (statement, figures, average)
    average: float | None = None
    minimum: object = None
    maximum: object = None
    other_answers: int = 0
    themes: list = field(default_factory=list)  # (theme, count)
    lists_text: bool = False

    @property
    def kind(self):
        """The question's type (types.base.QuestionType)."""
        return registry.type_of(self.question)


class Summary:
    """Everything the results page shows for one consultation and one set of
    filters."""

    def __init__(self, page, responses, threshold=10, equality=False):
        self.page = source_page(page)
        self.survey = self.page.survey_definition
        self.responses = responses
        self.threshold = threshold
        self.show_equality = equality
        self.total = responses.count()
        answers = Answer.objects.filter(response__in=responses)
        self._counts = {}
        for key, item, code, n in answers.values_list(
            "question_key", "item_key", "option_code"
        ).annotate(n=Count("id")):
            self._counts.setdefault((key, item), {})[code] = n
        self._answered = dict(
            answers.values_list("question_key").annotate(n=Count("response", distinct=True))
        )
        self._answered_items = {
            (key, item): n
            for key, item, n in answers.exclude(item_key="")
            .values_list("question_key", "item_key")
            .annotate(n=Count("response", distinct=True))
        }
        self._ranks = {}
        # A rank is an option code stored with a number.
        for key, code, rank, n in (
            answers.exclude(option_code="")
            .exclude(number=None)
            .values_list("question_key", "option_code", "number")
            .annotate(n=Count("id"))
        ):
            self._ranks.setdefault(key, {}).setdefault(code, {})[rank] = n
        self._stats = {
            row["question_key"]: row
            for row in answers.filter(option_code="")
            .exclude(number=None, date=None)
            .values("question_key")
            .annotate(
                average=Avg("number"),
                lowest=Min("number"),
                highest=Max("number"),
                earliest=Min("date"),
                latest=Max("date"),
            )
        }
        self._others = dict(
            answers.filter(option_code=d.OTHER_CODE)
            .exclude(text="")
            .values_list("question_key")
            .annotate(n=Count("id"))
        )
        self._themes = {}
        themes = Theme.objects.filter(consultation_key=self.page.translation_key).annotate(
            n=Count("answers", filter=Q(answers__response__in=responses))
        )
        for theme in themes:
            self._themes.setdefault(theme.question_key, []).append((theme, theme.n))

    # Parts of the page ------------------------------------------------------------

    def daily(self):
        rows = (
            self.responses.annotate(day=TruncDate("submitted_at", tzinfo=LONDON))
            .values_list("day")
            .annotate(n=Count("id"))
            .order_by("day")
        )
        return [Figure(day.isoformat(), day, n, self.total) for day, n in rows]

    def questions(self):
        summaries = []
        for section in self.survey.sections:
            if section.kind != "main":
                continue
            for question in section.questions:
                summaries.append(self.question_summary(question, section))
        return summaries

    def question_summary(self, question, section):
        key = question.key
        summary = QuestionSummary(
            question=question,
            section=section,
            answered=self._answered.get(key, 0),
            themes=self._themes.get(key, []),
        )
        registry.type_of(question).summarise(question, self, summary)
        return summary

    # What the question types read to summarise themselves.

    def counts(self, key, item=""):
        """{option code: answers} for a question (or one of its statements)."""
        return self._counts.get((key, item), {})

    def answered_item(self, key, item):
        """How many responses answered one statement of a question."""
        return self._answered_items.get((key, item), 0)

    def ranks(self, key):
        """{option code: {rank: answers}} for a ranking question."""
        return self._ranks.get(key, {})

    def stats(self, key):
        """The average, lowest and highest number, earliest and latest date."""
        return self._stats.get(key) or {}

    def others(self, key):
        """How many "other, please specify" texts were written."""
        return self._others.get(key, 0)

    def figure(self, code, label, count, total, **kwargs):
        return Figure(code, label, count, total, **kwargs)

    def about_you(self):
        """How people answered, and their areas: kept on the response itself."""
        about = d.about_you_section()
        parts = []
        for question in about.questions:
            counts = dict(
                self.responses.exclude(**{question.key: ""})
                .values_list(question.key)
                .annotate(n=Count("id"))
            )
            answered = sum(counts.values())
            figures = [
                Figure(o.code, o.label, counts.get(o.code, 0), answered) for o in question.options
            ]
            parts.append(
                QuestionSummary(
                    question=question, section=about, answered=answered, figures=figures
                )
            )
        return parts

    def equality_total(self):
        """How many responses gave any equality answer: the only equality figure
        shown to officers without equality-data rights."""
        total = (
            EqualityAnswer.objects.filter(response__in=self.responses)
            .values("response")
            .distinct()
            .count()
        )
        return protect([Figure("total", "Responses", total, self.total)], self.threshold)[0]

    def equality(self):
        if not self.show_equality:
            return []
        section = d.equality_section()
        counts = {}
        for key, code, n in (
            EqualityAnswer.objects.filter(response__in=self.responses)
            .values_list("question_key", "option_code")
            .annotate(n=Count("id"))
        ):
            counts.setdefault(key, {})[code] = n
        parts = []
        for question in section.questions:
            question_counts = counts.get(question.key, {})
            answered = sum(question_counts.values())
            figures = [
                Figure(o.code, o.label, question_counts.get(o.code, 0), answered)
                for o in question.options
            ]
            summary = QuestionSummary(
                question=question, section=section, answered=answered, figures=figures
            )
            protect(summary.figures, self.threshold)
            summary.answered_figure = protect(
                [Figure("answered", "Answered", answered, self.total)], self.threshold
            )[0]
            parts.append(summary)
        return parts


class FigureRows:
    """Writes the rows of the export of figures; each question type says which
    of its figures go in (``figure_rows``)."""

    def row(self, item, measure, value, statement="", figure=None):
        return [
            str(item.section.title),
            item.question.key,
            str(item.question.label),
            str(statement),
            figure.code if figure else "",
            str(figure.label) if figure else "",
            measure,
            value,
        ]

    def figures(self, item, figures, statement=""):
        for figure in figures:
            if figure.suppressed:
                yield self.row(item, "responses", figure.display, statement, figure)
                continue
            yield self.row(item, "responses", figure.count, statement, figure)
            yield self.row(
                item, "share of those who answered (%)", figure.percent, statement, figure
            )


def summary_rows(summary):
    """The summary's figures, one per row, for the export of figures: the same
    numbers as the page, small equality counts hidden the same way."""
    yield [
        "section",
        "question_key",
        "question",
        "statement",
        "option_code",
        "answer",
        "measure",
        "value",
    ]
    out = FigureRows()
    yield ["", "", "", "", "", "", "responses in total", summary.total]
    for item in [*summary.questions(), *summary.about_you(), *summary.equality()]:
        answered = getattr(item, "answered_figure", None)
        yield out.row(item, "answered", answered.display if answered else item.answered)
        yield from item.kind.figure_rows(item, out)
        for theme, count in item.themes:
            yield out.row(item, f"theme: {theme.name}", count)
    if not summary.show_equality:
        total = summary.equality_total()
        yield [
            "Equality monitoring",
            "",
            "",
            "",
            "",
            "",
            "responses with equality answers",
            total.display,
        ]
