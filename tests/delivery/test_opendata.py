"""The plan's open data: stable addresses, CSV and JSON, the licence."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db


def test_the_data_page_lists_each_dataset_under_the_licence(client, plan):
    html = client.get(plan.page.url + "data/").content.decode()
    assert "Open Government Licence v3.0" in html
    for name in [
        "actions/csv/",
        "actions/json/",
        "progress-updates/csv/",
        "progress-updates/json/",
    ]:
        assert f'href="{plan.page.url}data/{name}"' in html


def test_actions_as_csv_and_json(client, plan):
    response = client.get(plan.page.url + "data/actions/csv/")
    assert response.status_code == 200 and "license" in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["title"], r["status"]) for r in rows] == [
        ("Support voluntary groups", "on_track"),
        ("Community bus routes", "at_risk"),
        ("Open community hubs", "not_started"),
    ]
    data = json.loads(client.get(plan.page.url + "data/actions/json/").content)
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert data["rows"][0]["url"] == "http://testserver/action-plan/support-groups/"


def test_progress_updates_carry_the_measures_figures(client, plan):
    data = json.loads(client.get(plan.page.url + "data/progress-updates/json/").content)
    figures = [(r["measure"], r["value"]) for r in data["rows"] if r["measure"]]
    assert figures == [("groups", "847.00"), ("money", "450000.00")]


@pytest.mark.parametrize("name", ["nothing/csv/", "actions/xlsx/", "actions.csv/"])
def test_unknown_datasets_are_not_found(client, plan, name):
    assert client.get(plan.page.url + "data/" + name).status_code == 404
