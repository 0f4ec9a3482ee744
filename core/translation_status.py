"""Translations that are out of date: the English was published after the
translation was last synced.

Read from wagtail-localize's own records, not a store of our own: a
``Translation`` (a source in one language, a target locale) is synced each
time its target page or snippet is written from the source (the demo's import,
"Sync translated pages" with "publish", or a translator publishing it in
wagtail-localize's editor), and each of those leaves a ``TranslationLog``. So a
translation is out of date when its source page was last published (or its
source snippet last saved) after its latest log. Syncing it, and nothing else,
makes it current again.

Shown in three places: a warning on the translation's edit page, the
dashboard's "Translations to update" panel (``wagtail_hooks``), and a notice to
residents reading the translation (``language_tags.out_of_date``).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import get_language_info
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationLog

from core.locales import default_locale


@dataclass
class OutOfDate:
    """One translation whose source changed after it was last synced."""

    translation: Translation
    source: object  # the English page (specific) or snippet
    target: object  # the translated page or snippet
    changed_at: datetime
    synced_at: datetime

    @property
    def language_name(self):
        """In English, for staff: "Polish", "Urdu"."""
        return get_language_info(self.translation.target_locale.language_code)["name"]

    @property
    def update_url(self):
        """wagtail-localize's "Sync translated pages" for the source."""
        return reverse("wagtail_localize:update_translations", args=[self.translation.source_id])

    @property
    def edit_url(self):
        if isinstance(self.target, Page):
            return reverse("wagtailadmin_pages:edit", args=[self.target.pk])
        return self.translation.get_target_instance_edit_url()

    @property
    def title(self):
        if isinstance(self.target, Page):
            return self.target.get_admin_display_title()
        return str(self.target)


def changed_at(instance):
    """When the source last changed for residents: a page's last publication, a
    snippet's last save (``updated_at``), or None if it cannot tell."""
    if isinstance(instance, Page):
        return instance.last_published_at
    return getattr(instance, "updated_at", None)


def _with_last_sync(translations):
    last_log = TranslationLog.objects.filter(
        source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
    ).order_by("-created_at")
    return translations.annotate(last_synced_at=Subquery(last_log.values("created_at")[:1]))


def _stale(translation, source, target):
    if source is None or target is None:
        return None
    changed = changed_at(source)
    synced = translation.last_synced_at or translation.created_at
    if changed is None or changed <= synced:
        return None
    return OutOfDate(translation, source, target, changed, synced)


def out_of_date_translations():
    """Every enabled translation whose source changed after it was last synced,
    newest change first: a few queries whatever the number of translations."""
    translations = list(
        _with_last_sync(Translation.objects.filter(enabled=True)).select_related(
            "source", "source__object", "target_locale"
        )
    )
    # The sources and targets, one query per kind of object (pages are one kind).
    by_model = {}
    for translation in translations:
        model = translation.source.object.content_type.model_class()
        by_model.setdefault(model, []).append(translation)
    found = []
    for model, group in by_model.items():
        if model is None:
            continue
        keys = {translation.source.object_id for translation in group}
        objects = model.objects.filter(translation_key__in=keys)
        if issubclass(model, Page):
            objects = objects.defer_streamfields().specific(defer=True)
        instances = {(obj.translation_key, obj.locale_id): obj for obj in objects}
        for translation in group:
            key = translation.source.object_id
            item = _stale(
                translation,
                instances.get((key, translation.source.locale_id)),
                instances.get((key, translation.target_locale_id)),
            )
            if item is not None:
                found.append(item)
    found.sort(key=lambda item: (-item.changed_at.timestamp(), item.language_name))
    return found


def out_of_date(instance):
    """The ``OutOfDate`` for a translated page or snippet, or None when it is
    current (or not a translation made with wagtail-localize). Two queries."""
    if instance is None or getattr(instance, "locale_id", None) is None:
        return None
    if instance.locale_id == default_locale().pk:
        # The site is written in English and translated from it.
        return None
    translation = (
        _with_last_sync(
            Translation.objects.filter(
                source__object_id=instance.translation_key,
                target_locale_id=instance.locale_id,
                enabled=True,
            )
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return None
    source = _source_of(instance, translation.source.locale_id)
    return _stale(translation, source, instance)


def _source_of(instance, locale_id):
    if isinstance(instance, Page):
        return (
            Page.objects.filter(translation_key=instance.translation_key, locale_id=locale_id)
            .only("id", "url_path", "locale_id", "translation_key", "last_published_at")
            .first()
        )
    model = type(instance)
    return model.objects.filter(
        translation_key=instance.translation_key, locale_id=locale_id
    ).first()
