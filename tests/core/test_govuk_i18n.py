"""GOV.UK Frontend's JavaScript writes words into the page (a character
count, an accordion's buttons); they come in the page's language."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation


def attributes(component, code):
    with translation.override(code):
        html = Template('{% load govuk_i18n %}<div {% govuk_i18n "' + component + '" %}>').render(
            Context()
        )
    return dict(re.findall(r'data-i18n\.([\w.-]+)="([^"]*)"', html))


def test_polish_gets_each_of_its_plural_forms_for_the_character_count():
    words = attributes("character-count", "pl")
    assert words["characters-under-limit.one"] == "Pozostał Ci %{count} znak"
    assert words["characters-under-limit.few"] == "Pozostały Ci %{count} znaki"
    assert words["characters-under-limit.many"] == "Pozostało Ci %{count} znaków"
    assert words["characters-over-limit.few"] == "Masz o %{count} znaki za dużo"
    assert words["characters-at-limit"] == "Nie możesz już wpisać więcej znaków"


@pytest.mark.parametrize("code", ["gu", "pa", "bn", "ur", "zh-hant", "pl"])
def test_every_language_has_its_own_words_for_both_components(code):
    english = {**attributes("character-count", "en"), **attributes("accordion", "en")}
    words = {**attributes("character-count", code), **attributes("accordion", code)}
    assert words.keys() == english.keys()
    for key, text in words.items():
        assert text != english[key], key
        # GOV.UK Frontend's placeholder, where the English has one.
        assert ("%{count}" in text) == ("%{count}" in english[key]), key


def test_the_english_matches_gov_uk_frontends_own():
    words = attributes("accordion", "en")
    assert words["show-all-sections"] == "Show all sections"
    assert words["hide-section-aria-label"] == "Hide this section"
    count = attributes("character-count", "en")
    assert count["characters-under-limit.one"] == "You have %{count} character remaining"
    assert count["characters-under-limit.other"] == "You have %{count} characters remaining"


def test_words_with_quotes_cannot_break_out_of_the_attribute(monkeypatch):
    from core.templatetags import govuk_i18n

    monkeypatch.setitem(
        govuk_i18n.COMPONENTS, "accordion", lambda: [("show-section", '"><script>x</script>')]
    )
    html = Template('{% load govuk_i18n %}<div {% govuk_i18n "accordion" %}>').render(Context())
    assert "<script>" not in html
    assert "&quot;&gt;&lt;script&gt;" in html
