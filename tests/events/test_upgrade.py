"""Upgrading a site whose consultation pages hold events as blocks:
`manage.py move_consultation_events` makes them event pages, translations
included, and loses nothing; until then the blocks are still shown."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationPage
from events.factories import EventIndexPageFactory, event_block, old_event_blocks
from events.models import EventIndexPage, EventPage

from .conftest import html_of

pytestmark = pytest.mark.django_db

SUMMER = datetime.datetime(2031, 7, 1, 14, 0)


def move(*args):
    out = StringIO()
    call_command("move_consultation_events", *args, stdout=out)
    return out.getvalue()


def main_text(html):
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def with_old_events(consultation, *blocks, publish=True):
    consultation.events = old_event_blocks(*blocks)
    revision = consultation.save_revision()
    if publish:
        revision.publish()
    return ConsultationPage.objects.get(pk=consultation.pk)


def drop_in(**extra):
    return event_block(
        "Drop-in discussion: communities",
        starts_at=SUMMER,
        ends_at=SUMMER + datetime.timedelta(hours=2),
        place="County Hall, Glenfield, Leicestershire LE3 8RA",
        accessibility="Step-free entrance. Hearing loop.",
        booking_url="https://bookings.example.org/drop-in",
        **extra,
    )


def evening_talk():
    # Stored with an offset, as the admin's form saved it (UTC here: 7pm in London).
    return event_block(
        "Evening talk", starts_at=datetime.datetime(2031, 1, 20, 19, 0, tzinfo=datetime.UTC)
    )


def test_event_blocks_become_event_pages_and_nothing_is_lost(client, home, consultation):
    consultation = with_old_events(consultation, drop_in(), evening_talk())
    before = main_text(html_of(client.get(consultation.url)))
    assert "Drop-in discussion: communities" in before

    out = move()

    index = EventIndexPage.objects.child_of(home).get()
    assert index.live and not index.show_in_menus
    assert f"Made the events page {index.url_path} (en)" in out
    drop, talk = EventPage.objects.child_of(index).order_by("date")[::-1]
    assert (drop.title, drop.date, drop.start_time, drop.end_time) == (
        "Drop-in discussion: communities",
        datetime.date(2031, 7, 1),
        datetime.time(14, 0),
        datetime.time(16, 0),
    )
    assert drop.address == "County Hall, Glenfield, Leicestershire LE3 8RA"
    assert drop.accessibility == "Step-free entrance. Hearing loop."
    assert drop.booking_url == "https://bookings.example.org/drop-in"
    assert drop.live and drop.status == "scheduled"
    assert [page.pk for page in drop.part_of()] == [consultation.pk]
    assert (talk.date, talk.start_time, talk.end_time) == (
        datetime.date(2031, 1, 20),
        datetime.time(19, 0),
        None,
    )
    assert f"'Drop-in discussion: communities' moved to {drop.url_path}" in out

    # Off the consultation: its live version and the revision an editor starts from.
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    assert len(consultation.events) == 0
    assert len(consultation.get_latest_revision_as_object().events) == 0

    # What residents read on the consultation is all still there.
    after = main_text(html_of(client.get(consultation.url)))
    for words in (
        "Drop-in discussion: communities",
        "Tuesday 1 July 2031, 2:00pm to 4:00pm",
        "Monday 20 January 2031, 7:00pm",
        "County Hall",
    ):
        assert words in before and words in after
    on_the_event = main_text(html_of(client.get(drop.url)))
    for words in (
        "County Hall, Glenfield, Leicestershire LE3 8RA",
        "Step-free entrance. Hearing loop.",
        "Book a place",
    ):
        assert words in before and words in on_the_event

    # Running it again changes nothing.
    assert move() == "No consultation page has events to move.\n"
    assert EventPage.objects.count() == 2
    move("--check")


def test_a_dry_run_and_a_check_change_nothing(home, consultation):
    with_old_events(consultation, drop_in())
    out = move("--dry-run")
    assert "'Drop-in discussion: communities' would be moved" in out
    with pytest.raises(CommandError, match="1 consultation page"):
        move("--check")
    assert not EventPage.objects.exists()
    assert not EventIndexPage.objects.exists()
    assert len(ConsultationPage.objects.get(pk=consultation.pk).events) == 1


def test_a_block_an_event_page_cannot_hold_stays_shown_and_is_reported(
    client, events_index, consultation
):
    two_days = event_block(
        "Two-day festival", starts_at=SUMMER, ends_at=SUMMER + datetime.timedelta(days=1)
    )
    consultation = with_old_events(consultation, two_days, drop_in())
    out = move()
    assert "'Two-day festival' left on the consultation page: it ends on another day" in out
    assert "1 event(s) left on their consultation page" in out
    assert list(EventPage.objects.values_list("title", flat=True)) == [
        "Drop-in discussion: communities"
    ]
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    assert [block.value["title"] for block in consultation.events] == ["Two-day festival"]
    assert "Two-day festival" in html_of(client.get(consultation.url))
    with pytest.raises(CommandError):
        move("--check")


def test_an_event_only_in_a_draft_stays_a_draft(events_index, consultations_index):
    draft = ConsultationPageFactory(parent=consultations_index, slug="draft", live=False)
    with_old_events(draft, drop_in(), publish=False)
    move()
    event = EventPage.objects.get()
    assert not event.live
    assert [page.pk for page in event.part_of()] == [draft.pk]


def test_a_drafts_unpublished_change_becomes_a_draft_of_the_event(events_index, consultation):
    consultation = with_old_events(consultation, drop_in())
    draft = consultation.get_latest_revision_as_object()
    changed = draft.events.raw_data
    changed[0]["value"]["title"] = "Drop-in discussion: new title"
    draft.events = changed
    draft.save_revision()
    move()
    event = EventPage.objects.get()
    assert event.live and event.title == "Drop-in discussion: communities"
    assert event.has_unpublished_changes
    assert event.get_latest_revision_as_object().title == "Drop-in discussion: new title"
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    assert len(consultation.get_latest_revision_as_object().events) == 0
    assert len(consultation.live_revision.as_object().events) == 0


def translate_with_localize(page, locale, texts):
    """The page's translation through wagtail-localize, as a translator makes it:
    ``texts`` maps the end of a segment's path (``title``) to its translation."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = next(
            (text for end, text in texts.items() if entry.msgctxt.endswith(end)), ""
        )
    translation.import_po(po, tool_name="Test")
    translation.save_target(publish=True)
    return page.get_translation(locale)


def test_a_translated_consultations_events_become_translated_event_pages(
    client, events_index, consultation, django_capture_on_commit_callbacks
):
    polish = Locale.objects.get(language_code="pl")
    consultation = with_old_events(consultation, drop_in())
    with django_capture_on_commit_callbacks(execute=True):
        consultation_pl = translate_with_localize(
            consultation,
            polish,
            {
                ".title": "Dyskusja: społeczności",
                ".place": "Ratusz hrabstwa, Glenfield",
                ".accessibility": "Wejście bez schodów. Pętla indukcyjna.",
            },
        )
    assert consultation_pl.specific.events[0].value["title"] == "Dyskusja: społeczności"

    with django_capture_on_commit_callbacks(execute=True):
        out = move()

    english = EventPage.objects.get(locale__language_code="en")
    in_polish = EventPage.objects.get(locale=polish)
    assert in_polish.translation_key == english.translation_key
    assert in_polish.live
    assert (in_polish.title, in_polish.address, in_polish.accessibility) == (
        "Dyskusja: społeczności",
        "Ratusz hrabstwa, Glenfield",
        "Wejście bez schodów. Pętla indukcyjna.",
    )
    assert (in_polish.date, in_polish.start_time) == (english.date, english.start_time)
    assert "as a translation of" in out
    # Translators carry on in wagtail-localize, as with any page.
    assert Translation.objects.filter(
        source__object_id=english.translation_key, target_locale=polish
    ).exists()
    # The Polish events index was made as a translation of the English one.
    assert EventIndexPage.objects.filter(locale=polish, live=True).exists()
    consultation_pl = ConsultationPage.objects.get(pk=consultation_pl.pk)
    assert len(consultation_pl.events) == 0
    html = html_of(client.get(consultation_pl.url))
    assert "Dyskusja: społeczności" in html
    assert f'href="{in_polish.url}"' in html
    # Again: nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        assert move() == "No consultation page has events to move.\n"
    assert EventPage.objects.count() == 2


def test_an_existing_events_index_is_used(home, consultation):
    index = EventIndexPageFactory(parent=home, slug="whats-on", title="What's on")
    with_old_events(consultation, drop_in())
    out = move()
    assert "Made the events page" not in out
    assert EventPage.objects.child_of(index).count() == 1
