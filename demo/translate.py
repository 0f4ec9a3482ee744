"""Demo translations from PO files, through wagtail-localize.

``translations/<language>.po`` holds one entry per English text (``msgid``) with
its translation (``msgstr``); each entry's references (``#:``) say where it is
used, as ``/page/path/#segment-context``. For every page marked ``translate``
the loader exports wagtail-localize's own PO file for the page, fills it from
the demo catalogue, imports it with ``Translation.import_po`` (what a
translator's upload does) and publishes the translation. English text without
an entry stays English, as in a partly translated page.

When an English sentence is edited in the YAML, its entry no longer matches by
text. Like gettext's ``msgmerge``, the loader then finds the entry that was used
at the same place (or, failing that, the most similar unused one on the same
page), keeps its translation, and rewrites the PO file with the new English,
the old one as ``#| msgid`` and the entry marked ``fuzzy`` for a translator to
review.
"""

from difflib import SequenceMatcher
from pathlib import Path

import polib
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Comment, Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
WRAP = 100
# How alike an old and a new sentence must be to carry a translation across
# when they share only the page, not the place.
SIMILAR_ENOUGH = 0.6
# Texts that stay English on purpose: a page's address is the same in every
# language.
KEPT_IN_ENGLISH = {"slug"}
REVIEW_NOTE = (
    "Demo translation written without a native speaker. Please have it reviewed by a "
    "native speaker before relying on it."
)


class Catalogue:
    """One language's demo translations."""

    def __init__(self, path):
        self.path = Path(path)
        self.language = self.path.stem
        self.po = polib.pofile(str(self.path), wrapwidth=WRAP)
        self.entries = {entry.msgid: entry for entry in self.po if not entry.obsolete}
        self.unused = set()
        self.changed = []
        self.added = []

    def use(self, english_texts):
        """Say which English texts the content has now: entries for any other
        text are candidates for a sentence that was edited."""
        self.unused = set(self.entries) - set(english_texts)

    def translate(self, text, place):
        entry = self.entries.get(text) or self.moved_entry(text, place)
        return entry.msgstr if entry is not None else ""

    def moved_entry(self, text, place):
        page = place.partition("#")[0]
        best, best_score = None, 0.0
        for msgid in self.unused:
            entry = self.entries[msgid]
            places = [where for where, _line in entry.occurrences]
            likeness = SequenceMatcher(None, msgid, text).ratio()
            if place in places:
                score = 1 + likeness
            elif any(where.partition("#")[0] == page for where in places):
                if likeness < SIMILAR_ENOUGH:
                    continue
                score = likeness
            else:
                continue
            if score > best_score:
                best, best_score = entry, score
        if best is None:
            return None
        self.unused.discard(best.msgid)
        del self.entries[best.msgid]
        best.previous_msgid = best.msgid
        best.msgid = text
        if "fuzzy" not in best.flags:
            best.flags.append("fuzzy")
        self.entries[text] = best
        self.changed.append((best.previous_msgid, text))
        return best

    def add_empty(self, text, places):
        """An entry with no translation yet, for a translator to fill in, with
        the places the English text is used."""
        entry = polib.POEntry(msgid=text, msgstr="", occurrences=[(place, "") for place in places])
        self.po.append(entry)
        self.entries[text] = entry
        self.added.append(text)

    def save(self):
        if self.changed or self.added:
            self.po.save(str(self.path))


def catalogues(translations_dir=TRANSLATIONS_DIR):
    """A catalogue for each PO file whose language the site has, in the order
    of the site's languages."""
    codes = set(Locale.objects.values_list("language_code", flat=True))
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    paths = [path for path in Path(translations_dir).glob("*.po") if path.stem in codes]
    return [Catalogue(path) for path in sorted(paths, key=lambda path: order.index(path.stem))]


def place_of(obj, context_path):
    """Where a text is used: a page's path (``/case-studies/#title``), or a
    snippet's name (``core.counciltexts#opening_hours``), with its slug where
    it has one (``delivery.measure/groups-supported#name``)."""
    if isinstance(obj, Page):
        return "/" + "/".join(obj.url_path.split("/")[2:]) + "#" + context_path
    slug = getattr(obj, "slug", "")
    return obj._meta.label_lower + (f"/{slug}" if slug else "") + "#" + context_path


def translate_pages(pages, translations_dir=TRANSLATIONS_DIR):
    """Translate ``pages`` (English, parents before children; snippets too, such
    as the council's name and opening hours) into every language that has a
    catalogue, and publish the translations. Returns the catalogues, with what
    each had to carry across from edited English."""
    sources = []
    english_texts = set()
    for page in pages:
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()
        sources.append((page, source))
        english_texts.update(
            StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        )
    found = catalogues(translations_dir)
    for catalogue in found:
        catalogue.use(english_texts)
        locale = Locale.objects.get(language_code=catalogue.language)
        for page, source in sources:
            wanted = getattr(page, "demo_languages", None)
            if wanted is not None and catalogue.language not in wanted:
                continue
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale
            )
            po = translation.export_po()
            for entry in po:
                entry.msgstr = catalogue.translate(entry.msgid, place_of(page, entry.msgctxt))
            translation.import_po(po, tool_name="Demo content")
            translation.save_target(publish=True)
            if isinstance(page, Page):
                mark_for_review(page.get_translation(locale))
        catalogue.save()
    return found


def missing_translations(objects, translations_dir=TRANSLATIONS_DIR):
    """The English texts of ``objects`` (pages and snippets, as for
    ``translate_pages``) that a catalogue has no translation for: for each catalogue,
    ``{text: [places]}`` in the order the pages use them. A page counts only for
    the languages it is translated into."""
    sources = [(obj, TranslationSource.get_or_create_from_instance(obj)[0]) for obj in objects]
    report = []
    for catalogue in catalogues(translations_dir):
        missing = {}
        for obj, source in sources:
            wanted = getattr(obj, "demo_languages", None)
            if wanted is not None and catalogue.language not in wanted:
                continue
            segments = (
                StringSegment.objects.filter(source=source)
                .order_by("order")
                .values_list("string__data", "context__path")
            )
            for text, context_path in segments:
                if context_path in KEPT_IN_ENGLISH:
                    continue
                entry = catalogue.entries.get(text)
                if entry is None or not entry.msgstr:
                    places = missing.setdefault(text, [])
                    place = place_of(obj, context_path)
                    if place not in places:
                        places.append(place)
        report.append((catalogue, missing))
    return report


def add_missing_entries(report):
    """Each missing text added to its catalogue as an empty entry (as gettext's
    ``msgmerge`` adds new strings), for a translator to fill in. Until it is
    filled the page shows the English text, as before."""
    for catalogue, missing in report:
        for text, places in missing.items():
            if text not in catalogue.entries:
                catalogue.add_empty(text, places)
        catalogue.save()


def mark_for_review(page):
    """Leave a comment in the page editor saying the translation needs checking."""
    author = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if author is None:
        return
    Comment.objects.get_or_create(
        page=Page.objects.get(pk=page.pk),
        contentpath="title",
        defaults={"user": author, "text": REVIEW_NOTE, "position": ""},
    )
