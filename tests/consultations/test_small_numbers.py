"""Small numbers cannot be worked out from the published figures.

A realistic set of responses, with a few small groups (a district of three, a
handful of Easy Read and Urdu responses, three people aged 65 to 74, days with
two or three responses), is summarised under every combination of the
officers' filters. Every figure published in the export of figures is read as
what it says about the true count (an exact number, a number rounded to the
published precision, or "fewer than N"), and the relations an attacker knows
between them are applied until nothing more can be learnt:

- the options of a question answered with one option add up to those who
  answered it (the About you and equality questions, grid statements too);
- the days add up to the total;
- filters that split a selection in parts (every version, every language, the
  days before and from a date) add up to the selection; the areas and
  answering-as values add up to no more than it.

A count from 1 to the threshold less one that comes out exact, anywhere, is a
leak. The summary page publishes only figures that are in the export, so the
same holds for it.
"""

import csv
import datetime
import io
import itertools
import random
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations import figures
from tests.signing_in import force_login_verified

from .officers import make_response, rows_for, staff

pytestmark = pytest.mark.django_db

THRESHOLD = 10
DAY_SIZES = [30, 24, 2, 22, 26, 3, 20, 15]  # responses a day: two small days


def url(name, *args, query=""):
    return reverse(f"consultation_responses:{name}", args=args) + (f"?{query}" if query else "")


def weighted(rng, pairs):
    return rng.choices([value for value, _w in pairs], [w for _v, w in pairs])[0]


@pytest.fixture
def answered(consultation):
    """142 responses with small groups in every filter and equality question."""
    rng = random.Random(15)
    survey = consultation.survey_definition
    start = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
    start -= datetime.timedelta(days=len(DAY_SIZES) + 1)
    people = [(day, n) for day, size in enumerate(DAY_SIZES) for n in range(size)]
    # Exactly three people in Melton, four Easy Read, three Urdu, five
    # organisations and three aged 65 to 74; the rest at random.
    specials = rng.sample(range(len(people)), 18)
    for index, (day, n) in enumerate(people):
        district = weighted(rng, [("blaby", 5), ("charnwood", 4)])
        version, language = "standard", weighted(rng, [("en", 4), ("pl", 1)])
        respondent_type = "individual"
        age = weighted(rng, [("16_24", 3), ("35_44", 5), ("prefer_not_to_say", 1), ("", 1)])
        if index in specials[0:3]:
            district = "melton"
        if index in specials[3:7]:
            version = "easy_read"
        if index in specials[7:10]:
            language = "ur"
        if index in specials[10:15]:
            respondent_type = "organisation"
        if index in specials[15:18]:
            age = "65_74"
        answers = []
        answers += rows_for(survey.question("overall"), rng.choice(AGREEMENT))
        answers += rows_for(
            survey.question("principles"),
            {s: rng.choice(AGREEMENT) for s in ("prevention", "engagement")},
        )
        order = rng.sample(["parks", "buses", "libraries"], 3)
        ranks = {code: order.index(code) + 1 for code in order}
        answers += rows_for(survey.question("ranking"), ranks)
        involved = weighted(rng, [("yes_often", 3), ("sometimes", 3), ("never", 3), ("other", 1)])
        answers += [
            {**row, "text": "A choir" if involved == "other" else ""}
            for row in rows_for(survey.question("involved"), involved)
        ]
        picked = rng.sample(["clubs", "youth", "green_spaces"], rng.randint(0, 2))
        if picked:
            answers += rows_for(survey.question("activities"), picked)
        if involved == "yes_often":
            answers += rows_for(survey.question("hours"), rng.randint(0, 100))
            answers += rows_for(survey.question("size"), rng.choice(["small", "large"]))
        answers += rows_for(survey.question("updates"), rng.choice(["yes", "no"]))
        if rng.random() < 0.6:
            answers += rows_for(survey.question("consent"), True)
        make_response(
            consultation,
            answers,
            equality=[("age_band", age)] if age else [],
            language=language,
            version=version,
            district=district,
            respondent_type=respondent_type,
            submitted_at=start + datetime.timedelta(days=day, minutes=n),
        )
    return consultation, start.date()


AGREEMENT = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree", "dont_know"]

# Every filter, unset or set: to every value where the values split the
# responses (language, version), to the small group and a large one otherwise,
# and dates that split the days in two. (Every value of every filter takes
# twice as long and finds nothing more.)
FILTERS = {
    "language": ["", "en", "pl", "ur"],
    "version": ["", "standard", "easy_read"],
    "respondent_type": ["", "organisation"],
    "district": ["", "blaby", "melton"],
}
# Filters whose values split every selection exactly; the others may leave some out.
EXHAUSTIVE = {"language", "version"}
SPLIT_DAY = 3


def date_filters(first_day):
    split = first_day + datetime.timedelta(days=SPLIT_DAY)
    return {
        "": {},
        "from": {"date_from": split.isoformat()},
        "to": {"date_to": (split - datetime.timedelta(days=1)).isoformat()},
    }


def combinations(first_day):
    dates = date_filters(first_day)
    for values in itertools.product(*FILTERS.values()):
        for date_key, date_values in dates.items():
            query = {name: value for name, value in zip(FILTERS, values, strict=True) if value}
            yield (*values, date_key), {**query, **date_values}


def published(value, precision):
    """The true counts a published value allows: (lowest, highest)."""
    value = value.strip()
    fewer = re.fullmatch(r"fewer than (\d+)", value)
    if fewer:  # (none at all, for all the reader knows)
        return 0, int(fewer.group(1)) - 1
    if not re.fullmatch(r"\d+", value):
        return None  # hidden, or not a count
    number = int(value)
    if number == 0:
        return 0, 0
    half = (precision - 1) // 2
    lowest = number - half
    if precision > 1:
        lowest = max(lowest, THRESHOLD)  # smaller counts are never rounded, only hidden
    return lowest, number + half


class Solver:
    """Bounds on true counts, narrowed by sums until nothing changes."""

    def __init__(self, most):
        self.most = most
        self.bounds = {}
        self.sums = []  # (whole, parts, exact): sum(parts) == whole, or <= whole

    def var(self, key):
        return self.bounds.setdefault(key, [0, self.most])

    def know(self, key, interval):
        bound = self.var(key)
        bound[0], bound[1] = max(bound[0], interval[0]), min(bound[1], interval[1])

    def add_sum(self, whole, parts, exact=True):
        for key in [whole, *parts]:
            self.var(key)
        self.sums.append((whole, list(parts), exact))

    def solve(self):
        """Narrow the bounds, sum by sum, again for every sum whose counts changed."""
        touching = {}
        for index, (whole, parts, _exact) in enumerate(self.sums):
            for key in [whole, *parts]:
                touching.setdefault(key, []).append(index)
        queue, queued = list(range(len(self.sums))), set(range(len(self.sums)))
        b = self.bounds
        while queue:
            index = queue.pop()
            queued.discard(index)
            whole, parts, exact = self.sums[index]
            low_sum = sum(b[p][0] for p in parts)
            high_sum = sum(b[p][1] for p in parts)
            new = {whole: [max(b[whole][0], low_sum), b[whole][1]]}
            if exact:
                new[whole][1] = min(b[whole][1], high_sum)
            for p in parts:
                low = b[p][0]
                if exact:
                    low = max(low, b[whole][0] - (high_sum - b[p][1]))
                new[p] = [low, min(b[p][1], b[whole][1] - (low_sum - b[p][0]))]
            for key, bound in new.items():
                if bound != b[key]:
                    b[key] = bound
                    if bound[0] > bound[1]:
                        return
                    for other in touching[key]:
                        if other not in queued:
                            queued.add(other)
                            queue.append(other)

    def leaks(self):
        return {
            key: low
            for key, (low, high) in self.bounds.items()
            if low == high and 1 <= low < THRESHOLD
        }


def figures_export(client, page, query):
    response = client.get(url("export_summary", page.pk, query=query))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[1:]


def single_valued(page):
    """Keys of the survey's questions answered with one option."""
    survey = page.survey_definition
    return {
        question.key
        for section in survey.sections
        for question in section.questions
        if getattr(question, "options", None) and question.type != "multiple_choice"
    }


def read_export(solver, combo, rows, single, precision):
    """Bounds from one export of figures, and the sums inside it."""
    shown = set()
    groups = {}
    for _section, key, _label, statement, code, _answer, measure, value in rows:
        shown.add(value)
        if measure == "responses in total":
            name = (combo, "total")
        elif measure.startswith("responses sent on "):
            name = (combo, "day", measure)
            groups.setdefault((combo, "days"), []).append(name)
        elif measure == "answered":
            name = (combo, key, "", "answered")
        elif measure in ("responses", "ranked first", "ranked at all"):
            name = (combo, key, statement, code, measure)
            if measure == "responses":
                groups.setdefault((combo, key, statement), []).append(name)
        elif measure == "responses with equality answers":
            name = (combo, "equality total")
        else:
            continue
        interval = published(value, precision)
        if interval is not None:
            solver.know(name, interval)
        else:
            solver.var(name)
    for group, parts in groups.items():
        if group[1] == "days":
            solver.add_sum((combo, "total"), parts)
        elif group[1] in single:
            # Grid statements' own "answered" is not published: it is a part
            # of no more than the question's.
            whole = (combo, group[1], group[2], "answered")
            solver.add_sum(whole, parts)
            if group[2]:
                solver.add_sum((combo, group[1], "", "answered"), [whole], exact=False)
        else:
            for part in parts:
                solver.add_sum((combo, group[1], "", "answered"), [part], exact=False)
    return shown


def add_filter_sums(solver, combos):
    """Every selection is the sum of its parts under one more filter."""
    keys = {name[1:] for name in solver.bounds}
    names = [*FILTERS, "date"]
    for combo in combos:
        for position, name in enumerate(names):
            if combo[position] != "":
                continue
            values = FILTERS[name][1:] if name != "date" else ["from", "to"]
            parts = [(*combo[:position], value, *combo[position + 1 :]) for value in values]
            exact = name in EXHAUSTIVE or name == "date"
            for key in keys:
                if (combo, *key) in solver.bounds and key[0] != "day":
                    solver.add_sum((combo, *key), [(part, *key) for part in parts], exact)


def page_numbers(html):
    """The numbers the summary page shows in its tables and answered counts."""
    numbers = []
    for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S):
        text = re.sub(r"fewer than \d+", "", unescape(re.sub(r"<[^>]+>", "", cell)))
        numbers += re.findall(r"\d+(?:\.\d+)?", text)
    for pair in re.findall(r"(?<!than )\b(\d+) of (\d+) answered", html):
        numbers += list(pair)
    numbers += re.findall(r'class="officer-total">(\d+)', html)
    return numbers


@pytest.mark.slow
def test_no_hidden_count_can_be_worked_out_under_any_filters(answered, client):
    page, first_day = answered
    force_login_verified(client, staff("equality9", ["Consultation analysts", "Equality data"]))
    precision = getattr(figures, "PUBLISHED_PRECISION", 1)
    single = single_valued(page)
    solver = Solver(most=200)
    combos = list(combinations(first_day))
    beyond = {}
    for combo, query in combos:
        querystring = "&".join(f"{name}={value}" for name, value in query.items())
        rows = figures_export(client, page, querystring)
        shown = read_export(solver, combo, rows, single, precision)
        if combo[:4] == ("", "", "", "") or sum(1 for v in combo if v) == 1:
            # The page shows no number the export does not.
            html = client.get(url("summary", page.pk, query=querystring)).content.decode()
            extra = [n for n in page_numbers(html) if n not in shown]
            if extra:
                beyond[querystring] = extra[:5]
    add_filter_sums(solver, [combo for combo, _query in combos])
    solver.solve()
    contradictions = {k: v for k, v in solver.bounds.items() if v[0] > v[1]}

    assert not contradictions, "the published figures contradict each other"
    leaks = solver.leaks()
    assert not leaks, f"{len(leaks)} small counts can be worked out, e.g. {list(leaks.items())[:5]}"
    assert not beyond, f"the summary page shows numbers beyond the export: {beyond}"
