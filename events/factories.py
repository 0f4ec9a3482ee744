"""Test factories of events: an events index, event pages with the pages they
are part of, their postponements and questions, and a consultation with
events still written as blocks (as before events were pages)."""

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone

from core.blocks import with_block_ids

from .models import EventIndexPage, EventPage, EventRelatedPage


def raw_stream(field_name, raw, where="factory"):
    """Raw StreamField data with an id on every block, as the admin saves it."""
    block = EventPage._meta.get_field(field_name).stream_block
    return with_block_ids(block, raw, f"events:{where}")


def postponements(*pairs):
    """``postponements((date, reason), ...)`` as the field's raw data."""
    return raw_stream(
        "postponements",
        [
            {"type": "postponement", "value": {"date": date.isoformat(), "reason": reason}}
            for date, reason in pairs
        ],
        where=str(uuid.uuid4()),
    )


def questions(*texts):
    return raw_stream(
        "questions",
        [{"type": "question", "value": text} for text in texts],
        where=str(uuid.uuid4()),
    )


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    introduction = "Come and talk to us."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Drop-in session {n}")
    slug = factory.Sequence(lambda n: f"drop-in-session-{n}")
    introduction = "Come and tell us what you think."
    date = factory.LazyFunction(lambda: in_days(10))
    start_time = datetime.time(14, 0)
    end_time = datetime.time(16, 0)
    place_name = "Village hall"
    address = "Main Street\nOakham\nLE15 6HP"
    accessibility = "Step-free entrance."

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def part_of(self, create, extracted, **kwargs):
        """``part_of=[page, ...]``: the pages the event is part of."""
        if extracted:
            self.related_pages = [EventRelatedPage(page=page) for page in extracted]
            self.save()
            if self.live:
                self.save_revision().publish()


def event_block(title="Drop-in discussion", starts_at=None, ends_at=None, **extra):
    """One event block in the consultation page's old ``events`` StreamField."""
    starts_at = starts_at or timezone.now() + datetime.timedelta(days=10)
    value = {
        "title": title,
        "starts_at": starts_at.isoformat(),
        "ends_at": ends_at.isoformat() if ends_at else None,
        "place": "County Hall, Glenfield",
        "accessibility": "",
        "booking_url": "",
        **extra,
    }
    return {"type": "event", "value": value}


def old_event_blocks(*blocks):
    """The consultation page's ``events`` field as it was stored before events
    were pages, with block ids."""
    from consultations.models import ConsultationPage

    block = ConsultationPage._meta.get_field("events").stream_block
    return with_block_ids(block, list(blocks), f"old-events:{uuid.uuid4()}")
