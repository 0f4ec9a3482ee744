"""The event page: what it shows, its status in words, its postponements and
the rules an editor's event must keep."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.factories import EventIndexPageFactory, EventPageFactory, in_days, postponements
from events.factories import questions as question_blocks
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.signing_in import VerifiedLoginMixin

from .conftest import html_of

pytestmark = pytest.mark.django_db


def main_text(html):
    """The words of the page's main content, tags and spacing taken out."""
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_an_event_shows_when_where_access_booking_and_what_it_is_part_of(
    client, events_index, consultation
):
    event = EventPageFactory(
        parent=events_index,
        title="Drop-in discussion",
        date=datetime.date(2031, 7, 1),
        start_time=datetime.time(14, 0),
        end_time=datetime.time(16, 30),
        place_name="County Hall",
        address="Glenfield\nLeicestershire\nLE3 8RA",
        accessibility="Hearing loop in the room.",
        how_to_book="Ring 0116 305 6977 to book.",
        booking_url="https://bookings.example.org/drop-in",
        places=30,
        questions=question_blocks("Who needs help most?", "What could communities do?"),
        part_of=[consultation],
    )
    html = html_of(client.get(event.url))
    text = main_text(html)
    assert "Drop-in discussion" in text
    assert "Tuesday 1 July 2031, 2:00pm to 4:30pm" in text
    assert '<time datetime="2031-07-01T14:00:00+01:00">' in html
    assert "County Hall Glenfield Leicestershire LE3 8RA" in text
    assert "Hearing loop in the room." in text
    assert "Ring 0116 305 6977 to book." in text
    assert "30 places" in text
    assert 'href="https://bookings.example.org/drop-in"' in html
    assert f'href="{consultation.url}"' in html
    assert "Questions for discussion" in text
    assert "Who needs help most?" in text
    assert f'href="{event.url}calendar/"' in html
    assert "Add to your calendar" in text
    # Nothing of a held event's results before it is held.
    assert "What participants said" not in text


def test_in_polish_what_an_event_is_part_of_is_linked_in_polish_or_marked_english_only(
    client, events_index, consultations_index, consultation
):
    polish = Locale.objects.get(language_code="pl")
    event = EventPageFactory(
        parent=events_index, title="Drop-in", part_of=[consultations_index, consultation]
    )
    index_pl = consultations_index.copy_for_translation(polish, copy_parents=True)
    index_pl.title = "Konsultacje"
    index_pl.save_revision().publish()
    event_pl = event.copy_for_translation(polish, copy_parents=True)
    event_pl.save_revision().publish()

    html = html_of(client.get(event_pl.url))
    part_of = html.split('<ul class="govuk-list">')[-1].split("</ul>", 1)[0]
    assert f'<a class="govuk-link" href="{index_pl.url}">Konsultacje</a>' in part_of
    # The consultation has no Polish page: its link stays under /pl/ and says so.
    assert f'href="/pl{consultation.url}" hreflang="en"' in part_of
    assert '<span lang="en" dir="ltr">Libraries</span>' in part_of
    assert '<span class="app-english-only" lang="pl" dir="ltr">' in part_of


def test_an_online_event_has_a_link_to_join(client, events_index):
    event = EventPageFactory(
        parent=events_index, place_name="", address="", online_link="https://meet.example.org/x"
    )
    html = html_of(client.get(event.url))
    assert 'href="https://meet.example.org/x"' in html
    assert "Join online" in main_text(html)


@pytest.mark.parametrize(
    "status, words, extra",
    [
        ("scheduled", "Scheduled", {}),
        ("cancelled", "Cancelled", {"cancellation_reason": "The hall flooded."}),
        ("held", "Held", {"date": datetime.date(2020, 5, 4)}),
        (
            "postponed",
            "Postponed",
            {
                "date": datetime.date(2031, 3, 13),
                "postponements": postponements((datetime.date(2031, 3, 13), "Too few bookings.")),
            },
        ),
    ],
)
def test_the_status_is_in_words_wherever_the_event_is_shown(
    client, events_index, consultation, status, words, extra
):
    event = EventPageFactory(parent=events_index, status=status, part_of=[consultation], **extra)
    tag = f'<strong class="govuk-tag {event.status_info.tag_class}">{words}</strong>'
    assert tag in html_of(client.get(event.url))
    listing = "?when=past" if event.is_past else ""
    assert tag in html_of(client.get(events_index.url + listing))
    assert tag in html_of(client.get(consultation.url))


def test_a_cancelled_event_says_why_and_offers_no_calendar_or_booking(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        status="cancelled",
        cancellation_reason="The hall flooded. Come to the next one instead.",
        booking_url="https://bookings.example.org/x",
    )
    html = html_of(client.get(event.url))
    text = main_text(html)
    assert "This event has been cancelled." in text
    assert "The hall flooded. Come to the next one instead." in text
    assert "calendar/" not in html
    assert "Book a place" not in text


def test_postponed_twice_keeps_its_history_of_dates(client, events_index):
    """The demo's third workshop: postponed for snow, given a new date, then
    postponed again because too few had booked."""
    event = EventPageFactory(
        parent=events_index,
        title="Families with young children",
        date=datetime.date(2015, 3, 13),
        status="postponed",
        postponements=postponements(
            (datetime.date(2015, 2, 3), "Snow made travel difficult."),
            (datetime.date(2015, 3, 13), "Only seven people booked."),
        ),
    )
    text = main_text(html_of(client.get(event.url)))
    assert "This event has been postponed. A new date will be announced here." in text
    assert "Was to be held on 13 March 2015. A new date will be announced." in text
    history = text[text.index("Changes of date") :]
    assert history.index("Was to be held on 3 February 2015: Snow made travel difficult.") < (
        history.index("Was to be held on 13 March 2015: Only seven people booked.")
    )
    assert "Add to your calendar" not in text


def test_given_a_new_date_it_is_scheduled_again_with_its_old_dates_shown(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        date=in_days(20),
        postponements=postponements((in_days(5), "Snow made travel difficult.")),
    )
    text = main_text(html_of(client.get(event.url)))
    assert "Scheduled" in text
    assert "A new date will be announced" not in text
    assert f"Was to be held on {in_days(5).day} " in text
    assert "Add to your calendar" in text
    assert event.calendar_sequence == 2


def test_a_held_event_shows_attendance_and_what_participants_said(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        date=datetime.date(2015, 1, 20),
        status="held",
        attendance=42,
        summary="<p>People wanted more <b>walking groups</b>.</p>",
        questions=question_blocks("Who most needs help?"),
    )
    html = html_of(client.get(event.url))
    text = main_text(html)
    assert "Questions we asked" in text
    assert "42 people took part." in text
    assert '<p class="govuk-body">People wanted more <b>walking groups</b>.</p>' in html
    assert "Add to your calendar" not in text


def test_a_held_event_without_its_summary_yet_says_one_will_follow(client, events_index):
    event = EventPageFactory(parent=events_index, date=in_days(-1), status="held")
    text = main_text(html_of(client.get(event.url)))
    assert "A summary of what participants said will be published here." in text


# The rules -----------------------------------------------------------------------


def problems(event):
    """Each field's errors in words (a StreamField's own errors included)."""
    with pytest.raises(ValidationError) as caught:
        event.full_clean()

    def words(error):
        if isinstance(error, str):
            return error
        inner = getattr(error, "non_block_errors", None)
        return " ".join(words(e) for e in inner) if inner else " ".join(error.messages)

    return {
        name: " ".join(words(error) for error in errors)
        for name, errors in caught.value.error_dict.items()
    }


def unsaved(events_index, **fields):
    event = EventPageFactory.build(**fields)
    event.path, event.depth = events_index.path + "0001", events_index.depth + 1
    return event


def test_a_valid_event_passes(events_index):
    unsaved(events_index, slug="ok").full_clean()


@pytest.mark.parametrize(
    "fields, field, words",
    [
        ({"end_time": datetime.time(13, 0)}, "end_time", "after the start time"),
        ({"place_name": "", "address": "", "online_link": ""}, "place_name", "Say where it is"),
        ({"status": "cancelled"}, "cancellation_reason", "Say why it was cancelled"),
        ({"attendance": 12}, "status", "set the status to 'Held'"),
        ({"summary": "<p>They said...</p>"}, "status", "set the status to 'Held'"),
        ({"status": "held", "date": datetime.date(2099, 1, 1)}, "status", "on or after its date"),
        ({"status": "postponed"}, "postponements", "needs the date it was to be held on"),
        ({"places": 0}, "places", "greater than or equal to 1"),
    ],
)
def test_an_event_that_breaks_a_rule_says_which_in_plain_words(events_index, fields, field, words):
    found = problems(unsaved(events_index, slug="rule", **fields))
    assert words in found[field]


@pytest.mark.parametrize(
    "status, date, history, words",
    [
        (
            "scheduled",
            datetime.date(2031, 5, 1),
            [(datetime.date(2031, 6, 1), "x")],
            "must be before the date it is now held on",
        ),
        (
            "postponed",
            datetime.date(2031, 5, 1),
            [(datetime.date(2031, 4, 1), "x")],
            "make it the same as the last date here",
        ),
        (
            "scheduled",
            datetime.date(2031, 5, 1),
            [(datetime.date(2031, 4, 1), "x"), (datetime.date(2031, 3, 1), "y")],
            "in order, earliest first",
        ),
    ],
)
def test_postponements_must_make_a_history(events_index, status, date, history, words):
    event = unsaved(
        events_index, slug="p", status=status, date=date, postponements=postponements(*history)
    )
    assert words in problems(event)["postponements"]


# Where pages go, and an editor making one -----------------------------------------


class EventPageTypeTests(WagtailPageTestCase):
    def test_the_events_index_sits_under_the_home_page_and_holds_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertEqual(EventIndexPage.max_count_per_parent, 1)

    def test_an_event_sits_under_the_events_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())


class EditorCanCreateAnEventTests(VerifiedLoginMixin, WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.filter(locale__language_code="en").first()
        if self.home is None:
            self.home = HomePage(title="Home", slug="home-test", introduction="Hello")
            Page.get_first_root_node().add_child(instance=self.home)
        self.index = EventIndexPageFactory(parent=self.home, slug="events-admin-test")

    def test_an_editor_can_make_a_postponed_workshop_with_its_history(self):
        self.assertCanCreate(
            self.index,
            EventPage,
            nested_form_data(
                {
                    "title": "Workshop 3: families with young children",
                    "slug": "workshop-3",
                    "introduction": "How can I help families with young children?",
                    "date": "2015-03-13",
                    "start_time": "18:30",
                    "end_time": "20:30",
                    "place_name": "Community centre",
                    "address": "Coalville",
                    "online_link": "",
                    "accessibility": "",
                    "how_to_book": "Ring us.",
                    "booking_url": "",
                    "places": "40",
                    "questions": streamfield([("question", "Who most needs help?")]),
                    "related_pages": inline_formset([{"page": str(self.home.pk)}]),
                    "status": "postponed",
                    "cancellation_reason": "",
                    "postponements": streamfield(
                        [
                            ("postponement", {"date": "2015-02-03", "reason": "Snow."}),
                            ("postponement", {"date": "2015-03-13", "reason": "Few bookings."}),
                        ]
                    ),
                    "attendance": "",
                    "summary": rich_text(""),
                    "listing_summary": "",
                    "search_description": "",
                    "seo_title": "",
                }
            ),
        )
        event = EventPage.objects.get(slug="workshop-3")
        assert [change["reason"] for change in event.dates_given_up()] == ["Snow.", "Few bookings."]
        assert [page.pk for page in event.part_of()] == [self.home.pk]
