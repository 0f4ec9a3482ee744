"""The demo's three councils, each at its own address."""

import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.mark.parametrize(
    ("host", "name", "other_names"),
    [
        ("127.0.0.1:8000", "Leicestershire County Council", ["Staffordshire", "Cambridgeshire"]),
        (
            "leicestershire.localhost:8000",
            "Leicestershire County Council",
            ["Staffordshire", "Cambridgeshire"],
        ),
        ("staffordshire.localhost:8000", "Staffordshire County Council", ["Leicestershire"]),
        ("cambridgeshire.localhost:8000", "Cambridgeshire County Council", ["Leicestershire"]),
    ],
)
def test_each_council_serves_its_own_home_page(client, demo, host, name, other_names):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200
    html = response.content.decode()
    header = re.search(r"<header.*?</header>", html, re.S).group(0)
    assert name in header
    for other in other_names:
        assert other not in html


def test_staffordshire_has_its_delivery_plan_and_consultation(client, demo):
    host = "staffordshire.localhost:8000"
    plan = client.get("/communities-delivery-plan/", HTTP_HOST=host).content.decode()
    for workstream in ("Place Based Approach", "Supportive Communities", "Troubled Individuals"):
        assert workstream in plan
    assert "£1m" in plan
    home = client.get("/", HTTP_HOST=host).content.decode()
    assert "What would help you do your bit?" in home
    # Staffordshire offers Punjabi, Urdu and Polish, not Gujarati.
    assert client.get("/pa/", HTTP_HOST=host).status_code == 200
    assert client.get("/gu/", HTTP_HOST=host).status_code == 404


def test_cambridgeshire_has_its_case_studies_and_progress_update(client, demo):
    host = "cambridgeshire.localhost:8000"
    studies = client.get("/case-studies/", HTTP_HOST=host).content.decode()
    assert "Warboys Timebank" in studies and "Wisbech Time Credits" in studies
    leicestershire = client.get("/case-studies/").content.decode()
    assert "Warboys Timebank" not in leicestershire
    report = client.get("/delivery-plan/progress-march-2017/", HTTP_HOST=host).content.decode()
    assert "£257,717" in report and "25,000" in report
