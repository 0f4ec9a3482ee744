"""The words GOV.UK Frontend's JavaScript writes into a page, in the page's
language: without them a Polish or Urdu page would say "You have 897
characters remaining" or "Show all sections" in English."""

from django import template
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext, pgettext

register = template.Library()

# GOV.UK Frontend picks a message by the plural category that the browser's
# Intl.PluralRules gives the count in the page's language (Polish: one, few,
# many; Urdu: one, other; Chinese: other). Each category gets gettext's form
# for a count in it: 3 is "few" and 5 "many" in Polish. A category the
# language never uses is never read.
PLURAL_SAMPLES = {"one": 1, "few": 3, "many": 5, "other": 10}
JS_COUNT = "%{count}"  # GOV.UK Frontend's placeholder


def plural(key, message):
    """``message(count)`` for a count in each plural category."""
    return [
        (f"{key}.{category}", message(count) % {"count": JS_COUNT})
        for category, count in PLURAL_SAMPLES.items()
    ]


def character_count():
    # Literal ngettext calls, so that makemessages finds the words.
    def under(count):
        return ngettext(
            "You have %(count)s character remaining",
            "You have %(count)s characters remaining",
            count,
        )

    def over(count):
        return ngettext(
            "You have %(count)s character too many",
            "You have %(count)s characters too many",
            count,
        )

    return [
        ("characters-at-limit", gettext("You have 0 characters remaining")),
        *plural("characters-under-limit", under),
        *plural("characters-over-limit", over),
    ]


def accordion():
    return [
        ("show-all-sections", pgettext("accordion", "Show all sections")),
        ("hide-all-sections", pgettext("accordion", "Hide all sections")),
        ("show-section", pgettext("accordion", "Show")),
        ("hide-section", pgettext("accordion", "Hide")),
        ("show-section-aria-label", pgettext("accordion", "Show this section")),
        ("hide-section-aria-label", pgettext("accordion", "Hide this section")),
    ]


COMPONENTS = {"character-count": character_count, "accordion": accordion}


@register.simple_tag
def govuk_i18n(component):
    """The ``data-i18n.*`` attributes of a GOV.UK Frontend component's root
    element, in the active language."""
    return format_html_join(" ", 'data-i18n.{}="{}"', COMPONENTS[component]())
