"""Easy Read: a version of a page for people with learning disabilities,
written by staff, stored on the page itself so that it is translated in the
same wagtail-localize job, and served at <page URL>easy-read/."""

import re

from django.conf import settings
from django.db import models
from django.db.models import Case, Value, When
from django.db.models.functions import Cast
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language, get_language_info
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.search import index

EASY_READ_RULES = (
    "Easy Read rules: one idea in each sentence, 15 words or fewer. Use active verbs "
    "('We will…'), everyday words and no initials. Explain a hard word in the next "
    "sentence or in a 'hard word' box. Put a picture beside every row."
)
MAX_WORDS = 15
MAX_SENTENCES_PER_ROW = 2
# A sentence ends at . ! ? or the Urdu full stop followed by a space, or at a
# Chinese full stop, which has no space after it.
SENTENCE_END = re.compile(r"(?<=[.!?۔])\s+|(?<=[。！？])\s*")


def sentences(text):
    """Split text into sentences, one for each line on the page."""
    return [part.strip() for part in SENTENCE_END.split((text or "").strip()) if part.strip()]


def count_words(sentence):
    return len(sentence.split())


class EasyReadRowBlock(blocks.StructBlock):
    picture = ImageChooserBlock(
        help_text="Choose a picture from the 'Easy Read pictures' collection."
    )
    alt_text = blocks.CharBlock(
        max_length=150,
        help_text="Say what the picture shows, in a few words. People who cannot see it hear this.",
    )
    text = blocks.TextBlock(
        help_text="One or two short sentences. Each sentence goes on its own line.", rows=2
    )

    class Meta:
        icon = "image"
        label = "Picture and sentences"
        template = "components/streamfield/blocks/easy_read_row.html"


class HardWordBlock(blocks.StructBlock):
    word = blocks.CharBlock(max_length=60)
    meaning = blocks.TextBlock(help_text="What the word means, in one or two short sentences.")

    class Meta:
        icon = "help"
        label = "Hard word"
        template = "components/streamfield/blocks/easy_read_hard_word.html"


class EasyReadBlock(blocks.StreamBlock):
    row = EasyReadRowBlock()
    hard_word = HardWordBlock()


def site_languages():
    """The site's languages (``settings.LANGUAGES``), by their English names,
    for staff recording which language's Easy Read version was checked."""
    return [(code, get_language_info(code)["name"]) for code, _name in settings.LANGUAGES]


class EasyReadCheckBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=site_languages)
    checked_by = blocks.CharBlock(
        help_text="Who checked it with people with learning disabilities, for example "
        "'Reading group at Loughborough Mencap'."
    )
    checked_on = blocks.DateBlock()


def easy_read_warnings(stream):
    """Advice for editors (not errors): long sentences and crowded rows."""
    warnings = []
    for number, child in enumerate(stream or [], start=1):
        if child.block_type != "row":
            continue
        parts = sentences(child.value.get("text"))
        if len(parts) > MAX_SENTENCES_PER_ROW:
            warnings.append(
                f"Easy Read row {number} has {len(parts)} sentences. "
                f"Keep to {MAX_SENTENCES_PER_ROW} or fewer."
            )
        for sentence in parts:
            if count_words(sentence) > MAX_WORDS:
                warnings.append(
                    f"Easy Read row {number}: '{sentence[:60]}…' has {count_words(sentence)} "
                    f"words. Try {MAX_WORDS} or fewer."
                )
    return warnings


def with_streams_present(queryset, *names):
    """``queryset`` with, for each StreamField named, whether it holds
    anything, so that a listing that defers its StreamFields (they are
    large) can still say which pages have an Easy Read version or a survey
    without loading each one's field again: ``stream_present(page, name)``."""
    texts = {f"{name}_text": Cast(name, output_field=models.TextField()) for name in names}
    flags = {
        f"{name}_present": Case(
            When(**{f"{name}_text__isnull": True}, then=Value(False)),
            When(**{f"{name}_text": "[]"}, then=Value(False)),
            default=Value(True),
            output_field=models.BooleanField(),
        )
        for name in names
    }
    return queryset.annotate(**texts).annotate(**flags)


def stream_present(page, name):
    """Whether the page's StreamField ``name`` holds anything: from the
    listing's annotation while the field is deferred, else from the field."""
    present = page.__dict__.get(f"{name}_present")
    if present is not None and name in page.get_deferred_fields():
        return present
    return bool(getattr(page, name))


class EasyReadMixin(RoutablePageMixin, models.Model):
    """Adds an Easy Read version to a page, at <page URL>easy-read/."""

    easy_read_title = models.CharField(
        max_length=120,
        blank=True,
        help_text="A short title, for example 'Our plan for communities'.",
    )
    easy_read_introduction = models.TextField(
        blank=True, help_text="One or two short sentences about what this is."
    )
    easy_read = StreamField(
        EasyReadBlock(),
        blank=True,
        use_json_field=True,
        verbose_name="Easy Read rows",
        help_text=EASY_READ_RULES,
    )
    easy_read_summary = models.TextField(
        blank=True, help_text="The most important points again, in one or two sentences."
    )
    easy_read_checks = StreamField(
        [("check", EasyReadCheckBlock())],
        blank=True,
        use_json_field=True,
        verbose_name="checked by readers",
        help_text="Record each language's check with people with learning disabilities. "
        "Until a language is checked, its page says it has not been checked yet.",
    )

    easy_read_panels = [
        MultiFieldPanel(
            [
                FieldPanel("easy_read_title"),
                FieldPanel("easy_read_introduction"),
                FieldPanel("easy_read"),
                FieldPanel("easy_read_summary"),
                FieldPanel("easy_read_checks"),
            ],
            heading="Easy Read version",
            classname="collapsed",
        )
    ]

    search_fields = [
        index.SearchField("easy_read_title"),
        index.SearchField("easy_read_introduction"),
        index.SearchField("easy_read"),
        index.SearchField("easy_read_summary"),
    ]

    class Meta:
        abstract = True

    @property
    def has_easy_read(self):
        return stream_present(self, "easy_read")

    @property
    def easy_read_url(self):
        """The Easy Read version's address, from the route below: a path where
        the installation has one Site, an absolute address where it has more.
        Templates use ``{% easy_read_url page %}``, which is a path on the
        requested Site."""
        return self.get_easy_read_url()

    def get_easy_read_url(self, request=None):
        url = self.get_url(request=request)
        return url + self.reverse_subpage("easy_read") if url else ""

    def easy_read_check(self, language_code=None):
        """The check with readers for this language, or None."""
        language_code = language_code or get_language()
        for child in self.easy_read_checks or []:
            if child.value.get("language") == language_code:
                return child.value
        return None

    @path("easy-read/", name="easy_read")
    def easy_read_view(self, request):
        if not self.has_easy_read:
            raise Http404
        context = self.get_context(request)
        context["easy_read_check"] = self.easy_read_check()
        # A page type may extend the Easy Read page (a consultation adds its survey).
        template = getattr(self, "easy_read_template", "pages/easy_read_page.html")
        return TemplateResponse(request, template, context)
