"""The .ics file of an event, read back as a calendar program would (RFC 5545):
lines unfolded, values unescaped, times in UTC."""

import datetime
import re

import pytest
from wagtail.models import Locale, Site

from events.calendar import escape_text, fold
from events.factories import EventPageFactory, postponements

pytestmark = pytest.mark.django_db


def unfold(text):
    """Content lines as RFC 5545 section 3.1 joins them back."""
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def split_unescaped(value, separator):
    """A TEXT value cut at separators that are not escaped."""
    return re.split(rf"(?<!\\){re.escape(separator)}", value)


def parse(text):
    """{name: (parameters, value)} of the one VEVENT, and the calendar's lines."""
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    start, end = lines.index("BEGIN:VEVENT"), lines.index("END:VEVENT")
    properties = {}
    for line in lines[start + 1 : end]:
        name_and_parameters, value = line.split(":", 1)
        name, *parameters = name_and_parameters.split(";")
        assert name not in properties, name
        properties[name] = (dict(p.split("=", 1) for p in parameters), value)
    return properties, lines


def download(client, event, **extra):
    response = client.get(event.url + "calendar/", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content.decode("utf-8"), response


def test_a_summer_event_in_utc_with_its_details(client, events_index, consultation):
    event = EventPageFactory(
        parent=events_index,
        title="Drop-in discussion",
        date=datetime.date(2031, 7, 1),
        start_time=datetime.time(14, 0),
        end_time=datetime.time(16, 0),
        place_name="County Hall",
        address="Glenfield\nLE3 8RA",
        accessibility="Hearing loop.",
        part_of=[consultation],
    )
    text, response = download(client, event)
    assert 'filename="' + event.slug + '.ics"' in response["Content-Disposition"]
    found, lines = parse(text)
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert found["DTSTART"] == ({}, "20310701T130000Z")  # 2pm in London, summer time
    assert found["DTEND"] == ({}, "20310701T150000Z")
    assert found["STATUS"][1] == "CONFIRMED"
    assert found["SEQUENCE"][1] == "0"
    assert found["SUMMARY"] == ({"LANGUAGE": "en"}, "Drop-in discussion")
    assert unescape(found["LOCATION"][1]) == "County Hall, Glenfield, LE3 8RA"
    description = unescape(found["DESCRIPTION"][1])
    assert "Access: Hearing loop." in description
    assert f"Details: http://testserver{event.url}" in description
    assert found["URL"][1] == f"http://testserver{event.url}"
    assert re.fullmatch(r"\d{8}T\d{6}Z", found["DTSTAMP"][1])


def test_a_winter_event_is_on_greenwich_time(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        date=datetime.date(2031, 1, 20),
        start_time=datetime.time(18, 30),
        end_time=None,
    )
    found, _lines = parse(download(client, event)[0])
    assert found["DTSTART"][1] == "20310120T183000Z"
    assert "DTEND" not in found


def test_the_uid_is_the_sites_and_the_links_the_requests(client, events_index, settings):
    settings.ALLOWED_HOSTS = ["testserver", "engage.example.gov.uk"]
    site = Site.objects.get(is_default_site=True)
    event = EventPageFactory(parent=events_index)
    first = parse(download(client, event)[0])[0]
    other_host = parse(download(client, event, HTTP_HOST="engage.example.gov.uk")[0])[0]
    uid = f"event-{event.translation_key}@{site.hostname}"
    assert first["UID"][1] == other_host["UID"][1] == uid
    assert other_host["URL"][1] == f"http://engage.example.gov.uk{event.url}"
    # The same event in Polish is the same calendar entry.
    polish = Locale.objects.get(language_code="pl")
    events_index.copy_for_translation(polish, copy_parents=True).save_revision().publish()
    translated = event.copy_for_translation(polish)
    translated.title = "Spotkanie"
    translated.save_revision().publish()
    polish_file = parse(download(client, translated)[0])[0]
    assert polish_file["UID"][1] == uid
    assert polish_file["SUMMARY"] == ({"LANGUAGE": "pl"}, "Spotkanie")
    assert polish_file["URL"][1].startswith("http://testserver/pl/")


@pytest.mark.parametrize(
    "title",
    [
        "Budget, buses; and libraries",
        "Back\\slash and a colon: here",
        "Spotkanie w sprawie ścieżek, łąk i żłobków",
        "کمیونٹی کی بحث، بسیں؛ اور لائبریریاں",
        "社區討論會：巴士、圖書館；公園",
        "Emoji 👩🏽‍🦯 and combining e\u0301 marks",
    ],
)
def test_text_is_escaped_and_folded_and_reads_back_exactly(client, events_index, title):
    accessibility = "Step-free; hearing loop, lift.\nParking: ask us.\r\nToilets\\changing place."
    event = EventPageFactory(
        parent=events_index,
        title=title,
        introduction=title + " " + title + " " + title,
        accessibility=accessibility,
        address="1, High Street;\nOakham",
    )
    text, response = download(client, event)
    for line in response.content.split(b"\r\n"):
        assert len(line) <= 75, line
    # A folded line never cuts a character in two: every line is UTF-8 on its own.
    for line in response.content.split(b"\r\n"):
        line.decode("utf-8")
    found, _lines = parse(text)
    assert unescape(found["SUMMARY"][1]) == title
    description = unescape(found["DESCRIPTION"][1])
    assert description.startswith(title + " " + title + " " + title + "\n\n")
    assert "Access: " + accessibility.replace("\r\n", "\n") in description
    # Commas and semicolons inside the text are escaped: no bare separator.
    assert split_unescaped(found["SUMMARY"][1], ",") == [found["SUMMARY"][1]]
    assert split_unescaped(found["SUMMARY"][1], ";") == [found["SUMMARY"][1]]
    assert unescape(found["LOCATION"][1]) == "Village hall, 1, High Street;, Oakham"


def test_escaping_and_folding_by_the_rules():
    assert escape_text("a,b;c\\d\ne\r\nf\rg") == "a\\,b\\;c\\\\d\\ne\\nf\\ng"
    assert escape_text("bell\x07 and nul\x00 gone, tab\tkept") == "bell and nul gone\\, tab\tkept"
    line = "DESCRIPTION:" + "ł" * 100
    folded = fold(line).split("\r\n")
    assert all(len(part.encode()) <= 75 for part in folded)
    assert all(part.startswith(" ") for part in folded[1:])
    assert "".join(part[1:] if n else part for n, part in enumerate(folded)) == line
    assert fold("SHORT:x") == "SHORT:x"
    exact = "X:" + "a" * 73
    assert fold(exact) == exact


def test_a_postponed_or_cancelled_event_is_cancelled_in_calendars(client, events_index):
    postponed = EventPageFactory(
        parent=events_index,
        title="Workshop 3",
        date=datetime.date(2031, 3, 13),
        status="postponed",
        postponements=postponements(
            (datetime.date(2031, 2, 3), "Snow."), (datetime.date(2031, 3, 13), "Few bookings.")
        ),
    )
    found = parse(download(client, postponed)[0])[0]
    assert found["STATUS"][1] == "CANCELLED"
    assert found["SUMMARY"][1] == "Postponed: Workshop 3"
    assert found["SEQUENCE"][1] == "3"
    assert "Postponed. A new date will be announced.\n\nFew bookings." in unescape(
        found["DESCRIPTION"][1]
    )
    cancelled = EventPageFactory(
        parent=events_index, title="Talk", status="cancelled", cancellation_reason="Flooded."
    )
    found = parse(download(client, cancelled)[0])[0]
    assert found["STATUS"][1] == "CANCELLED"
    assert found["SUMMARY"][1] == "Cancelled: Talk"
    assert found["SEQUENCE"][1] == "1"


def test_the_calendar_only_answers_reading(client, events_index):
    event = EventPageFactory(parent=events_index)
    assert client.post(event.url + "calendar/").status_code == 405
    assert client.head(event.url + "calendar/").status_code == 200


def test_a_draft_events_calendar_is_not_public(client, events_index):
    event = EventPageFactory(parent=events_index)
    event.unpublish()
    assert client.get(event.url + "calendar/").status_code == 404
