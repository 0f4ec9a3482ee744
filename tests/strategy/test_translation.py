"""A strategy translated with wagtail-localize links to its translated parts.

wagtail-localize copies links to pages as they are (to the English page), so
the strategy's pages swap each one for its translation when they show it."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from strategy.factories import StrategyPageFactory
from strategy.models import StrategyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    def translate(page, locale):
        source, _created = TranslationSource.update_or_create_from_instance(page)
        # wagtail-localize publishes once the transaction commits; tests never commit.
        with django_capture_on_commit_callbacks(execute=True):
            # No translator has worked on it yet: the English text stands in.
            source.create_or_update_translation(locale, fallback=True)
        return page.get_translation(locale)

    return translate


@pytest.fixture
def polish(strategy, home, translate):
    locale, _created = Locale.objects.get_or_create(language_code="pl")
    if home.get_translation_or_none(locale) is None:
        translate(home, locale)
    pages = [
        strategy.page,
        strategy.model,
        *strategy.blocks,
        *strategy.priorities,
    ]
    return {page.pk: translate(page, locale) for page in pages}


def hrefs_after(html, marker):
    """The links in the list that follows the marker (headings are in Polish here)."""
    return re.findall(r'href="([^"#]+)"', html.split(marker, 1)[1].split("</ul>", 1)[0])


def test_a_translated_priority_links_to_the_translated_building_blocks(client, strategy, polish):
    priority = polish[strategy.priorities[0].pk]
    assert priority.url.startswith("/pl/")
    html = client.get(priority.url).content.decode()
    links = hrefs_after(html, "app-related-parts")
    assert links == [polish[block.pk].url for block in strategy.blocks[:2]]


def test_a_translated_building_block_lists_the_translated_priorities(client, strategy, polish):
    block = polish[strategy.blocks[0].pk]
    html = client.get(block.url).content.decode()
    links = hrefs_after(html, "app-related-parts")
    assert links == [polish[priority.pk].url for priority in strategy.priorities]


def test_the_translated_model_links_to_translated_pages(client, strategy, polish):
    html = client.get(polish[strategy.model.pk].url).content.decode()
    model = html.split('<div class="app-communities-model">')[1].split("</ol>\n</div>")[0]
    parts = re.findall(r'href="(/[^"]+)"', model)
    assert parts and all(href.startswith("/pl/") for href in parts)


def test_a_translated_superseded_strategy_sends_readers_to_the_translated_successor(
    client, strategy, polish, home, translate
):
    successor = StrategyPageFactory(parent=home, title="Stronger Still")
    strategy.page.status = StrategyPage.Status.SUPERSEDED
    strategy.page.superseded_by = successor
    strategy.page.save_revision().publish()
    locale = Locale.objects.get(language_code="pl")
    polish_successor = translate(successor, locale)
    polish_strategy = translate(strategy.page, locale)
    html = client.get(polish_strategy.url).content.decode()
    assert re.search(
        rf'class="govuk-notification-banner__link" href="{polish_successor.url}"', html
    )
    successor_html = client.get(polish_successor.url).content.decode()
    assert hrefs_after(successor_html, "app-strategy-replaces") == [polish_strategy.url]
