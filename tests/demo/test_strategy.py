"""The demo strategies: the 2014 Communities Strategy in full and the draft
Communities Approach 2022 to 2026 as the current one."""

import re
from collections import deque
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from strategy.models import (
    BuildingBlockPage,
    CommunitiesModelPage,
    ForewordPage,
    PriorityBuildingBlock,
    PriorityPage,
    StrategyPage,
    StrategySectionPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.fixture
def strategy_2014(demo):
    return StrategyPage.objects.descendant_of(demo).get(slug="communities-strategy-2014")


def test_the_2014_strategy_has_every_part(strategy_2014):
    foreword = ForewordPage.objects.child_of(strategy_2014).get()
    assert foreword.author_name == "Councillor Pam Posnett"
    assert "Lead Member" in foreword.author_role
    sections = list(
        StrategySectionPage.objects.child_of(strategy_2014).values_list("title", flat=True)
    )
    assert sections == ["Overview and vision", "The case for change", "The background"]
    assert CommunitiesModelPage.objects.child_of(strategy_2014).count() == 1
    priorities = PriorityPage.objects.child_of(strategy_2014).live()
    blocks = BuildingBlockPage.objects.child_of(strategy_2014).live()
    assert priorities.count() == 3
    assert blocks.count() == 8
    for part in [*priorities, *blocks]:
        assert part.role_of_communities and part.role_of_council, part.title
        assert len(part.key_actions) >= 3, part.title
    assert "vulnerable" in priorities[0].title
    assert strategy_2014.vision.startswith("Leading Leicestershire")


def test_every_2014_priority_and_building_block_is_linked(strategy_2014):
    for priority in PriorityPage.objects.child_of(strategy_2014):
        assert len(priority.get_building_blocks()) >= 3, priority.title
    for block in BuildingBlockPage.objects.child_of(strategy_2014):
        assert block.get_priorities(), block.title


def test_the_2022_approach_is_the_current_draft_and_replaces_2014(demo, strategy_2014):
    current = StrategyPage.objects.descendant_of(demo).get(is_current=True)
    assert current.slug == "communities-approach-2022-26"
    assert current.status == StrategyPage.Status.DRAFT
    assert [p.value["name"] for p in current.principles] == [
        "Prevention",
        "Engagement",
        "Catalysts",
    ]
    assert current.show_in_menus
    assert strategy_2014.status == StrategyPage.Status.SUPERSEDED
    assert strategy_2014.superseded_by.specific == current


def test_loading_the_demo_again_changes_nothing(demo):
    def snapshot():
        return (
            [
                (page.url_path, page.title, page.live)
                for strategy in StrategyPage.objects.descendant_of(demo).order_by("path")
                for page in Page.objects.descendant_of(strategy, inclusive=True).order_by("path")
            ],
            sorted(
                PriorityBuildingBlock.objects.values_list(
                    "priority__slug", "building_block__slug", "sort_order"
                )
            ),
        )

    before = snapshot()
    call_command("load_demo_content", stdout=StringIO())
    assert snapshot() == before
    # 2022-26: landing page and two sections; 2014: landing page, foreword, three
    # sections, the model, three priorities and eight building blocks.
    assert len(before[0]) == 3 + 1 + 1 + 3 + 1 + 3 + 8


def test_a_resident_reaches_every_part_by_following_links_from_the_home_page(client, demo):
    strategy_2014 = StrategyPage.objects.descendant_of(demo).get(slug="communities-strategy-2014")
    wanted = {StrategyPage.objects.descendant_of(demo).get(is_current=True).get_url_parts()[2]}
    wanted |= {
        page.get_url_parts()[2]
        for model in (CommunitiesModelPage, PriorityPage, BuildingBlockPage)
        for page in model.objects.child_of(strategy_2014).live()
    }
    assert len(wanted) == 1 + 1 + 3 + 8
    # Breadth first from the home page, at most three clicks deep.
    seen, queue = {"/"}, deque([("/", 0)])
    while queue:
        url, depth = queue.popleft()
        if depth == 3:
            continue
        response = client.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue  # a feed, a calendar file or open data, not a page to read
        main = response.content.decode().split('id="main-content"', 1)[1]
        for href in re.findall(r'href="(/[^"#?]*)"', main):
            if href not in seen and not href.startswith(("/static/", "/media/", "/admin/")):
                seen.add(href)
                queue.append((href, depth + 1))
    assert wanted <= seen, wanted - seen
