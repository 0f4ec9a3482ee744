"""A closed consultation's published headline figures as open data: CSV and
JSON at a stable address below the consultation, the same figures as its page
shows (small numbers left out the same way), listed with the datasets of the
plans whose actions it led to."""

import csv
import datetime
import html
import io
import json
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from consultations.models import Answer, Response
from delivery.factories import ActionPageFactory, DeliveryPlanPageFactory

pytestmark = pytest.mark.django_db
DATA = "data/headline-figures/"


def figure(question_key, option_codes, description, statement_code=""):
    return {
        "type": "figure",
        "value": {
            "question_key": question_key,
            "statement_code": statement_code,
            "option_codes": option_codes,
            "description": description,
        },
    }


HEADLINES = [
    figure("principles", "strongly_agree, agree", "agreed with prevention", "prevention"),
    figure("activities", "clubs", "=chose clubs"),
    figure("ranking", "buses", "put buses first"),
]


@pytest.fixture
def index(home):
    return ConsultationIndexPageFactory(parent=home, slug="have-your-say", title="Have your say")


def closed_consultation(index, **fields):
    closes = timezone.now() - datetime.timedelta(days=30)
    wanted = {
        "opens_at": closes - datetime.timedelta(days=60),
        "closes_at": closes,
        "results_headlines": HEADLINES,
        "results": "<p>We built a new youth club.</p>",
        "results_date": datetime.date(2014, 11, 18),
        **fields,
    }
    return ConsultationPageFactory(parent=index, **wanted)


def respond(page, answers):
    response = Response.objects.create(
        consultation_key=page.translation_key,
        page=page,
        reference=uuid.uuid4().hex[:12],
        submission_token=uuid.uuid4().hex,
        language="en",
    )
    Answer.objects.bulk_create(
        Answer(response=response, question_type=kind, **fields) for kind, fields in answers
    )


@pytest.fixture
def consultation(index):
    """30 answered the grid's prevention statement (20 agreeing), 12 the
    activities (4 choosing clubs: too few to show), 3 the ranking (too few
    answered to publish the figure at all)."""
    page = closed_consultation(index, title="Communities Strategy consultation")
    for number in range(30):
        answers = [
            (
                "grid",
                {
                    "question_key": "principles",
                    "item_key": "prevention",
                    "option_code": "agree" if number < 20 else "disagree",
                },
            )
        ]
        if number < 12:
            code = "clubs" if number < 4 else "green_spaces"
            answers.append(("multiple_choice", {"question_key": "activities", "option_code": code}))
        if number < 3:
            answers.append(
                ("ranking", {"question_key": "ranking", "option_code": "buses", "number": 1})
            )
        respond(page, answers)
    return page


def publish(page):
    page.results_published = True
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_nothing_to_download_until_the_results_are_published(client, consultation):
    assert client.get(consultation.url + DATA + "json/").status_code == 404
    publish(consultation)
    assert client.get(consultation.url + DATA + "json/").status_code == 200
    assert client.get(consultation.url + DATA + "xlsx/").status_code == 404


def test_the_data_holds_the_figures_the_page_shows_under_the_licence(client, consultation):
    publish(consultation)
    page = text(client.get(consultation.url))
    response = client.get(consultation.url + DATA + "json/")
    assert "license" in response["Link"] and "open-government-licence" in response["Link"]
    data = json.loads(response.content)
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert data["consultation"] == "Communities Strategy consultation"
    rows = data["rows"]
    assert [row["description"] for row in rows] == ["agreed with prevention", "=chose clubs"]
    agreed, clubs = rows
    assert (agreed["people_who_chose"], agreed["people_who_answered"], agreed["percent"]) == (
        20,
        30,
        67,
    )
    assert "67%" in page and "20 of 30 people who answered" in page
    # Four chose clubs: fewer than the threshold, so neither the count nor
    # its share is published, here or on the page.
    assert clubs["people_who_chose"] is None and clubs["percent"] is None
    assert clubs["note"] == "fewer than 10" and clubs["people_who_answered"] == 10
    assert "Fewer than 10" in page and "of 10 people who answered" in page
    # Three answered the ranking: the figure is left out altogether.
    assert "put buses first" not in response.content.decode() and "put buses first" not in page
    assert agreed["consultation_url"] == "http://testserver" + consultation.url
    assert agreed["results_published"] == "2014-11-18"


def test_the_csv_has_the_same_rows_and_keeps_formulas_as_text(client, consultation):
    publish(consultation)
    response = client.get(consultation.url + DATA + "csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["people_who_chose"], r["percent"], r["note"]) for r in rows] == [
        ("20", "67", ""),
        ("", "", "fewer than 10"),
    ]
    assert rows[1]["description"] == "'=chose clubs"


def test_the_threshold_is_the_sites(client, consultation):
    from wagtail.models import Site

    from consultations.models import ConsultationSettings

    publish(consultation)
    settings = ConsultationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.small_number_threshold = 3
    settings.save()
    rows = json.loads(client.get(consultation.url + DATA + "json/").content)["rows"]
    assert rows[1]["people_who_chose"] == 5 and rows[1]["note"] == ""


def test_a_consultation_with_no_chosen_figures_has_no_dataset(client, index):
    page = publish(closed_consultation(index, results_headlines=[]))
    assert client.get(page.url + DATA + "csv/").status_code == 404


def test_the_plans_data_page_lists_the_figures_of_the_consultations_behind_it(
    client, plan, consultation, index
):
    other = publish(closed_consultation(index, title="Libraries consultation"))
    unpublished = closed_consultation(index, title="Buses consultation")
    ActionPageFactory(parent=plan.page, consultations=[consultation, unpublished])
    html_text = client.get(plan.page.url + "data/").content.decode()
    assert consultation.url + DATA not in html_text  # results not published yet
    publish(consultation)
    html_text = client.get(plan.page.url + "data/").content.decode()
    assert f'href="{consultation.url}{DATA}csv/"' in html_text
    assert f'href="{consultation.url}{DATA}json/"' in html_text
    assert "Headline figures of the consultation: Communities Strategy consultation" in html_text
    # Only the consultations that led to this plan's actions, with results.
    assert other.url + DATA not in html_text and unpublished.url + DATA not in html_text


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), response.content.decode().count(DATA + "csv/")


def test_the_data_page_makes_the_same_queries_for_5_and_25_consultations(client, home, index):
    measured = []
    for count in (5, 25):
        plan_page = DeliveryPlanPageFactory(parent=home)
        pages = [publish(closed_consultation(index)) for _ in range(count)]
        ActionPageFactory(parent=plan_page, consultations=pages[: count // 2])
        ActionPageFactory(parent=plan_page, consultations=pages[count // 2 :])
        queries_for(client, plan_page.url + "data/")  # caches warmed
        measured.append(queries_for(client, plan_page.url + "data/"))
    assert measured[0][1] == 5 and measured[1][1] == 25
    assert measured[0][0] == measured[1][0]
