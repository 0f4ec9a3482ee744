"""A consultation page lists the event pages that are part of it, in place of
the event blocks it used to hold (which it still shows until they are moved)."""

import datetime
import re

import pytest
from wagtail.models import Locale

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationPage
from events.factories import EventPageFactory, event_block, in_days, old_event_blocks

from .conftest import html_of

pytestmark = pytest.mark.django_db


def card_titles(html):
    return re.findall(r'<li class="app-card"[^>]*>\s*<h3[^>]*>\s*<a[^>]*>([^<]+)</a>', html)


def test_a_consultation_lists_its_events_in_date_order(
    client, events_index, consultation, consultations_index
):
    other = ConsultationPageFactory(parent=consultations_index, slug="other")
    EventPageFactory(parent=events_index, title="Second", date=in_days(9), part_of=[consultation])
    EventPageFactory(
        parent=events_index,
        title="Earlier, held",
        date=in_days(-9),
        status="held",
        part_of=[consultation, other],
    )
    EventPageFactory(parent=events_index, title="First", date=in_days(2), part_of=[consultation])
    EventPageFactory(parent=events_index, title="Someone else's", part_of=[other])
    EventPageFactory(parent=events_index, title="Not part of anything")
    draft = EventPageFactory(parent=events_index, title="A draft", part_of=[consultation])
    draft.unpublish()
    html = html_of(client.get(consultation.url))
    assert '<h2 class="govuk-heading-l">Events</h2>' in html
    assert card_titles(html) == ["Earlier, held", "First", "Second"]
    assert "Held</strong>" in html


def test_a_consultation_without_events_has_no_events_heading(client, events_index, consultation):
    assert ">Events</h2>" not in html_of(client.get(consultation.url))


def test_events_not_yet_moved_are_still_shown_below_the_new_ones(
    client, events_index, consultation
):
    EventPageFactory(parent=events_index, title="A new-style event", part_of=[consultation])
    consultation.events = old_event_blocks(
        event_block(
            "An old-style drop-in",
            starts_at=datetime.datetime(2031, 7, 1, 14, 0),
            ends_at=datetime.datetime(2031, 7, 1, 16, 0),
            accessibility="Hearing loop.",
        )
    )
    consultation.save_revision().publish()
    html = html_of(client.get(consultation.url))
    assert html.count('<h2 class="govuk-heading-l">Events</h2>') == 1
    assert html.index("A new-style event") < html.index("An old-style drop-in")
    assert "Hearing loop." in html
    assert "County Hall, Glenfield" in html


def test_the_old_event_blocks_are_no_longer_offered_to_editors():
    panels = [getattr(panel, "field_name", None) for panel in ConsultationPage.content_panels]
    assert "documents" in panels
    assert "events" not in panels


def test_a_polish_consultation_lists_polish_events_and_english_ones_not_yet_translated(
    client, events_index, consultation
):
    polish = Locale.objects.get(language_code="pl")
    translated = EventPageFactory(
        parent=events_index, title="Translated", date=in_days(3), part_of=[consultation]
    )
    EventPageFactory(
        parent=events_index, title="English only", date=in_days(4), part_of=[consultation]
    )
    events_index.copy_for_translation(polish, copy_parents=True).save_revision().publish()
    in_polish = translated.copy_for_translation(polish)
    in_polish.title = "Przetłumaczone"
    in_polish.save_revision().publish()
    consultation_pl = consultation.copy_for_translation(polish, copy_parents=True)
    consultation_pl.save_revision().publish()
    html = html_of(client.get(consultation_pl.url))
    assert card_titles(html) == ["Przetłumaczone", "English only"]
    assert '<li class="app-card" lang="en">' in html
    assert f'href="{in_polish.url}"' in html
