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


def test_staffordshires_demo_staff_work_for_staffordshire_only(demo):
    from django.contrib.auth import get_user_model
    from wagtail.models import Page, Site

    from consultations.models import ConsultationPage, Response
    from consultations.officers.councils import visible_consultations, visible_responses

    staffordshire = Site.objects.get(hostname="staffordshire.localhost")
    leicestershire = Site.objects.get(is_default_site=True)
    User = get_user_model()
    editor = User.objects.get(username="staffordshire-editor")
    analyst = User.objects.get(username="staffordshire-analyst")
    assert not editor.is_superuser and not analyst.is_superuser
    for user in (editor, analyst):
        for group in user.groups.all():
            assert group.council_link.site == staffordshire

    theirs = staffordshire.root_page.get_descendants(inclusive=True)
    ours = leicestershire.root_page.get_descendants(inclusive=True)
    assert theirs.exists() and ours.exists()
    for page in theirs.specific():
        assert page.permissions_for_user(editor).can_edit()
        assert page.permissions_for_user(editor).can_publish()
    for page in ours.specific():
        assert not page.permissions_for_user(editor).can_edit()
    cambridgeshire = Site.objects.get(hostname="cambridgeshire.localhost").root_page
    assert not Page.objects.get(pk=cambridgeshire.pk).permissions_for_user(editor).can_edit()
    assert (
        Page.objects.get(pk=cambridgeshire.pk)
        .permissions_for_user(User.objects.get(username="cambridgeshire-editor"))
        .can_edit()
    )

    # The analyst sees Staffordshire's consultation and its responses, and nothing else.
    keys = set(
        ConsultationPage.objects.descendant_of(staffordshire.root_page).values_list(
            "translation_key", flat=True
        )
    )
    assert set(visible_consultations(analyst).values_list("translation_key", flat=True)) == keys
    responses = visible_responses(analyst)
    assert responses.count() == Response.objects.filter(consultation_key__in=keys).count() > 0
    assert not visible_responses(editor).exists()
