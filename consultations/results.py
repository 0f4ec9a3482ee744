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

from consultations.models import (
    VERSIONS,
    Answer,
    ConsultationPage,
    EqualityAnswer,
    Response,
    Theme,
)
from consultations.survey import definitions as d

LONDON = ZoneInfo("Europe/London")

# Agreement scores: 5 for strongly agree down to 1; "don't know" is left out.
AGREEMENT_SCORES = {
    "strongly_agree": 5,
    "agree": 4,
    "neither": 3,
    "disagree": 2,
    "strongly_disagree": 1,
}
CHOICE_TYPES = {d.SINGLE_CHOICE, d.DROPDOWN, d.AGREEMENT, d.YES_NO, d.AREA, d.MULTIPLE_CHOICE}
TEXT_TYPES = {d.SHORT_TEXT, d.LONG_TEXT}


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


def percent(part, whole):
    """A whole percentage, rounded half up (as people round: 2.5% is 3%)."""
    return (200 * part + whole) // (2 * whole) if whole else 0


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
        return self.question.type


def average_score(counts):
    """The mean agreement score (5 strongly agree to 1 strongly disagree)."""
    scored = [(AGREEMENT_SCORES[code], n) for code, n in counts.items() if code in AGREEMENT_SCORES]
    people = sum(n for _score, n in scored)
    if not people:
        return None
    return round(sum(score * n for score, n in scored) / people, 2)


def uses_agreement_scale(question):
    return {o.code for o in question.options} >= set(AGREEMENT_SCORES)


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
        for key, code, rank, n in (
            answers.filter(question_type=d.RANKING)
            .values_list("question_key", "option_code", "number")
            .annotate(n=Count("id"))
        ):
            self._ranks.setdefault(key, {}).setdefault(code, {})[rank] = n
        self._stats = {
            row["question_key"]: row
            for row in answers.filter(question_type__in=[d.NUMBER, d.DATE])
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
        counts = self._counts.get((key, ""), {})
        if question.type in CHOICE_TYPES:
            summary.figures = [
                Figure(code, question.option_label(code), counts.get(code, 0), summary.answered)
                for code in question.option_codes()
            ]
            summary.other_answers = self._others.get(key, 0)
            if question.type == d.AGREEMENT:
                summary.average = average_score(counts)
        elif question.type == d.GRID:
            for statement in question.statements:
                item_counts = self._counts.get((key, statement.code), {})
                answered = self._answered_items.get((key, statement.code), 0)
                figures = [
                    Figure(o.code, o.label, item_counts.get(o.code, 0), answered)
                    for o in question.options
                ]
                average = average_score(item_counts) if uses_agreement_scale(question) else None
                summary.statements.append((statement, figures, average))
        elif question.type == d.RANKING:
            ranks = self._ranks.get(key, {})
            places = len(question.options)
            for option in question.options:
                by_rank = ranks.get(option.code, {})
                ranked = sum(by_rank.values())
                # Rank score: a first place earns as many points as there are
                # options, the last place one point.
                score = sum((places - rank + 1) * n for rank, n in by_rank.items() if rank)
                average = (
                    round(sum(rank * n for rank, n in by_rank.items() if rank) / ranked, 2)
                    if ranked
                    else None
                )
                summary.figures.append(
                    Figure(
                        option.code,
                        option.label,
                        by_rank.get(1, 0),
                        summary.answered,
                        extra={"score": score, "average_rank": average, "ranked": ranked},
                    )
                )
            summary.figures.sort(key=lambda f: -f.extra["score"])
        elif question.type == d.NUMBER:
            stats = self._stats.get(key) or {}
            summary.average = round(stats["average"], 2) if stats.get("average") else None
            summary.minimum, summary.maximum = stats.get("lowest"), stats.get("highest")
        elif question.type == d.DATE:
            stats = self._stats.get(key) or {}
            summary.minimum, summary.maximum = stats.get("earliest"), stats.get("latest")
        elif question.type == d.CONSENT:
            summary.figures = [
                Figure("yes", "Agreed", counts.get("yes", 0), self.total),
            ]
        elif question.type in TEXT_TYPES:
            summary.lists_text = True
        return summary

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

    def row(item, measure, value, statement="", figure=None):
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

    def figure_rows(item, figures, statement=""):
        for figure in figures:
            if figure.suppressed:
                yield row(item, "responses", figure.display, statement, figure)
                continue
            yield row(item, "responses", figure.count, statement, figure)
            yield row(item, "share of those who answered (%)", figure.percent, statement, figure)

    yield ["", "", "", "", "", "", "responses in total", summary.total]
    for item in [*summary.questions(), *summary.about_you(), *summary.equality()]:
        answered = getattr(item, "answered_figure", None)
        yield row(item, "answered", answered.display if answered else item.answered)
        if item.kind == d.GRID:
            for statement, figures, average in item.statements:
                yield from figure_rows(item, figures, statement.label)
                if average is not None:
                    yield row(item, "average score (5 to 1)", average, statement.label)
        elif item.kind == d.RANKING:
            for figure in item.figures:
                yield row(item, "rank score", figure.extra["score"], figure=figure)
                yield row(item, "average rank", figure.extra["average_rank"] or "", figure=figure)
                yield row(item, "ranked first", figure.count, figure=figure)
        elif item.kind in {d.NUMBER, d.DATE}:
            if item.kind == d.NUMBER:
                yield row(item, "average", "" if item.average is None else item.average)
            yield row(item, "lowest", "" if item.minimum is None else item.minimum)
            yield row(item, "highest", "" if item.maximum is None else item.maximum)
        else:
            yield from figure_rows(item, item.figures)
            if item.average is not None:
                yield row(item, "average score (5 to 1)", item.average)
            if item.other_answers:
                yield row(item, "'other' answers written", item.other_answers)
        for theme, count in item.themes:
            yield row(item, f"theme: {theme.name}", count)
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
