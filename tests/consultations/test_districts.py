"""Each council's districts: the survey's area question, the officers' area
filter and the consultations finder's "Area" filter use the districts of the
council whose site the consultation is on, and never another council's."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Site

from consultations.factories import (
    ConsultationPageFactory,
    question,
    section,
    survey_with_ids,
)
from consultations.models import ConsultationPage
from consultations.officers.results import ResponseFilterForm
from core.models import CouncilSettings, district_choices_for
from core.models.settings import parse_districts, validate_districts
from home.councils import create_council

from .conftest import Resident

pytestmark = pytest.mark.django_db

OTHER_HOST = "staffs.example"
STAFFORDSHIRE = ["Cannock Chase", "East Staffordshire", "Newcastle-under-Lyme", "Tamworth"]


def one_question_survey():
    return survey_with_ids(
        [section("views", "Your views", [question("yes_no", "support", "Do you agree?")])]
    )


@pytest.fixture
def staffordshire(home):
    """A second council, with its own districts and a consultation of its own."""
    site = create_council("Staffordshire County Council", OTHER_HOST, districts=STAFFORDSHIRE)
    index = site.root_page.get_children().get(slug="have-your-say").specific
    return ConsultationPageFactory(parent=index, survey=one_question_survey())


class OtherHostResident(Resident):
    def get(self, step="", **kwargs):
        return super().get(step, HTTP_HOST=OTHER_HOST, **kwargs)

    def post(self, step, data, **kwargs):
        return super().post(step, data, HTTP_HOST=OTHER_HOST, **kwargs)


@pytest.fixture
def staffs_resident(client, staffordshire):
    resident = OtherHostResident(client, staffordshire)
    resident.base = staffordshire.get_url_parts()[2] + "survey/"
    resident.get()
    resident.answer("views", {"support": "yes"})
    return resident


# The council's list -----------------------------------------------------------------


def test_codes_come_from_the_names_or_from_after_a_bar():
    assert parse_districts(
        "Newcastle-under-Lyme\n\n  Hinckley and Bosworth | hinckley_bosworth \nStafford"
    ) == [
        ("newcastle_under_lyme", "Newcastle-under-Lyme"),
        ("hinckley_bosworth", "Hinckley and Bosworth"),
        ("stafford", "Stafford"),
    ]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Stafford\nStafford", "Two districts have the code 'stafford'"),
        ("Somewhere | elsewhere", "kept for an answer that is not a district"),
        ("Stafford | 9 Stafford", "needs a code after a bar"),
        ("北區", "needs a code after a bar"),
    ],
)
def test_a_list_whose_codes_would_clash_is_refused_in_plain_words(text, problem):
    with pytest.raises(ValidationError) as refused:
        validate_districts(text)
    assert problem in " ".join(refused.value.messages)


def test_an_empty_list_on_an_upgraded_site_gets_the_codes_answers_were_stored_under(home):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("core.migrations.0006_district_codes")
    council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    council.districts = ""
    council.save()
    migration.fill_empty_lists(apps, None)
    council.refresh_from_db()
    assert [code for code, _name in council.district_choices] == [
        "blaby",
        "charnwood",
        "harborough",
        "hinckley_bosworth",
        "melton",
        "north_west_leicestershire",
        "oadby_wigston",
    ]


# The survey's area question ----------------------------------------------------------


def test_a_council_asks_for_its_own_districts(staffs_resident, staffordshire):
    html = staffs_resident.get("about_you").content.decode()
    for name in STAFFORDSHIRE:
        assert name in html
    assert "Somewhere else" in html
    assert "Blaby" not in html and "Charnwood" not in html
    easy = staffordshire.easy_read_survey_definition.question("district")
    assert [o.code for o in easy.options] == [
        "cannock_chase",
        "east_staffordshire",
        "newcastle_under_lyme",
        "tamworth",
        "elsewhere",
    ]
    assert str(easy.options[-1].label) == "I live somewhere else"


def test_an_answer_from_the_councils_list_is_stored(staffs_resident):
    staffs_resident.answer(
        "about_you", {"respondent_type": "individual", "district": "newcastle_under_lyme"}
    )
    staffs_resident.answer("equality", {}, expect_next="check")
    html = staffs_resident.get("check").content.decode()
    assert "Newcastle-under-Lyme" in html
    assert staffs_resident.submit().status_code == 302
    assert staffs_resident.responses.get().district == "newcastle_under_lyme"


def test_another_councils_district_is_a_form_error(staffs_resident):
    response = staffs_resident.post(
        "about_you", {"respondent_type": "individual", "district": "blaby"}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not staffs_resident.responses.exists()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    district=st.one_of(
        st.sampled_from(["blaby", "cannock_chase", "elsewhere", "", "tamworth "]),
        st.text(max_size=60),
    )
)
def test_any_area_answer_is_stored_as_one_of_the_councils_codes_or_refused(
    staffs_resident, district
):
    response = staffs_resident.post(
        "about_you", {"respondent_type": "individual", "district": district}
    )
    allowed = {"cannock_chase", "east_staffordshire", "newcastle_under_lyme", "tamworth"}
    allowed.add("elsewhere")
    if district in allowed:
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        assert "There is a problem" in response.content.decode()


def test_officers_filter_by_the_councils_districts(staffordshire):
    districts = staffordshire.council_districts
    form = ResponseFilterForm({"district": "tamworth"}, districts=districts)
    assert form.values == {"district": "tamworth"}
    assert ("tamworth", "Tamworth") in form.fields["district"].choices
    forged = ResponseFilterForm({"district": "blaby"}, districts=districts)
    assert forged.values == {}  # left out, never an error page


# What a consultation covers, and the finder's Area filter -----------------------------


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture
def covered(index):
    ConsultationPage.objects.child_of(index).delete()
    return {
        "county": ConsultationPageFactory(parent=index, title="All of us"),
        "melton": ConsultationPageFactory(
            parent=index, title="Melton buses", covers_districts=["melton"]
        ),
        "two": ConsultationPageFactory(
            parent=index,
            title="Charnwood and Blaby parks",
            covers_districts=["blaby", "charnwood"],
            opens_at=days(5),
            closes_at=days(40),
        ),
    }


TITLES = ["All of us", "Melton buses", "Charnwood and Blaby parks"]


def shown(html):
    return [title for title in TITLES if title in html]


@pytest.mark.parametrize(
    "area, expected",
    [
        ("melton", ["All of us", "Melton buses"]),
        ("charnwood", ["All of us", "Charnwood and Blaby parks"]),
        ("oadby_wigston", ["All of us"]),
        ("", TITLES),
    ],
)
def test_a_district_shows_its_consultations_and_the_whole_countys(
    client, index, covered, area, expected
):
    html = client.get(index.url, {"area": area}).content.decode()
    assert shown(html) == expected
    assert f"{len(expected)} consultation" in html
    if area:
        name = dict(district_choices_for(Site.objects.get(is_default_site=True)))[area]
        assert f"<strong>{name}</strong>" in html  # in the chosen filters, to remove


def test_the_area_filter_keeps_the_status_filter(client, index, covered):
    html = client.get(index.url, {"area": "blaby", "status": "open"}).content.decode()
    assert shown(html) == ["All of us"]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    area=st.one_of(
        st.text(max_size=40), st.sampled_from(["cannock_chase", "melton ", "melton", "blaby"])
    )
)
def test_an_area_the_council_does_not_have_is_ignored(client, index, covered, area):
    area = area.replace("\x00", "")  # refused before any view (core/request_checks.py)
    response = client.get(index.url, {"area": area})
    assert response.status_code == 200
    html = response.content.decode()
    codes = {code for code, _name in district_choices_for(Site.objects.get(is_default_site=True))}
    if area in codes:
        assert "All of us" in shown(html)
    else:
        assert shown(html) == TITLES


def test_the_area_filter_adds_no_query_per_consultation(client, index, covered):
    def queries(area):
        """The queries of a second visit (the first fills the kept look-ups;
        new pages start a new generation of them)."""
        client.get(index.url, {"area": area})
        with CaptureQueriesContext(connection) as captured:
            assert client.get(index.url, {"area": area}).status_code == 200
        return len(captured)

    few = queries("melton")
    for n in range(6):
        ConsultationPageFactory(parent=index, title=f"More {n}", covers_districts=["melton"])
    assert queries("melton") == few
    assert queries("") == few


def test_the_page_says_what_it_covers(client, covered):
    county = client.get(covered["county"].url).content.decode()
    assert "Covers" in county and "The whole county" in county
    two = client.get(covered["two"].url).content.decode()
    assert "Blaby, Charnwood" in two  # the council's order


def test_an_editor_picks_from_the_councils_districts(staffordshire, index, admin_user):
    form_class = ConsultationPage.get_edit_handler().get_form_class()
    form = form_class(instance=staffordshire, for_user=admin_user)
    assert [code for code, _name in form.fields["covers_districts"].choices] == [
        "cannock_chase",
        "east_staffordshire",
        "newcastle_under_lyme",
        "tamworth",
    ]
    new = form_class(instance=ConsultationPage(), parent_page=index, for_user=admin_user)
    assert ("melton", "Melton") in new.fields["covers_districts"].choices


def save_in_admin(admin_client, page, covers):
    from django.urls import reverse

    from .admin_forms import consultation_form_data

    data = consultation_form_data(
        page.title,
        page.slug,
        [section("views", "Your views", [question("yes_no", "support", "Do you agree?")])],
        timezone.localtime(page.opens_at),
        timezone.localtime(page.closes_at),
    )
    data["covers_districts"] = covers
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_an_editor_ticks_districts_and_another_councils_is_refused(admin_client, index):
    page = ConsultationPageFactory(parent=index, survey=one_question_survey())
    response = save_in_admin(admin_client, page, ["melton", "blaby"])
    assert response.status_code == 302
    page.refresh_from_db()
    assert sorted(page.covers_districts) == ["blaby", "melton"]
    assert page.covered_district_names == ["Blaby", "Melton"]

    refused = save_in_admin(admin_client, page, ["cannock_chase"])
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    page.refresh_from_db()
    assert sorted(page.covers_districts) == ["blaby", "melton"]


def test_officers_summary_counts_the_councils_own_districts(staffordshire):
    from consultations.officers.results import Summary, responses_to

    from .officers import make_response

    make_response(staffordshire, district="tamworth")
    summary = Summary(staffordshire, responses_to(staffordshire), threshold=1)
    area = [part for part in summary.about_you() if part.question.key == "district"][0]
    counted = {figure.code: (str(figure.label), figure.count) for figure in area.figures}
    assert counted["tamworth"] == ("Tamworth", 1)
    assert "blaby" not in counted


def test_a_district_taken_off_the_list_is_still_shown_not_the_whole_county():
    from consultations.models.pages import covered_names

    council = [("blaby", "Blaby"), ("melton", "Melton")]
    assert covered_names(["melton", "old_district", "blaby"], council) == [
        "Blaby",
        "Melton",
        "old_district",
    ]
    assert covered_names([], council) == []
