"""Links to pages and snippets in the resident's language.

wagtail-localize copies an action's links to its translation still pointing
at the original pages and measures; these swap them for their translations,
where one exists, in one query."""

from core.locales import default_locale


def localized(objects, locale_id, model, live=True):
    """``objects`` swapped for their translations in ``locale_id`` where they
    exist (and are live, for pages); the rest as they are. One query at most."""
    objects = [obj for obj in objects if obj is not None]
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not keys:
        return objects
    queryset = model.objects.filter(locale_id=locale_id, translation_key__in=keys)
    if live:
        queryset = queryset.live()
    translated = {obj.translation_key: obj for obj in queryset}
    return [
        obj if obj.locale_id == locale_id else translated.get(obj.translation_key, obj)
        for obj in objects
    ]


def live_pages(pages):
    """Unpublished pages left out, each page once, in the order given."""
    seen, kept = set(), []
    for page in pages:
        if page.live and page.pk not in seen:
            seen.add(page.pk)
            kept.append(page)
    return kept


def one_per_translation(pages, locale_id):
    """Pages found in the resident's language and in the default one: the
    resident's own where it exists, the default one where it does not."""
    default_id = default_locale().pk
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or (page.locale_id == locale_id and current.locale_id == default_id):
            chosen[page.translation_key] = page
    keys = list(dict.fromkeys(page.translation_key for page in pages))
    return sorted(chosen.values(), key=lambda page: keys.index(page.translation_key))
