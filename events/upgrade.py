"""Moving the events that consultation pages held as blocks (before events
were pages) to event pages, without losing anything.

``manage.py move_consultation_events`` runs this once in the upgrade (README,
"Upgrading"); until then the old blocks are still shown on their consultation
page. For each event block it makes an event page under the site's events
index, part of the consultation, and takes the block off the consultation
(its live version and its newest draft). A block on a translated
consultation becomes the translation of the English event, through
wagtail-localize as a translator's upload would, so translators keep working
on it as on any page. An event that was only in a draft stays a draft; a
draft's changes to a published event become a draft of the event page.

A block that an event page cannot hold exactly (one that ends on another day)
is left where it is, still shown, and reported. Running it again finds the
pages it made (by the block's id) and makes nothing twice.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from consultations.models import ConsultationPage
from core.locales import default_locale

from .models import LONDON, EventIndexPage, EventPage, EventRelatedPage

TOOL_NAME = "Moving consultation events to event pages"


@dataclass
class MoveReport:
    """What a run did (or, with ``dry_run``, would do), in words for the console."""

    moved: list = field(default_factory=list)
    left: list = field(default_factory=list)
    made_indexes: list = field(default_factory=list)

    def lines(self):
        for where, title, what in self.moved:
            yield f"{where}: '{title}' {what}"
        for where, title, why in self.left:
            yield f"{where}: '{title}' left on the consultation page: {why}"
        for index in self.made_indexes:
            yield (
                f"Made the events page {index.url_path} ({index.locale.language_code}); add it "
                "to the menu under Promote if it should be there."
            )


def london(value):
    """A block's date and time (text or datetime, with or without an offset)
    in UK time."""
    moment = parse_datetime(value) if isinstance(value, str) else value
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=LONDON)
    return moment.astimezone(LONDON)


def unmovable(value):
    """Why an event block cannot become an event page as it is, or ''."""
    starts, ends = london(value.get("starts_at")), london(value.get("ends_at"))
    if starts is None:
        return "it has no start time"
    if ends is not None and ends.date() != starts.date():
        return (
            "it ends on another day, and an event page has one date: split it into one event "
            "a day (or shorten it) on the consultation's last revision, then run this again"
        )
    if ends is not None and ends <= starts:
        return "it ends before it starts: correct it, then run this again"
    return ""


def event_fields(value):
    """An event page's fields from an event block's value."""
    starts, ends = london(value["starts_at"]), london(value.get("ends_at"))
    return {
        "title": value["title"],
        "date": starts.date(),
        "start_time": starts.time().replace(tzinfo=None),
        "end_time": ends.time().replace(tzinfo=None) if ends else None,
        "address": value.get("place") or "",
        "accessibility": value.get("accessibility") or "",
        "booking_url": value.get("booking_url") or "",
    }


def blocks_of(page):
    """The page's event blocks by id: (published value or None, newest value or
    None), in the newest revision's order then the published one's."""
    published = {child.id: child.value for child in page.events} if page.live else {}
    latest = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    newest = {child.id: child.value for child in latest.events}
    order = list(newest) + [block_id for block_id in published if block_id not in newest]
    return [(block_id, published.get(block_id), newest.get(block_id)) for block_id in order]


def same_values(one, other):
    return event_fields(one) == event_fields(other)


def home_of(page):
    return Page.objects.ancestor_of(page).filter(depth=2).first()


def events_index(page, report, dry_run):
    """The events index of the page's site, in the page's language: made if
    there is none (in another language, as a translation of the English one)."""
    home = home_of(page)
    index = EventIndexPage.objects.child_of(home).first() if home else None
    if index is not None or dry_run or home is None:
        return index
    english_home = home.get_translation_or_none(default_locale())
    source = (
        EventIndexPage.objects.child_of(english_home).first()
        if english_home is not None and english_home.pk != home.pk
        else None
    )
    if source is not None:
        index = translate_page(source, page.locale, {}, publish=True)
    else:
        index = EventIndexPage(title="Events", slug="events", show_in_menus=False)
        home.add_child(instance=index)
        index.save_revision().publish()
    report.made_indexes.append(index)
    return index


def free_slug(index, title):
    base = slugify(title, allow_unicode=True)[:70].strip("-") or "event"
    slug, number = base, 1
    while index.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def new_event(index, consultation, block_id, value, publish):
    event = EventPage(
        slug=free_slug(index, value["title"]),
        moved_from_block=block_id,
        live=publish,
        **event_fields(value),
    )
    event.related_pages = [EventRelatedPage(page=consultation)]
    index.add_child(instance=event)
    event.full_clean()
    revision = event.save_revision()
    if publish:
        revision.publish()
    return event


def save_draft(event, value):
    """A draft of the event with a consultation draft's newer wording."""
    draft = event.get_latest_revision_as_object()
    for name, content in event_fields(value).items():
        setattr(draft, name, content)
    draft.full_clean()
    draft.save_revision()


def translate_page(source_page, locale, texts, publish):
    """The translation of ``source_page`` into ``locale`` through
    wagtail-localize, with ``texts`` (field name: translated text) as a
    translator's PO upload would give them."""
    source, created = TranslationSource.get_or_create_from_instance(source_page)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = texts.get(entry.msgctxt, "")
    translation.import_po(po, tool_name=TOOL_NAME)
    translation.save_target(publish=publish)
    return source_page.get_translation(locale)


def translated_event(english_event, consultation, value, publish):
    fields = event_fields(value)
    texts = {name: fields[name] for name in ("title", "address", "accessibility") if fields[name]}
    event = translate_page(english_event, consultation.locale, texts, publish)
    EventPage.objects.filter(pk=event.pk).update(moved_from_block=english_event.moved_from_block)
    return event


def without_blocks(obj, block_ids):
    """The page object with the given event blocks taken off."""
    obj.events = [child for child in obj.events.raw_data if child.get("id") not in block_ids]
    return obj


def take_off(page, block_ids):
    """Take the moved blocks off the consultation: its live row and the
    revisions an editor would start from (newest and published)."""
    page = without_blocks(page, block_ids)
    page.save(update_fields=["events"], clean=False)
    for revision in {page.latest_revision, page.live_revision} - {None}:
        revision.content = without_blocks(revision.as_object(), block_ids).serializable_data()
        revision.save(update_fields=["content"])


def move_page_events(page, report, dry_run=False):
    english = default_locale()
    where = page.url_path
    index = events_index(page, report, dry_run)
    moved = set()
    for block_id, published, newest in blocks_of(page):
        value = published or newest
        title = value.get("title", "")
        if problem := unmovable(value):
            report.left.append((where, title, problem))
            continue
        if index is None and not dry_run:
            report.left.append((where, title, "its site has no home page for an events page"))
            continue
        existing = EventPage.objects.filter(moved_from_block=block_id, locale=page.locale).first()
        source = None
        if existing is None and page.locale_id != english.pk:
            source = EventPage.objects.filter(moved_from_block=block_id, locale=english).first()
        if existing is not None:
            what = f"already moved to {existing.url_path}"
        elif dry_run:
            what = "would be moved" + (" as a translation" if source else "")
        elif source is not None:
            existing = translated_event(source, page, value, publish=published is not None)
            what = f"moved to {existing.url_path}, as a translation of {source.url_path}"
        else:
            existing = new_event(index, page, block_id, value, publish=published is not None)
            what = f"moved to {existing.url_path}"
            if published and newest and not same_values(published, newest):
                save_draft(existing, newest)
                what += ", with the consultation's unpublished changes as a draft"
        report.moved.append((where, title, what))
        moved.add(block_id)
    if moved and not dry_run:
        take_off(page, moved)
    return moved


def pages_with_event_blocks():
    """Consultation pages with event blocks (published or in their newest
    draft), English ones first so that translations find their source."""
    english = default_locale().pk
    pages = [
        page
        for page in ConsultationPage.objects.order_by("path")
        if any(newest or published for _id, published, newest in blocks_of(page))
    ]
    return sorted(pages, key=lambda page: page.locale_id != english)


def move_consultation_events(dry_run=False):
    report = MoveReport()
    pages = pages_with_event_blocks()
    if dry_run:
        for page in pages:
            move_page_events(page, report, dry_run=True)
        return report
    # Each language's events index first, each in a transaction of its own:
    # wagtail-localize publishes a translation when its transaction commits,
    # and the events' translations go under the published index.
    for page in pages:
        with transaction.atomic():
            events_index(page, report, dry_run=False)
    for page in pages:
        with transaction.atomic():
            move_page_events(ConsultationPage.objects.get(pk=page.pk), report)
    return report


def consultations_with_event_blocks():
    """How many consultation pages still hold event blocks."""
    return len(pages_with_event_blocks())
