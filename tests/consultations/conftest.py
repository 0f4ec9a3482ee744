import re

import pytest

from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    easy_read_every_type_survey,
    easy_read_rows,
)
from consultations.models import Response


@pytest.fixture
def index(home):
    """The list of consultations, under the test site's home page."""
    return ConsultationIndexPageFactory(
        parent=home, slug="have-your-say", title="Have your say", show_in_menus=True
    )


@pytest.fixture
def consultation(index):
    return ConsultationPageFactory(parent=index)


@pytest.fixture
def easy(index):
    return ConsultationPageFactory(
        parent=index,
        survey=easy_read_every_type_survey(),
        easy_read_title="Our plan for communities",
        easy_read=easy_read_rows(),
    )


# What a resident posts on each page of the every-type survey, when all is well.
VIEWS = {
    "overall": "agree",
    "principles__prevention": "strongly_agree",
    "principles__engagement": "dont_know",
    "ranking__parks": "2",
    "ranking__buses": "1",
    "ranking__libraries": "3",
    "involved": "yes_often",
    "group_name": "Birstall Youth Café",
    "activities": ["clubs", "other"],
    "activities__other": "Choir",
    "comments": "Więcej ławek w parku, proszę 🙂",
}
GROUP = {
    "size": "small",
    "hours": "12",
    "started__day": "5",
    "started__month": "3",
    "started__year": "2019",
}
CONTACT = {
    "updates": "yes",
    "email": "resident@example.org",
    "postcode": "le3 8ra",
    "area": "charnwood",
    "consent": "yes",
}
ABOUT = {"respondent_type": "individual", "district": "blaby"}
EQUALITY = {"age_band": "35_44", "disability": "prefer_not_to_say"}


class Resident:
    """A resident working through a consultation's survey with the test client."""

    def __init__(self, client, page):
        self.client = client
        self.page = page
        self.base = page.url + "survey/"

    @property
    def responses(self):
        """What was stored for this consultation (the demo has responses of its own)."""
        return Response.objects.filter(consultation_key=self.page.translation_key)

    def url(self, step):
        return f"{self.base}{step}/" if step else self.base

    def get(self, step="", **kwargs):
        return self.client.get(self.url(step), **kwargs)

    def post(self, step, data, **kwargs):
        return self.client.post(self.url(step), data, **kwargs)

    def answer(self, step, data, expect_next=None):
        response = self.post(step, data)
        assert response.status_code == 302, errors_in(response)
        if expect_next is not None:
            assert response["Location"] == self.url(expect_next)
        return response

    def complete(self, views=None, group=None, contact=None):
        self.get("views")
        self.answer("views", views or VIEWS)
        if (views or VIEWS).get("involved") == "yes_often":
            self.answer("group", group or GROUP)
        self.answer("contact", contact or CONTACT)
        self.answer("about_you", ABOUT)
        self.answer("equality", EQUALITY, expect_next="check")

    def submit(self, **data):
        return self.post("check", data)


def errors_in(response):
    """The error summary's links, as (anchor, message) pairs."""
    html = response.content.decode()
    return re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', html)


@pytest.fixture
def resident(client, consultation):
    return Resident(client, consultation)
