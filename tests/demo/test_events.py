"""The demo's events: the 2022-26 engagement's events coming up, and the
delivery-planning workshops W1 to W7 of 2015, W3 postponed twice."""

import datetime
import re

import pytest

from consultations.models import ConsultationPage
from events.models import EventIndexPage, EventPage
from tests.search.test_search import result_titles

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def english(**lookup):
    return EventPage.objects.filter(locale__language_code="en").get(**lookup)


def card_titles(html):
    return re.findall(r'<li class="app-card"[^>]*>\s*<h3[^>]*>\s*<a[^>]*>([^<]+)</a>', html)


def test_the_workshops_w1_to_w7_with_their_questions_and_results(client, demo):
    workshops = list(
        EventPage.objects.filter(locale__language_code="en", slug__startswith="workshop-").order_by(
            "slug"
        )
    )
    assert [page.title.split(":")[0] for page in workshops] == [
        f"Workshop {number}" for number in range(1, 8)
    ]
    held = [page for page in workshops if page.status == "held"]
    # Six were held in January and February 2015, each by 20 to 50 people.
    assert len(held) == 6
    for page in held:
        assert datetime.date(2015, 1, 1) <= page.date <= datetime.date(2015, 2, 28)
        assert 20 <= page.attendance <= 50
        assert page.has_summary
        assert len(page.questions) == 3
        assert {link.page.url_path for link in page.related_pages.all()} == {
            "/home/communities-strategy-2014/",
            "/home/have-your-say/communities-strategy-2014/",
        }
    html = client.get(workshops[0].url).content.decode()
    assert "Questions we asked" in html and "38 people took part." in html


def test_w3_was_postponed_twice(client, demo):
    w3 = english(slug="workshop-3-families-with-young-children")
    assert w3.status == "postponed"
    changes = w3.dates_given_up()
    assert [change["date"] for change in changes] == [
        datetime.date(2015, 2, 5),
        datetime.date(2015, 3, 13),
    ]
    assert "Snow" in changes[0]["reason"]
    assert "seven people" in changes[1]["reason"]
    html = client.get(w3.url).content.decode()
    assert "Postponed</strong>" in html
    words = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "Was to be held on 5 February 2015: Snow made travel" in words


def test_the_consultations_event_is_now_a_page_and_its_old_block_is_gone(client, demo):
    approach = ConsultationPage.objects.get(
        locale__language_code="en", slug="communities-approach-2022-26"
    )
    assert len(approach.events) == 0
    html = client.get(approach.url).content.decode()
    assert card_titles(html) == [
        "Drop-in discussion: communities and the voluntary sector",
        "Online group discussion: town and parish councils",
    ]
    drop_in = english(slug="drop-in-discussion-communities-and-the-voluntary-sector")
    assert drop_in.date > datetime.date.today()
    # The 2014 consultation lists the workshops that followed it.
    strategy = ConsultationPage.objects.get(
        locale__language_code="en", slug="communities-strategy-2014"
    )
    assert len(card_titles(client.get(strategy.url).content.decode())) == 7


def test_the_events_page_is_in_the_menu_in_every_language(client, demo):
    assert EventIndexPage.objects.filter(show_in_menus=True, live=True).count() == 7
    html = client.get("/pl/events/").content.decode()
    assert '<h1 class="govuk-heading-xl">Wydarzenia</h1>' in html
    # Every event is translated: no card is left in English.
    titles = card_titles(html)
    assert "Spotkanie otwarte bez zapisów: społeczności i organizacje społeczne" in titles
    assert "Dyskusja grupowa online: rady miejskie i parafialne" in titles
    assert '<li class="app-card" lang="en">' not in html
    html = client.get("/gu/events/").content.decode()
    assert "ઓનલાઇન જૂથ ચર્ચા: ટાઉન અને પેરિશ કાઉન્સિલો" in card_titles(html)
    assert '<li class="app-card" lang="en">' not in html


@pytest.mark.parametrize(
    "code, query, title",
    [
        ("en", "drop-in discussion", "Drop-in discussion: communities and the voluntary sector"),
        ("en", "snow", "Workshop 3: helping and supporting families with young children"),
        ("pl", "spotkanie", "Spotkanie otwarte bez zapisów: społeczności i organizacje społeczne"),
        ("ur", "مباحثہ", "کھلا مباحثہ (بکنگ کی ضرورت نہیں): برادریاں اور رضاکار شعبہ"),
    ],
)
def test_search_finds_events_in_each_language(client, demo, code, query, title):
    prefix = "" if code == "en" else f"/{code}"
    assert title in result_titles(client.get(f"{prefix}/search/", {"q": query}))
