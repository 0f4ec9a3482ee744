"""The officers' side: the summary, filters, free text and themes, single
responses, exports and who may see any of it."""

import csv
import datetime
import io
import re
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry, PageLogEntry

from consultations.models import Answer, OfficerLogEntry, Response, Theme
from consultations.officers import exports
from consultations.officers.log_actions import describe
from consultations.officers.results import ResponseFilterForm, Summary, responses_to
from tests.signing_in import force_login_verified

from .officers import make_response, random_responses, staff

pytestmark = pytest.mark.django_db


def url(name, *args, query=""):
    return reverse(f"consultation_responses:{name}", args=args) + (f"?{query}" if query else "")


@pytest.fixture
def analyst(client):
    force_login_verified(client, staff("analyst1", ["Consultation analysts"]))
    return client


@pytest.fixture
def equality_holder(client):
    force_login_verified(client, staff("equality1", ["Consultation analysts", "Equality data"]))
    return client


# The summary ---------------------------------------------------------------------


def published(count):
    """A count as the summary publishes it, with a hidden one as 0: 0, hidden
    below 10, otherwise rounded to the nearest 5."""
    return 0 if count < 10 else (count + 2) // 5 * 5


def test_summary_figures_equal_counts_worked_out_from_what_was_said(consultation):
    made = random_responses(consultation, 60)
    summary = Summary(consultation, responses_to(consultation), equality=True)
    assert summary.total == 60
    questions = {item.question.key: item for item in summary.questions()}

    # The true counts are worked out; what is shown is rounded, and shares and
    # averages come from what is shown.
    overall = Counter(said["overall"] for said in made)
    figures = {f.code: f for f in questions["overall"].figures}
    for code, figure in figures.items():
        assert figure.count == overall[code]
        if figure.shown is not None:
            assert figure.shown == published(overall[code])
            assert figure.percent == round(100 * published(overall[code]) / 60)
    scores = {"strongly_agree": 5, "agree": 4, "neither": 3, "disagree": 2, "strongly_disagree": 1}
    shown = {code: figures[code].shown or 0 for code in scores}
    assert questions["overall"].average == round(
        sum(scores[c] * n for c, n in shown.items()) / sum(shown.values()), 2
    )

    activities = Counter(code for said in made for code in said["activities"])
    answered = sum(1 for said in made if said["activities"])
    for figure in questions["activities"].figures:
        assert figure.count == activities[figure.code]
        assert figure.total == answered

    for statement, figures, _average in questions["principles"].statements:
        expected = Counter(said["principles"][statement.code] for said in made)
        assert {f.code: f.count for f in figures} == {
            c: expected[c] for c in scores | {"dont_know": 0}
        }

    ranking = {f.code: f for f in questions["ranking"].figures}
    for code in ("parks", "buses", "libraries"):
        ranks = [said["ranking"][code] for said in made]
        assert ranking[code].extra["score"] == sum(
            (3 - rank + 1) * published(ranks.count(rank)) for rank in (1, 2, 3)
        )
        assert ranking[code].count == ranks.count(1)
    assert [f.code for f in questions["ranking"].figures] == sorted(
        ranking, key=lambda code: -ranking[code].extra["score"]
    )

    hours = [said["hours"] for said in made]
    assert questions["hours"].average == round(sum(hours) / 60, 1)
    assert (questions["hours"].minimum, questions["hours"].maximum) == (min(hours), max(hours))

    about = {item.question.key: item for item in summary.about_you()}
    districts = Counter(said["district"] for said in made)
    assert {f.code: f.count for f in about["district"].figures if f.count} == dict(districts)

    daily = Counter(s["response"].submitted_at.astimezone(summary_tz()).date() for s in made)
    assert {f.label: f.count for f in summary.daily()} == dict(daily)


def summary_tz():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/London")


def test_equality_counts_below_the_threshold_are_hidden(consultation, equality_holder):
    for _n in range(12):
        make_response(consultation, equality=[("age_band", "35_44")])
    for _n in range(3):
        make_response(consultation, equality=[("age_band", "65_74")])
    summary = Summary(consultation, responses_to(consultation), threshold=10, equality=True)
    age = next(item for item in summary.equality() if item.question.key == "age_band")
    figures = {f.code: f for f in age.figures}
    assert figures["35_44"].display == "10"  # 12, rounded to the nearest 5
    assert figures["65_74"].display == "fewer than 10"

    html = equality_holder.get(url("summary", consultation.pk)).content.decode()
    assert "What is your age?" in html
    assert "fewer than 10" in html
    assert ">3<" not in html and "(3%)" not in html


def test_analysts_see_equality_answers_only_as_a_total(consultation, analyst):
    for _n in range(12):
        make_response(
            consultation,
            [{"question_key": "comments", "question_type": "long_text", "text": "Fine"}],
            equality=[("age_band", "35_44")],
        )
    html = analyst.get(url("summary", consultation.pk)).content.decode()
    assert "10 responses included equality answers" in html  # 12, rounded
    assert "What is your age?" not in html
    rows = list(csv.reader(io.StringIO(analyst_csv(analyst, consultation))))
    assert not [name for name in rows[0] if name.startswith("equality:")]
    response = Response.objects.filter(consultation_key=consultation.translation_key).first()
    detail = analyst.get(url("response", response.pk)).content.decode()
    assert "35 to 44" not in detail


def analyst_csv(client, page, query=""):
    response = client.get(url("export", page.pk, "csv", query=query))
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


# Filters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("district=melton", lambda s: s["district"] == "melton"),
        ("language=pl", lambda s: s["language"] == "pl"),
        ("version=easy_read", lambda s: s["version"] == "easy_read"),
        ("respondent_type=organisation", lambda s: s["respondent_type"] == "organisation"),
        (
            "district=blaby&language=ur",
            lambda s: s["district"] == "blaby" and s["language"] == "ur",
        ),
    ],
)
def test_filters_apply_to_the_summary_the_list_and_the_exports(consultation, analyst, query, keep):
    made = random_responses(consultation, 40)
    expected = {s["response"].reference for s in made if keep(s)}
    assert expected

    # The number is published as every count is: hidden below 10, otherwise
    # rounded to the nearest 5, or hidden where the filters leave out a few.
    html = analyst.get(url("summary", consultation.pk, query=query)).content.decode()
    shown = re.search(r'class="officer-total">([^<]*) responses?</strong>', html).group(1)
    if len(expected) < 10:
        assert shown == "fewer than 10"
    else:
        assert shown == "hidden" or int(shown) == (len(expected) + 2) // 5 * 5

    listed = analyst.get(url("list", consultation.pk, query=query + "&p=1")).content.decode()
    for said in made:
        if said["response"].reference in expected:
            assert said["response"].reference in listed or len(expected) > 25
        else:
            assert said["response"].reference not in listed

    rows = list(csv.reader(io.StringIO(analyst_csv(analyst, consultation, query))))
    assert {row[0] for row in rows[1:]} == expected

    book = load_workbook(
        io.BytesIO(
            b"".join(
                analyst.get(url("export", consultation.pk, "xlsx", query=query)).streaming_content
            )
        )
    )
    assert {row[0] for row in book["Responses"].iter_rows(min_row=2, values_only=True)} == expected


def test_dates_filter_by_uk_day_and_a_bad_range_is_explained(consultation, analyst):
    made = random_responses(consultation, 40)
    day = made[10]["response"].submitted_at.astimezone(summary_tz()).date()
    form = ResponseFilterForm({"date_from": day.isoformat(), "date_to": day.isoformat()})
    filtered = form.apply(responses_to(consultation))
    assert set(filtered) == {
        s["response"]
        for s in made
        if s["response"].submitted_at.astimezone(summary_tz()).date() == day
    }

    response = analyst.get(
        url("summary", consultation.pk, query="date_from=2026-05-02&date_to=2026-05-01&district=x")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The end date must be on or after the start date." in html
    assert "40 responses" in html  # the bad filters are not applied
    assert (
        analyst.get(url("summary", consultation.pk, query="date_from=yesterday")).status_code == 200
    )


# Exports ----------------------------------------------------------------------------


@pytest.fixture
def three(consultation):
    first = make_response(
        consultation,
        [
            {"question_key": "overall", "question_type": "agreement", "option_code": "agree"},
            {
                "question_key": "principles",
                "question_type": "grid",
                "item_key": "prevention",
                "option_code": "strongly_agree",
            },
            {
                "question_key": "ranking",
                "question_type": "ranking",
                "option_code": "buses",
                "number": 1,
            },
            {
                "question_key": "ranking",
                "question_type": "ranking",
                "option_code": "parks",
                "number": 2,
            },
            {
                "question_key": "involved",
                "question_type": "single_choice",
                "option_code": "other",
                "text": "Parish council",
            },
            {
                "question_key": "activities",
                "question_type": "multiple_choice",
                "option_code": "clubs",
            },
            {
                "question_key": "activities",
                "question_type": "multiple_choice",
                "option_code": "other",
                "text": "Choir",
            },
            {"question_key": "comments", "question_type": "long_text", "text": "Więcej ławek 🙂"},
            {"question_key": "hours", "question_type": "number", "number": 12},
            {"question_key": "started", "question_type": "date", "date": datetime.date(2019, 3, 5)},
            {"question_key": "email", "question_type": "email", "text": "a@example.org"},
            {"question_key": "consent", "question_type": "consent", "option_code": "yes"},
        ],
        equality=[("age_band", "35_44")],
        language="pl",
        district="melton",
    )
    second = make_response(
        consultation,
        [
            {"question_key": "overall", "question_type": "agreement", "option_code": "disagree"},
            {
                "question_key": "comments",
                "question_type": "long_text",
                "text": '=HYPERLINK("http://x")',
            },
        ],
        language="ur",
        version="easy_read",
        respondent_type="organisation",
    )
    third = make_response(consultation, [], language="en")
    return first, second, third


def by_reference(rows):
    header = rows[0]
    return header, {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}


def test_csv_export_has_one_row_per_response_and_a_column_per_key(consultation, analyst, three):
    first, second, third = three
    header, rows = by_reference(list(csv.reader(io.StringIO(analyst_csv(analyst, consultation)))))
    assert header[:6] == [
        "reference",
        "submitted_at",
        "language",
        "version",
        "respondent_type",
        "district",
    ]
    for name in [
        "overall",
        "principles:prevention",
        "principles:engagement",
        "ranking:parks",
        "ranking:buses",
        "ranking:libraries",
        "involved",
        "involved:other_text",
        "activities:clubs",
        "activities:youth",
        "activities:green_spaces",
        "activities:other",
        "activities:other_text",
        "comments",
        "comments:themes",
        "hours",
        "email",
    ]:
        assert name in header, name
    assert len(rows) == 3
    row = rows[first.reference]
    assert row["language"] == "pl" and row["district"] == "melton" and row["version"] == "standard"
    assert row["overall"] == "agree"
    assert row["principles:prevention"] == "strongly_agree" and row["principles:engagement"] == ""
    assert (row["ranking:buses"], row["ranking:parks"], row["ranking:libraries"]) == ("1", "2", "")
    assert (row["involved"], row["involved:other_text"]) == ("other", "Parish council")
    assert (row["activities:clubs"], row["activities:youth"], row["activities:other"]) == (
        "1",
        "",
        "1",
    )
    assert row["activities:other_text"] == "Choir"
    assert row["comments"] == "Więcej ławek 🙂"
    assert row["hours"] == "12" and row["email"] == "a@example.org"
    assert row["started"] == "2019-03-05"
    assert row["consent"] == "yes" and rows[second.reference]["consent"] == ""
    assert rows[second.reference]["version"] == "easy_read"
    assert rows[second.reference]["respondent_type"] == "organisation"
    assert rows[third.reference]["overall"] == ""


def test_excel_export_opens_with_the_same_cells(consultation, analyst, three):
    first, second, _third = three
    response = analyst.get(url("export", consultation.pk, "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book["Responses"]
    header, rows = by_reference([list(r) for r in sheet.iter_rows(values_only=True)])
    assert len(rows) == 3
    row = rows[first.reference]
    assert row["overall"] == "agree"
    assert row["ranking:buses"] == 1 and row["hours"] == 12
    assert row["started"].date() == datetime.date(2019, 3, 5)
    assert row["activities:clubs"] == 1 and row["activities:youth"] is None
    assert row["comments"] == "Więcej ławek 🙂"
    assert row["submitted_at"].date() == first.submitted_at.astimezone(summary_tz()).date()
    codes = {r[0]: r for r in book["Questions"].iter_rows(values_only=True)}
    assert "agree = Agree" in codes["overall"][2]


def test_spreadsheet_formulas_in_answers_never_run(consultation, analyst, three):
    _first, second, _third = three
    _header, rows = by_reference(list(csv.reader(io.StringIO(analyst_csv(analyst, consultation)))))
    assert rows[second.reference]["comments"] == '\'=HYPERLINK("http://x")'

    response = analyst.get(url("export", consultation.pk, "xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Responses"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("comments")
    cell = next(
        row[column] for row in sheet.iter_rows(min_row=2) if row[0].value == second.reference
    )
    assert cell.value == '=HYPERLINK("http://x")'  # kept exactly, as text
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_exports_read_responses_in_chunks_not_one_by_one(consultation, analyst):
    random_responses(consultation, 5)
    columns = exports.survey_columns(consultation.survey_definition)
    with CaptureQueriesContext(connection) as few:
        list(exports.rows(responses_to(consultation), columns))
    random_responses(consultation, 30, seed=8)
    with CaptureQueriesContext(connection) as many:
        list(exports.rows(responses_to(consultation), columns))
    assert len(many) == len(few)
    assert analyst.get(url("export", consultation.pk, "csv")).streaming


def equality_csv(client, page, query=""):
    response = client.get(url("export_equality", page.pk, query=query))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_equality_answers_are_exported_in_a_file_of_their_own(consultation, equality_holder, three):
    """No file holds equality answers beside an email address, a postcode or
    free text: the export of responses has none, even for the "Equality data"
    group, and theirs has nothing but the equality answers."""
    first, _second, _third = three
    make_response(
        consultation,
        [
            {"question_key": "email", "question_type": "email", "text": "me@example.org"},
            {"question_key": "postcode", "question_type": "postcode", "text": "LE3 8RA"},
        ],
        equality=[("age_band", "65_74"), ("sex", "female")],
    )
    for file_format in ("csv", "xlsx"):
        response = equality_holder.get(url("export", consultation.pk, file_format))
        content = b"".join(response.streaming_content)
        if file_format == "xlsx":
            sheet = load_workbook(io.BytesIO(content))["Responses"]
            header = [cell.value for cell in sheet[1]]
        else:
            header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert "email" in header and "postcode" in header
        assert not [name for name in header if name.startswith("equality:")]
        assert b"65_74" not in content and b"35_44" not in content

    rows = equality_csv(equality_holder, consultation)
    header, body = rows[0], rows[1:]
    assert header and all(name.startswith("equality:") for name in header)
    assert "equality:age_band" in header and "equality:sex" in header
    text = "\n".join(",".join(row) for row in rows)
    for identifier in ("me@example.org", "a@example.org", "LE3 8RA", first.reference, "melton"):
        assert identifier not in text
    ages = sorted(row[header.index("equality:age_band")] for row in body)
    assert ages == ["35_44", "65_74"]  # only the responses that gave equality answers
    # Only for the "Equality data" group, and in the officers' log.
    analyst = Client()
    force_login_verified(analyst, staff("plain-analyst", ["Consultation analysts"]))
    assert analyst.get(url("export_equality", consultation.pk)).status_code in (302, 403)
    entry = OfficerLogEntry.objects.get(action="consultations.export_equality")
    assert entry.data["responses"] == 4 and entry.username == "equality1"


def test_exports_are_in_the_officers_audit_log(consultation, analyst, three):
    analyst_csv(analyst, consultation, "district=melton")
    entry = OfficerLogEntry.objects.get(action="consultations.export_responses")
    assert entry.page_id == consultation.pk
    assert entry.consultation_key == consultation.translation_key
    assert entry.data["responses"] == 1 and entry.data["format"] == "csv"
    assert entry.user.username == "analyst1"
    assert describe(entry) == "Exported 1 responses as CSV (Area: Melton)"
    assert not PageLogEntry.objects.filter(action__startswith="consultations.export").exists()
    audit = analyst.get(url("audit")).content.decode()
    assert "Exported 1 responses as CSV (Area: Melton)" in audit
    assert "analyst1" in audit


def test_editors_see_no_export_in_page_or_site_history(client, consultation, analyst, three):
    """Exports and deletions are in the officers' log, not in Wagtail's, whose
    page history and site history editors read."""
    analyst_csv(analyst, consultation, "district=melton")
    analyst.get(url("export_summary", consultation.pk))
    analyst.post(url("delete", three[2].pk))
    assert OfficerLogEntry.objects.count() == 3
    editor = Client()
    editor.force_login(staff("history-editor", ["Editors"]))
    boss = Client()
    force_login_verified(boss, staff("history-boss", superuser=True))
    for reader in (editor, boss):
        for address in (
            f"/admin/pages/{consultation.pk}/history/",
            "/admin/reports/site-history/",
            "/admin/reports/site-history/results/",
        ):
            response = reader.get(address)
            assert response.status_code == 200, address
            html = response.content.decode()
            assert "Exported" not in html and "Export responses" not in html, address
            assert "Deleted response" not in html and three[2].reference not in html, address
    assert editor.get(url("audit")).status_code in (302, 403)
    assert "Officers&#x27; audit log" not in editor.get("/admin/").content.decode()
    audit = boss.get(url("audit")).content.decode()
    assert f"Deleted response {three[2].reference}" in audit


# Free text and themes -------------------------------------------------------------------


def test_free_text_is_paged_searchable_and_shows_its_language(consultation, analyst):
    for n in range(30):
        make_response(
            consultation,
            [{"question_key": "comments", "question_type": "long_text", "text": f"Bench {n}"}],
            language="pl" if n == 29 else "en",
        )
    make_response(
        consultation,
        [{"question_key": "comments", "question_type": "long_text", "text": "زیادہ بسیں"}],
        language="ur",
    )
    page_one = analyst.get(url("text", consultation.pk, "comments")).content.decode()
    assert "31 answers" in page_one and "Page 1 of 2" in page_one
    assert '<blockquote lang="ur" dir="auto"' in page_one and "Written in اردو" in page_one
    found = analyst.get(
        url("text", consultation.pk, "comments", query="q=bench+2")
    ).content.decode()
    assert "Bench 2<" in found and "Bench 29" in found and "Bench 3<" not in found
    assert analyst.get(url("text", consultation.pk, "nothing_here")).status_code == 404


def test_analysts_code_answers_with_themes_counted_in_summary_and_export(consultation, analyst):
    answers = [
        make_response(
            consultation,
            [{"question_key": "comments", "question_type": "long_text", "text": text}],
        )
        for text in ("More buses", "Buses and benches", "Nothing")
    ]
    text_url = url("text", consultation.pk, "comments")
    analyst.post(text_url, {"action": "add_theme", "name": "Transport"})
    analyst.post(text_url, {"action": "add_theme", "name": "Transport"})  # a clear no
    analyst.post(text_url, {"action": "add_theme", "name": "  "})
    analyst.post(text_url, {"action": "add_theme", "name": "Benches"})
    themes = {
        t.name: t for t in Theme.objects.filter(consultation_key=consultation.translation_key)
    }
    assert set(themes) == {"Transport", "Benches"}
    ids = [Answer.objects.get(response=r).pk for r in answers]
    analyst.post(
        text_url,
        {
            "action": "tag",
            "answer": [str(pk) for pk in ids],
            f"themes-{ids[0]}": [themes["Transport"].pk],
            f"themes-{ids[1]}": [themes["Transport"].pk, themes["Benches"].pk],
        },
    )
    counted = Summary(consultation, responses_to(consultation))
    comments = next(item for item in counted.questions() if item.question.key == "comments")
    assert {theme.name: figure.count for theme, figure in comments.themes} == {
        "Transport": 2,
        "Benches": 1,
    }
    # Three responses are too few for any figure to be shown.
    summary = analyst.get(url("summary", consultation.pk)).content.decode()
    assert '<th scope="row">Transport</th><td>hidden</td>' in summary
    assert '<th scope="row">Benches</th><td>hidden</td>' in summary
    _header, rows = by_reference(list(csv.reader(io.StringIO(analyst_csv(analyst, consultation)))))
    assert rows[answers[1].reference]["comments:themes"] == "Benches; Transport"
    untagged = analyst.get(text_url + "?theme=none").content.decode()
    assert "Nothing" in untagged and "More buses" not in untagged


# One response -----------------------------------------------------------------------


def test_a_response_is_shown_whole_and_deleted_with_an_audit_entry(consultation, analyst, three):
    first, _second, _third = three
    html = analyst.get(url("response", first.pk)).content.decode()
    assert "Więcej ławek 🙂" in html
    assert "Something else: Parish council" in html  # the option's own "Other" wording
    assert '<span lang="pl" dir="auto">' in html
    assert analyst.get(url("delete", first.pk)).status_code == 200
    response = analyst.post(url("delete", first.pk))
    assert response.status_code == 302
    assert not Response.objects.filter(pk=first.pk).exists()
    assert not Answer.objects.filter(response_id=first.pk).exists()
    entry = OfficerLogEntry.objects.get(action="consultations.delete_response")
    assert entry.data == {"reference": first.reference}
    assert "ławek" not in str(entry.data)
    assert not ModelLogEntry.objects.filter(data__icontains="ławek").exists()


@pytest.mark.parametrize(
    "typed", ["{ref}", "{ref_lower}", " {ref_spaced} ", "{ref_bare}", "{ref_dashes}"]
)
def test_an_officer_finds_a_response_by_its_reference_however_it_is_typed(
    consultation, analyst, three, typed
):
    first = three[0]
    ref = first.reference
    body = ref.replace("HYS-", "").replace("-", "")
    typed = typed.format(
        ref=ref,
        ref_lower=ref.lower(),
        ref_spaced=ref.replace("-", " "),
        ref_bare=body,
        ref_dashes=f"HYS – {body[:4]}‑{body[4:]}",
    )
    index = analyst.get(url("index")).content.decode()
    assert "Find a response by its reference" in index
    response = analyst.get(url("find"), {"reference": typed})
    assert response.status_code == 302
    assert response["Location"] == url("response", first.pk)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Enter the response&#x27;s reference"),
        ("HYS-2345", "Enter a reference like HYS-AB12-CD34"),
        ("<script>alert(1)</script>", "Enter a reference like HYS-AB12-CD34"),
        ("x" * 500, "Ensure this value has at most 40 characters"),
        ("HYS-ZZZZ-ZZZZ", "No response has the reference HYS-ZZZZ-ZZZZ"),
    ],
)
def test_a_reference_that_finds_nothing_gets_a_message(analyst, three, typed, message):
    response = analyst.get(url("find"), {"reference": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)" not in html


def test_a_response_found_by_reference_is_deleted_with_only_its_reference_logged(
    consultation, analyst, three
):
    first = three[0]
    found = analyst.get(url("find"), {"reference": first.reference.lower()})
    assert analyst.post(found["Location"] + "delete/").status_code == 302
    assert not Response.objects.filter(reference=first.reference).exists()
    entry = OfficerLogEntry.objects.get(action="consultations.delete_response")
    assert entry.data == {"reference": first.reference}
    again = analyst.get(url("find"), {"reference": first.reference}).content.decode()
    assert f"No response has the reference {first.reference}" in again


# Who may see what -------------------------------------------------------------------------

SECRET = "Zebra-crossing-7731 on Main Street"


@pytest.fixture
def secret_response(consultation):
    return make_response(
        consultation,
        [{"question_key": "comments", "question_type": "long_text", "text": SECRET}],
        equality=[("age_band", "35_44")],
    )


def every_url(page, response):
    return [
        ("get", url("index")),
        ("get", url("summary", page.pk)),
        ("get", url("list", page.pk)),
        ("get", url("text", page.pk, "comments")),
        ("post", url("text", page.pk, "comments")),
        ("get", url("export", page.pk, "csv")),
        ("get", url("export", page.pk, "xlsx")),
        ("get", url("export_summary", page.pk)),
        ("get", url("audit")),
        ("get", url("find", query=f"reference={response.reference}")),
        ("get", url("response", response.pk)),
        ("get", url("delete", response.pk)),
        ("post", url("delete", response.pk)),
    ]


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize(
    "who", ["anonymous", "editor", "consultation_editor", "equality_only", "moderator"]
)
def test_nobody_but_analysts_gets_anything_from_any_officer_url(
    client, consultation, secret_response, who
):
    groups = {
        "editor": ["Editors"],
        "consultation_editor": ["Consultation editors"],
        "equality_only": ["Equality data"],
        "moderator": ["Moderators"],
    }
    if who != "anonymous":
        force_login_verified(client, staff(f"test-{who}", groups[who]))
    for method, address in every_url(consultation, secret_response):
        response = getattr(client, method)(
            address, {"action": "add_theme", "name": "x"} if method == "post" else None
        )
        assert response.status_code in (302, 403), (who, address, response.status_code)
        if response.status_code == 302:
            # To the login page, or (signed in) to the dashboard with "no permission".
            expected = "/admin/login/" if who == "anonymous" else "/admin/"
            assert response["Location"].split("?")[0] == expected, (who, address)
        assert SECRET not in body(response)
    assert Response.objects.filter(pk=secret_response.pk).exists()
    assert not Theme.objects.filter(name="x").exists()


def test_analysts_and_superusers_get_every_url(client, consultation, secret_response):
    for user in [staff("an", ["Consultation analysts"]), staff("root", superuser=True)]:
        force_login_verified(client, user)
        for method, address in every_url(consultation, secret_response)[:-1]:
            if method == "post":
                continue
            response = client.get(address, follow=True)
            assert response.status_code == 200, (user, address)
        assert SECRET in body(client.get(url("text", consultation.pk, "comments")))


def test_an_editor_sees_no_answer_anywhere_in_the_admin(client, consultation, secret_response):
    editor = staff("ed", ["Editors", "Consultation editors"])
    client.force_login(editor)
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.get(name="Consultation editors")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=consultation.get_parent(),
            permission=Permission.objects.get(codename=codename),
        )
    addresses = [
        "/admin/",
        f"/admin/pages/{consultation.get_parent().pk}/",
        f"/admin/pages/{consultation.pk}/edit/",
        f"/admin/pages/{consultation.pk}/history/",
        "/admin/reports/site-history/",
        "/admin/pages/search/?q=Zebra",
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code in (200, 302, 403), address
        assert SECRET not in body(response), address
        assert "Consultation responses" not in body(response), address
    edit = client.get(f"/admin/pages/{consultation.pk}/edit/")
    assert edit.status_code == 200
    assert url("summary", consultation.pk) not in body(edit)


def figures_csv(client, page, query=""):
    response = client.get(url("export_summary", page.pk, query=query))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_export_of_figures_hides_small_equality_counts(consultation, equality_holder):
    for _n in range(12):
        make_response(
            consultation,
            [{"question_key": "overall", "question_type": "agreement", "option_code": "agree"}],
            equality=[("age_band", "35_44")],
        )
    make_response(consultation, equality=[("age_band", "65_74")], district="melton")
    rows = figures_csv(equality_holder, consultation)
    assert rows[0][-2:] == ["measure", "value"]
    found = {(r[1], r[4], r[6]): r[7] for r in rows[1:]}
    # Every count hidden below 10 and rounded to the nearest 5 otherwise, and
    # shares of the rounded figures.
    assert found[("", "", "responses in total")] == "15"
    assert found[("overall", "agree", "responses")] == "10"
    assert found[("overall", "agree", "share of those who answered (%)")] == "100"
    assert found[("age_band", "35_44", "responses")] == "10"
    assert found[("age_band", "65_74", "responses")] == "fewer than 10"
    assert ("age_band", "65_74", "share of those who answered (%)") not in found
    assert found[("district", "melton", "responses")] == "fewer than 10"

    melton = {
        (r[1], r[4], r[6]): r[7]
        for r in figures_csv(equality_holder, consultation, "district=melton")[1:]
    }
    assert melton[("", "", "responses in total")] == "fewer than 10"
    assert melton[("district", "melton", "responses")] == "hidden"


def test_analysts_export_of_figures_has_equality_only_as_a_total(consultation, analyst):
    for _n in range(11):
        make_response(consultation, equality=[("age_band", "35_44")])
    rows = figures_csv(analyst, consultation)
    assert not [r for r in rows if r[1] == "age_band"]
    assert rows[-1][-2:] == ["responses with equality answers", "10"]  # 11, rounded


SEVEN_SCRIPTS = (
    "Więcej ławek 🙂 ہم چاہتے ہیں 我們希望 અમે ઇચ્છીએ ਅਸੀਂ ਚਾਹੁੰਦੇ ਹਾਂ আমরা চাই cafe\u0301 👩🏽‍🦽"
)


def test_text_in_every_script_comes_back_exactly_and_script_never_runs(consultation, analyst):
    mixed = make_response(
        consultation,
        [{"question_key": "comments", "question_type": "long_text", "text": SEVEN_SCRIPTS}],
    )
    hostile = make_response(
        consultation,
        [
            {
                "question_key": "comments",
                "question_type": "long_text",
                "text": '<script>alert("x")</script><img src=x onerror=alert(1)>',
            }
        ],
    )
    for address in (url("text", consultation.pk, "comments"), url("response", hostile.pk)):
        html = analyst.get(address).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert SEVEN_SCRIPTS in analyst.get(url("response", mixed.pk)).content.decode()

    _header, rows = by_reference(list(csv.reader(io.StringIO(analyst_csv(analyst, consultation)))))
    assert rows[mixed.reference]["comments"] == SEVEN_SCRIPTS
    sheet = load_workbook(
        io.BytesIO(b"".join(analyst.get(url("export", consultation.pk, "xlsx")).streaming_content))
    )["Responses"]
    header = [cell.value for cell in sheet[1]]
    cells = {
        row[0]: row[header.index("comments")]
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert cells[mixed.reference] == SEVEN_SCRIPTS
    assert cells[hostile.reference] == '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_a_consultations_edit_page_links_to_its_responses_for_those_who_may_see_them(
    client, consultation
):
    force_login_verified(client, staff("boss", superuser=True))
    edit = client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert f'href="{url("summary", consultation.pk)}"' in edit
    index = consultation.get_parent()
    assert (
        url("summary", index.pk)
        not in client.get(f"/admin/pages/{index.pk}/edit/").content.decode()
    )


def test_exports_logged_in_wagtails_log_before_move_to_the_officers_log(consultation, three):
    """Upgrading moves the exports and deletions already in Wagtail's log (and
    so in page and site history) to the officers' log, losing none."""
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    user = staff("old-analyst", ["Consultation analysts"])
    # As Wagtail's log() wrote them, when these actions were registered with it
    # (bulk_create: Wagtail now refuses unregistered actions on save).
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                page=consultation,
                content_type=ContentType.objects.get_for_model(consultation),
                label=consultation.title,
                action="consultations.export_responses",
                user=user,
                timestamp=timezone.now(),
                data={"format": "csv", "filters": [], "responses": 3},
            )
        ]
    )
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(Response),
                object_id=str(three[0].pk),
                label=three[0].reference,
                action="consultations.delete_response",
                user=user,
                timestamp=timezone.now(),
                data={"reference": "HYS-OLD"},
            )
        ]
    )
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                page=consultation,
                content_type=ContentType.objects.get_for_model(consultation),
                label=consultation.title,
                action="wagtail.edit",  # stays where it is
                user=user,
                timestamp=timezone.now(),
            )
        ]
    )
    migration = importlib.import_module("consultations.migrations.0007_officer_log")
    migration.move_officers_entries(apps, None)
    moved = {entry.action: entry for entry in OfficerLogEntry.objects.all()}
    assert set(moved) == {"consultations.export_responses", "consultations.delete_response"}
    export = moved["consultations.export_responses"]
    assert (export.page_id, export.username, export.data["responses"]) == (
        consultation.pk,
        "old-analyst",
        3,
    )
    assert export.consultation_key == consultation.translation_key
    assert moved["consultations.delete_response"].data == {"reference": "HYS-OLD"}
    assert not PageLogEntry.objects.filter(action__startswith="consultations.").exists()
    assert not ModelLogEntry.objects.filter(action__startswith="consultations.").exists()
    assert PageLogEntry.objects.filter(action="wagtail.edit").exists()


def test_one_response_exports_as_a_document_that_prints(consultation, analyst, three):
    first, _second, _third = three
    detail = analyst.get(url("response", first.pk)).content.decode()
    assert url("document", first.pk) in detail
    page = analyst.get(url("document", first.pk))
    html = page.content.decode()
    assert page.status_code == 200
    assert f"<h1>Response {first.reference}</h1>" in html
    assert "Więcej ławek 🙂" in html and '<span lang="pl" dir="auto">' in html
    assert "Something else: Parish council" in html
    assert "response_document.css" in html and "wagtail" not in html.lower()
    assert "Equality monitoring" not in html  # analysts see no equality answer
    entry = OfficerLogEntry.objects.get(action="consultations.export_response")
    assert entry.data == {"reference": first.reference}
    assert describe(entry) == f"Exported response {first.reference} as a document"

    for name, group in [("keyer1", "Data entry"), ("editor1", "Consultation editors")]:
        other = Client()
        force_login_verified(other, staff(name, [group]))
        refused = other.get(url("document", first.pk))
        assert refused.status_code in (302, 403)  # Wagtail sends them back to the dashboard
        assert "ławek" not in refused.content.decode()
    assert OfficerLogEntry.objects.filter(action="consultations.export_response").count() == 1
