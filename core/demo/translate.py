"""Demo translations through wagtail-localize, as a translator would make them
in its editor: the page's segments are extracted, each segment whose English
text we have a translation for is translated, and the translation is published.
Segments without a translation fall back to the English text, which is what
wagtail-localize does for a partly translated page."""

from django.contrib.auth import get_user_model
from wagtail.models import Comment, Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

REVIEW_NOTE = (
    "Demo translation written without a native speaker. Please have it reviewed by a "
    "native speaker before relying on it."
)


def translate_page(page, language_code, strings):
    """Create or update the translation of ``page`` into ``language_code`` from
    ``strings`` (English segment text -> translated text) and publish it."""
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    translation.save_target(publish=True)
    target = page.get_translation(locale)
    mark_for_review(target)
    return target


def mark_for_review(page):
    """Leave a comment in the page editor saying the translation needs checking."""
    author = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if author is None:
        return
    Comment.objects.get_or_create(
        page=page,
        contentpath="title",
        defaults={"user": author, "text": REVIEW_NOTE, "position": ""},
    )
