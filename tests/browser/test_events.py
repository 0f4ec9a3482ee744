"""Events in a real browser: the listing and each state of an event page pass
axe in English, Polish and Urdu, the filter works without JavaScript, and the
calendar file downloads."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, assert_no_axe_violations, live_manage

DROP_IN = "/events/drop-in-discussion-communities-and-the-voluntary-sector/"
W1 = "/events/workshop-1-healthy-and-active/"
W3 = "/events/workshop-3-families-with-young-children/"
ONLINE = "/events/online-discussion-town-and-parish-councils/"
CANCELLED = "/events/browser-test-cancelled-talk/"


@pytest.fixture(scope="module")
def cancelled_event(live_site):
    """A cancelled event, which the demo has none of, for the length of this file."""
    live_manage(
        "import datetime;"
        "from django.utils import timezone;"
        "from events.models import EventIndexPage, EventPage;"
        "index = EventIndexPage.objects.get(locale__language_code='en');"
        "page = EventPage(title='A cancelled talk', slug='browser-test-cancelled-talk',"
        " date=timezone.localdate() + datetime.timedelta(days=30),"
        " start_time=datetime.time(18), place_name='Library', address='Oakham',"
        " status='cancelled', cancellation_reason='The speaker is ill. We will arrange it again.');"
        "index.add_child(instance=page);"
        "page.save_revision().publish();"
        "print(page.pk)"
    )
    yield CANCELLED
    live_manage(
        "from events.models import EventPage;"
        "EventPage.objects.filter(slug='browser-test-cancelled-talk').delete();"
        "print('deleted')"
    )


@pytest.mark.parametrize(
    "path",
    [
        "/events/",
        "/events/?when=past",
        "/events/?format=online",
        "/events/?part_of=not-a-page&format=teleport",
        DROP_IN,  # scheduled, in person
        ONLINE,  # scheduled, online
        W1,  # held, with what participants said
        W3,  # postponed twice
        CANCELLED,
        "/have-your-say/communities-strategy-2014/",  # a consultation with past events
        "/pl/events/",
        "/pl/events/?when=past",
        "/pl" + DROP_IN,
        "/pl" + W3,  # postponed twice, in Polish
        "/ur/events/",
        "/ur/events/?when=past&part_of=x",
        "/ur" + DROP_IN,
        "/ur" + W1,
        "/ur" + CANCELLED,
    ],
)
def test_event_pages_have_no_wcag_violations(page, cancelled_event, path):
    assert page.goto(path).status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/events/", "/ur/events/?when=past", W3, "/ur" + DROP_IN])
def test_event_pages_fit_a_phone(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_status_is_in_words(page, cancelled_event):
    page.goto(W3)
    assert page.locator(".govuk-tag").inner_text() == "Postponed"
    page.goto(cancelled_event)
    assert page.locator(".govuk-tag").inner_text() == "Cancelled"
    assert page.get_by_text("The speaker is ill.").is_visible()


def test_filter_and_tabs_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto("/events/")
    page.get_by_role("link", name="Past events").click()
    assert "when=past" in page.url
    expect(page.get_by_role("heading", name="7 past events")).to_be_visible()
    page.get_by_label("Part of").select_option(label="Communities Strategy 2014")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "when=past" in page.url and "part_of=" in page.url
    cards = page.locator(".app-card h3").all_inner_texts()
    assert len(cards) == 7 and cards[-1].startswith("Workshop 1")
    page.get_by_role("link", name="Coming up").click()
    assert "when" not in page.url and "part_of=" in page.url
    expect(page.get_by_role("heading", name="0 events coming up")).to_be_visible()
    context.close()


def test_the_calendar_file_downloads(page):
    page.goto(DROP_IN)
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to your calendar").click()
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".ics")
    text = Path(path).read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY;LANGUAGE=en:Drop-in discussion: communities and the voluntary secto" in text
