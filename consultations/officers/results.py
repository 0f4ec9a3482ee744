"""Counting answers for officers. Every language and the Easy Read version
store the same question keys and option codes, so one count covers them all.

The summary is worked out with a handful of aggregate queries over the whole
(filtered) set of responses, whatever its size; nothing here loads responses
one by one.
"""

from dataclasses import dataclass, field
from itertools import combinations
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.db.models import Avg, Count, Max, Min, Q
from django.db.models.functions import TruncDate
from django.utils.http import urlencode
from wagtail.models import Locale

from ..figures import PUBLISHED_PRECISION, SmallNumbers
from ..models.pages import ConsultationPage
from ..models.responses import CHANNELS, VERSIONS, Answer, EqualityAnswer, Response, Theme
from ..survey import definitions as d
from ..survey.types import registry

LONDON = ZoneInfo("Europe/London")
# Filters that pick responses by a value kept on the response.
CATEGORY_FILTERS = ("language", "version", "channel", "respondent_type", "district", "review")
FLAGGED = Q(review_flags__has_any_keys=["honeypot", "too_fast"])
REVIEW_CHOICES = [
    ("", "Flagged or not"),
    ("flagged", "Flagged for review"),
    ("clear", "Not flagged"),
]


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


def category_q(name, value):
    """The responses in one category of a filter."""
    if name == "review":
        return FLAGGED if value == "flagged" else ~FLAGGED
    return Q(**{name: value})


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
    channel = forms.ChoiceField(
        required=False, label="How it came", choices=[("", "Every way"), *CHANNELS]
    )
    respondent_type = forms.ChoiceField(
        required=False,
        label="Answering as",
        choices=[("", "Anyone"), *d.RESPONDENT_TYPES],
    )
    # The council's districts (``districts``) and somewhere else.
    district = forms.ChoiceField(required=False, label="Area")
    review = forms.ChoiceField(required=False, label="Review", choices=REVIEW_CHOICES)

    def __init__(self, data=None, districts=(), **kwargs):
        # Only the filter fields of the query string, so that paging and search
        # parameters never make the form "bound" with unknown data.
        if data is not None:
            data = {name: data.get(name, "") for name in self.base_fields}
        super().__init__(data, **kwargs)
        self.fields["language"].choices = [("", "Every language"), *settings.LANGUAGES]
        self.fields["district"].choices = [
            ("", "Every area"),
            *d.district_labels(districts).items(),
        ]

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
        for name in CATEGORY_FILTERS:
            if name in values:
                responses = responses.filter(category_q(name, values[name]))
        return responses

    def leaves_out_few(self, everyone, threshold):
        """Whether these filters pick out responses that differ from a wider
        selection by 1 to ``threshold`` - 1 responses. A wider selection drops
        some of the filters, or moves a date to take in more days. Published
        figures of both could otherwise show which way those few answered, so
        the figures of this selection are withheld.

        Since the difference only grows as a selection widens, it is enough to
        look, for each set of the filters kept, at the selection without the
        others and then at the nearest day with responses beyond each date."""
        values = self.values
        if not values:
            return False
        applied = [name for name in CATEGORY_FILTERS if name in values]
        start, end = values.get("date_from"), values.get("date_to")
        own = self.apply(everyone).count()
        for size in range(len(applied) + 1):
            for kept in combinations(applied, size):
                days = dict(
                    everyone.filter(*[category_q(name, values[name]) for name in kept])
                    .annotate(day=TruncDate("submitted_at"))
                    .values_list("day")
                    .annotate(n=Count("id"))
                    .order_by()
                )
                inside = sum(
                    n
                    for day, n in days.items()
                    if (start is None or day >= start) and (end is None or day <= end)
                )
                if 0 < inside - own < threshold:
                    return True
                if inside != own:
                    continue
                before = [day for day in days if start is not None and day < start]
                after = [day for day in days if end is not None and day > end]
                if before and days[max(before)] < threshold:
                    return True
                if after and days[min(after)] < threshold:
                    return True
        return False

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
    """One row of a summary table: a count, its share, and how both are
    published (``figures.SmallNumbers``): ``count`` and ``total`` are the true
    numbers, for working out; ``display``, ``shown`` and ``percent`` are what
    officers see and export."""

    code: str
    label: str
    count: int
    total: int
    numbers: SmallNumbers = field(default_factory=SmallNumbers)
    extra: dict = field(default_factory=dict)
    # Hidden although not small, so that a small one beside it cannot be
    # worked out (``protect_group``); its share is hidden where its total is.
    secondary: bool = False
    total_hidden: bool = False

    @property
    def shown(self):
        """The count as published, or None where it is hidden."""
        return None if self.secondary else self.numbers.shown(self.count)

    @property
    def suppressed(self):
        return self.shown is None

    @property
    def threshold(self):
        return self.numbers.threshold

    @property
    def percent(self):
        """The share of the published total, from the published count; None
        where either is hidden."""
        if self.secondary or self.total_hidden:
            return None
        return self.numbers.share(self.count, self.total)

    @property
    def display(self):
        return "hidden" if self.secondary else self.numbers.text(self.count)

    def bounds(self):
        """What a reader can tell of the true count from what is shown."""
        threshold, shown = self.numbers.threshold, self.shown
        if self.numbers.withheld:
            return 0, UNKNOWN
        if self.secondary:
            return threshold, UNKNOWN
        if shown is None:
            return 1, threshold - 1
        if shown == 0:
            return 0, 0
        half = PUBLISHED_PRECISION // 2
        return max(shown - half, threshold), shown + half


UNKNOWN = 10**12


def pinned(parts, whole):
    """The hidden parts whose count the published parts and their published
    whole (the parts add up to it) tell exactly."""
    bounds = [list(part.bounds()) for part in parts]
    total = list(whole.bounds())
    for _pass in range(3):
        low_sum = sum(low for low, _high in bounds)
        high_sum = sum(high for _low, high in bounds)
        total = [max(total[0], low_sum), min(total[1], high_sum)]
        for bound in bounds:
            bound[0] = max(bound[0], total[0] - (high_sum - bound[1]))
            bound[1] = min(bound[1], total[1] - (low_sum - bound[0]))
    return [
        part
        for part, (low, high) in zip(parts, bounds, strict=True)
        if part.shown is None and low >= high
    ]


def protect_group(parts, whole):
    """Secondary suppression where rounding is not enough: parts that add up to
    a whole (the options of a question answered with one option, the days of
    the total) must not tell a hidden part exactly. Two hidden counts of
    "fewer than 10" beside a total of about 20 would each be 9, for example.
    While a hidden part can be worked out, the smallest part still shown is
    hidden too; with none left, the whole is hidden (and with it the shares)."""
    while pinned(parts, whole):
        shown = [part for part in parts if part.shown]
        if not shown:
            whole.secondary = True
            for part in parts:
                part.total_hidden = True
            return
        min(shown, key=lambda part: part.count).secondary = True


@dataclass
class QuestionSummary:
    question: object
    section: object
    answered: int
    figures: list = field(default_factory=list)
    statements: list = field(default_factory=list)  # grid: (statement, figures, average)
    statement_answered: dict = field(default_factory=dict)  # grid: {code: Figure}
    average: float | None = None
    minimum: object = None
    maximum: object = None
    other_answers: int = 0
    themes: list = field(default_factory=list)  # (theme, Figure of its answers)
    lists_text: bool = False
    numbers: SmallNumbers = field(default_factory=SmallNumbers)
    answered_figure: Figure = None

    def __post_init__(self):
        if self.answered_figure is None:
            self.answered_figure = Figure(
                "answered", "Answered", self.answered, self.answered, numbers=self.numbers
            )

    @property
    def answered_text(self):
        return self.answered_figure.display

    @property
    def others_text(self):
        return self.numbers.text(self.other_answers)

    @property
    def enough_answered(self):
        """Averages, ranges and dates are shown only where at least the
        threshold answered."""
        shown = self.numbers.shown(self.answered)
        return bool(shown)

    @property
    def kind(self):
        """The question's type (types.base.QuestionType)."""
        return registry.type_of(self.question)


class Summary:
    """Everything the results page shows for one consultation and one set of
    filters."""

    def __init__(self, page, responses, threshold=10, equality=False, withheld=False):
        self.page = source_page(page)
        self.survey = self.page.survey_definition
        self.responses = responses
        self.threshold = threshold
        self.show_equality = equality
        self.total = responses.count()
        # A selection of fewer responses than the threshold shows no figure at all.
        self.withheld = withheld or 0 < self.total < threshold
        self.numbers = SmallNumbers(threshold, self.withheld)
        self.total_figure = self.figure("total", "Responses", self.total, self.total)
        self._days = None
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
            self._themes.setdefault(theme.question_key, []).append(
                (theme, self.figure(theme.pk, theme.name, theme.n, theme.n))
            )

    @property
    def total_text(self):
        self.daily()  # the days may hide the total (protect_group)
        if 0 < self.total < self.threshold:
            return f"fewer than {self.threshold}"
        return self.total_figure.display

    # Parts of the page ------------------------------------------------------------

    def daily(self):
        if self._days is None:
            self._days = self._daily()
        return self._days

    def _daily(self):
        rows = (
            self.responses.annotate(day=TruncDate("submitted_at", tzinfo=LONDON))
            .values_list("day")
            .annotate(n=Count("id"))
            .order_by("day")
        )
        days = [self.figure(day.isoformat(), day, n, self.total) for day, n in rows]
        protect_group(days, self.total_figure)
        return days

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
            numbers=self.numbers,
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
        """A figure, published by this summary's rule for small numbers."""
        return Figure(code, label, count, total, numbers=self.numbers, **kwargs)

    def protect_group(self, parts, whole):
        protect_group(parts, whole)

    def shown(self, count):
        """A count as published, with a hidden one as 0: what averages and
        scores are worked out from, so that they tell nothing the published
        counts do not."""
        return self.numbers.shown(count) or 0

    def about_you(self):
        """How people answered, and their areas: kept on the response itself."""
        about = d.about_you_section(council_districts=self.page.council_districts)
        parts = []
        for question in about.questions:
            counts = dict(
                self.responses.exclude(**{question.key: ""})
                .values_list(question.key)
                .annotate(n=Count("id"))
            )
            answered = sum(counts.values())
            figures = [
                self.figure(o.code, o.label, counts.get(o.code, 0), answered)
                for o in question.options
            ]
            item = QuestionSummary(
                question=question,
                section=about,
                answered=answered,
                figures=figures,
                numbers=self.numbers,
            )
            protect_group(item.figures, item.answered_figure)
            parts.append(item)
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
        return self.figure("total", "Responses", total, self.total)

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
                self.figure(o.code, o.label, question_counts.get(o.code, 0), answered)
                for o in question.options
            ]
            item = QuestionSummary(
                question=question,
                section=section,
                answered=answered,
                figures=figures,
                numbers=self.numbers,
            )
            protect_group(item.figures, item.answered_figure)
            parts.append(item)
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
            yield self.row(item, "responses", figure.display, statement, figure)
            if figure.percent is not None:
                yield self.row(
                    item, "share of those who answered (%)", figure.percent, statement, figure
                )


def summary_rows(summary):
    """The summary's figures, one per row, for the export of figures: the same
    numbers as the page, small numbers hidden and the rest rounded the same way."""
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
    yield ["", "", "", "", "", "", "responses in total", summary.total_text]
    for day in summary.daily():
        yield ["", "", "", "", "", "", f"responses sent on {day.code}", day.display]
    for item in [*summary.questions(), *summary.about_you(), *summary.equality()]:
        yield out.row(item, "answered", item.answered_text)
        yield from item.kind.figure_rows(item, out)
        for theme, figure in item.themes:
            yield out.row(item, f"theme: {theme.name}", figure.display)
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
