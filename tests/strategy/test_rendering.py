"""What residents see on each of the strategy's pages."""

import re

import pytest

from strategy.factories import StrategyPageFactory
from strategy.models import StrategyPage

pytestmark = pytest.mark.django_db


def html_of(client, page, suffix=""):
    response = client.get(page.url + suffix)
    assert response.status_code == 200, page.url + suffix
    return response.content.decode()


def text_of(html):
    """The page's words with tags removed and spaces collapsed, as read aloud."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_landing_page_shows_every_field_and_a_table_of_contents(client, strategy):
    html = html_of(client, strategy.page)
    text = text_of(html)
    for words in [
        "Stronger Together",
        "How we will work with Rutland&#x27;s villages.",
        "2024 to 2028",
        "In force",
        "Our vision",
        "Every village looks after its own.",
        "Our principles",
        "Kindness",
        "Neighbours help first.",
        "Openness",
    ]:
        assert words in text, words
    for part in [strategy.foreword, strategy.section, strategy.model]:
        assert f'href="{part.url}"' in html
    assert "Priority 1: Villages support vulnerable people" in text
    assert "Priority 2: Villages run services" in text
    assert "Building block 3: Grants" in text
    assert f'href="{strategy.page.url}whole/"' in html
    # The landing page leads on to the first part.
    assert re.search(rf'<a [^>]*href="{strategy.foreword.url}" rel="next"', html)


def test_foreword_shows_its_text_and_who_signed_it(client, strategy):
    text = text_of(html_of(client, strategy.foreword))
    assert "A word from the lead member." in text
    assert "Councillor Ada Example" in text
    assert "Lead Member for Villages" in text
    assert "Why this strategy matters." in text


def test_section_shows_its_introduction_and_body(client, strategy):
    html = html_of(client, strategy.section)
    assert "Why things must change." in html
    assert "Less money" in html
    assert "We must save £5 million." in html
    assert '<span class="govuk-caption-l">Stronger Together</span>' in html


def test_priority_shows_roles_actions_and_its_building_blocks(client, strategy):
    priority = strategy.priorities[0]
    html = html_of(client, priority)
    text = text_of(html)
    assert "Priority 1" in text
    for words in [
        "Look after those at risk.",
        "Role of communities",
        "Neighbours notice who needs help.",
        "Role of the council",
        "The council trains volunteers.",
        "Key actions",
        "Write a vulnerability toolkit.",
        "Train 50 volunteers.",
        "Building blocks that support this priority",
        "Building block 1: Village halls",
        "Building block 2: Volunteers",
    ]:
        assert words in text, words
    # The actions keep the order staff gave them.
    assert text.index("Write a vulnerability toolkit.") < text.index("Train 50 volunteers.")
    assert (
        "Building block 3: Grants"
        not in text.split("Building blocks that support")[1].split("Contents")[0]
    )


def test_building_block_shows_roles_actions_and_its_priorities(client, strategy):
    html = html_of(client, strategy.blocks[0])
    text = text_of(html)
    for words in [
        "Building block 1",
        "Places to meet.",
        "Villages keep their hall open.",
        "The council helps with repairs.",
        "Actions",
        "Map every hall.",
        "Priorities this building block supports",
        "Priority 1: Villages support vulnerable people",
        "Priority 2: Villages run services",
    ]:
        assert words in text, words
    for priority in strategy.priorities:
        assert f'href="{priority.url}"' in html


def test_an_unlinked_building_block_lists_no_priorities(client, strategy):
    text = text_of(html_of(client, strategy.blocks[2]))
    assert "Priorities this building block supports" not in text


def test_previous_and_next_walk_through_the_parts_in_reading_order(client, strategy):
    order = [
        strategy.page,
        strategy.foreword,
        strategy.section,
        strategy.model,
        *strategy.priorities,
        *strategy.blocks,
    ]
    for before, page, after in zip(order, order[1:], [*order[2:], None], strict=False):
        html = html_of(client, page)
        nav = html.split('class="govuk-pagination govuk-pagination--block')[1].split("</nav>")[0]
        assert re.search(rf'href="{before.url}" rel="prev"', nav), page.title
        if after is None:
            assert 'rel="next"' not in nav
        else:
            assert re.search(rf'href="{after.url}" rel="next"', nav), page.title


def test_each_part_lists_the_whole_contents_and_marks_itself(client, strategy):
    html = html_of(client, strategy.blocks[1])
    side = html.split('class="app-strategy-side')[1].split("</nav>")[0]
    assert f'href="{strategy.blocks[1].url}" aria-current="page"' in side
    for part in [strategy.foreword, strategy.model, *strategy.priorities, *strategy.blocks]:
        assert f'href="{part.url}"' in side


def test_a_draft_strategy_says_so(client, strategy):
    strategy.page.status = StrategyPage.Status.DRAFT
    strategy.page.save_revision().publish()
    text = text_of(html_of(client, strategy.priorities[0]))
    assert "This is a draft." in text


def test_a_superseded_strategy_says_so_on_every_page_and_links_to_its_successor(
    client, strategy, home
):
    successor = StrategyPageFactory(parent=home, title="Stronger Still")
    strategy.page.status = StrategyPage.Status.SUPERSEDED
    strategy.page.superseded_by = successor
    strategy.page.save_revision().publish()
    for page in [strategy.page, strategy.priorities[0], strategy.model]:
        html = html_of(client, page)
        assert "Stronger Together has been replaced." in text_of(html)
        assert re.search(
            rf'<a class="govuk-notification-banner__link" href="{successor.url}"', html
        )
    # ... and the successor names what it replaced.
    successor_html = html_of(client, successor)
    assert "Earlier strategies" in successor_html
    assert f'href="{strategy.page.url}"' in successor_html


def test_an_unpublished_part_is_left_out_everywhere(client, strategy):
    strategy.blocks[1].unpublish()
    for page in [strategy.page, strategy.priorities[0], strategy.model]:
        assert "Volunteers" not in text_of(html_of(client, page)), page.title


def test_whole_strategy_on_one_page_has_every_part_in_order(client, strategy):
    html = html_of(client, strategy.page, "whole/")
    text = text_of(html)
    parts = [
        "A word from the lead member.",
        "We must save £5 million.",
        "Village agents link people to help.",
        "Write a vulnerability toolkit.",
        "Map every hall.",
    ]
    positions = [text.index(words) for words in parts]
    assert positions == sorted(positions)
    assert "Councillor Ada Example" in text
    assert "Every village looks after its own." in text
    for part in [strategy.foreword, strategy.model, *strategy.priorities, *strategy.blocks]:
        assert f'id="{part.slug}"' in html
    # Inside the one-page version the model links to the parts further down.
    model = html.split('class="app-communities-model"')[1].split("</ol>\n  </div>")[0]
    assert f'href="#{strategy.blocks[0].slug}"' in model
    assert "the whole strategy on one page" in html.split("<title>")[1].split("</title>")[0]
    # The breadcrumbs lead back to the strategy, part by part.
    crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert f'href="{strategy.page.url}"' in crumbs
    assert "Priority 1: Villages support vulnerable people" in text
    # It prints without the page furniture: the print rules hide the menus.
    assert "govuk-!-display-none-print" in html


def test_home_page_shows_the_current_strategy_and_the_others(client, home):
    current = StrategyPageFactory(
        parent=home, title="Stronger Together", status=StrategyPage.Status.DRAFT, is_current=True
    )
    others = [
        StrategyPageFactory(
            parent=home, title="Villages First", status=StrategyPage.Status.SUPERSEDED
        ),
        StrategyPageFactory(parent=home, title="Working Together"),
    ]
    html = html_of(client, home)
    section = html.split('id="home-strategy-title"')[1].split("</section>")[0]
    assert f'href="{current.url}"' in section
    assert current.title in section
    for other in others:
        assert f'href="{other.url}"' in section


def test_home_page_without_a_current_strategy_still_lists_strategies(client, home):
    strategies = [
        StrategyPageFactory(parent=home, title="Stronger Together", is_current=True),
        StrategyPageFactory(parent=home, title="Villages First"),
    ]
    StrategyPage.objects.update(is_current=False)
    html = html_of(client, home)
    section = html.split('id="home-strategy-title"')[1].split("</section>")[0]
    assert "Our strategies" in section
    for strategy in strategies:
        assert f'href="{strategy.url}"' in section
