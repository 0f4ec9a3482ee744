"""Which building blocks support which priority, listed both ways, the
Communities Model drawn from the pages, and the queries all that costs."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from core.factories import StandardPageFactory
from core.models import StandardPage
from strategy.factories import (
    BuildingBlockPageFactory,
    CommunitiesModelPageFactory,
    PriorityPageFactory,
    StrategyPageFactory,
)
from strategy.models import (
    BuildingBlockPage,
    CommunitiesModelPage,
    PriorityBuildingBlock,
    StrategyPage,
)
from tests.form_data import page_form_data

pytestmark = pytest.mark.django_db


def links_in(html, start_marker, end_marker="</ul>"):
    part = html.split(start_marker, 1)[1].split(end_marker, 1)[0]
    return re.findall(r'href="([^"#]+)"', part)


def test_relationships_read_both_ways(strategy):
    first, second = strategy.priorities
    halls, volunteers, grants = strategy.blocks
    assert first.get_building_blocks() == [halls, volunteers]
    assert second.get_building_blocks() == [halls]
    assert halls.get_priorities() == [first, second]
    assert volunteers.get_priorities() == [first]
    assert grants.get_priorities() == []


def test_the_order_staff_chose_is_kept(strategy):
    first = strategy.priorities[0]
    links = list(first.building_block_links.all())
    links[0].sort_order, links[1].sort_order = 1, 0
    for link in links:
        link.save()
    assert first.get_building_blocks() == [strategy.blocks[1], strategy.blocks[0]]


def test_a_building_block_chosen_twice_is_listed_once(strategy):
    PriorityBuildingBlock.objects.create(
        priority=strategy.priorities[1], building_block=strategy.blocks[0], sort_order=5
    )
    assert strategy.priorities[1].get_building_blocks() == [strategy.blocks[0]]


def test_the_model_has_four_levels_bottom_up_each_item_linking_to_its_page(client, strategy):
    html = client.get(strategy.model.url).content.decode()
    model = html.split('<div class="app-communities-model">')[1].split("</ol>\n</div>")[0]
    levels = re.findall(r'app-communities-model__level--(\d)"', model)
    assert levels == ["1", "2", "3", "4"]
    headings = re.findall(r'<a class="govuk-link" href="(#level-\d)">([^<]+)</a>', model)
    assert headings == [
        ("#level-1", "People look after themselves"),
        ("#level-2", "The building blocks"),
        ("#level-3", "Our priorities"),
        ("#level-4", "Where services meet villages"),
    ]
    # Each level heading leads to what the level means, further down the page.
    for anchor, _title in headings:
        assert f'id="{anchor[1:]}"' in html
    level_2 = model.split("app-communities-model__level--2")[1].split(
        "app-communities-model__level--3"
    )[0]
    level_3 = model.split("app-communities-model__level--3")[1].split(
        "app-communities-model__level--4"
    )[0]
    assert re.findall(r'href="([^"]+)"', level_2)[1:] == [block.url for block in strategy.blocks]
    assert re.findall(r'href="([^"]+)"', level_3)[1:] == [p.url for p in strategy.priorities]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", level_2))
    assert "Building block 3 : Grants" in text
    for page in [*strategy.blocks, *strategy.priorities]:
        assert client.get(page.url).status_code == 200


def test_a_ninth_building_block_added_in_the_admin_appears_in_the_model_and_on_its_priority(
    admin_client, client, home
):
    strategy = StrategyPageFactory(parent=home)
    model = CommunitiesModelPageFactory(parent=strategy)
    blocks = [BuildingBlockPageFactory(parent=strategy) for _ in range(8)]
    priority = PriorityPageFactory(
        parent=strategy,
        building_blocks=blocks[:3],
        key_actions__0__action="Fund good neighbour schemes.",
        key_actions__1__action="Train volunteers.",
    )
    assert BuildingBlockPage.objects.child_of(strategy).live().count() == 8

    # Staff add the building block ...
    add_url = reverse("wagtailadmin_pages:add", args=["strategy", "buildingblockpage", strategy.pk])
    response = admin_client.post(
        add_url,
        page_form_data(
            {
                "title": "Digital skills",
                "slug": "digital-skills",
                "introduction": "Everyone can get online.",
                "role_of_communities": rich_text("<p>Run a computer club.</p>"),
                "role_of_council": rich_text("<p>Lend laptops.</p>"),
                "key_actions": streamfield([("action", "Open ten computer clubs.")]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302
    ninth = BuildingBlockPage.objects.filter(locale__language_code="en").get(slug="digital-skills")
    assert ninth.live

    # ... then choose it on a priority, keeping the building blocks it had.
    existing = list(priority.building_block_links.all())
    edit_url = reverse("wagtailadmin_pages:edit", args=[priority.pk])
    form = admin_client.get(edit_url).context["form"]
    data = {
        name: form[name].value()
        for name in form.fields
        if name not in {"key_actions", "role_of_communities", "role_of_council"}
        and not name.startswith("easy_read")
        and form[name].value() is not None
    }
    data.update(
        {
            "role_of_communities": rich_text(priority.role_of_communities),
            "role_of_council": rich_text(priority.role_of_council),
            "key_actions": streamfield([("action", a.value) for a in priority.key_actions]),
            "building_block_links": inline_formset(
                [{"id": link.pk, "building_block": link.building_block_id} for link in existing]
                + [{"building_block": ninth.pk}],
                initial=len(existing),
            ),
            "action-publish": "action-publish",
        }
    )
    data.pop("comment_notifications", None)
    response = admin_client.post(edit_url, page_form_data(data))
    assert response.status_code == 302, response.content.decode()[:2000]

    model_html = client.get(model.url).content.decode()
    assert f'href="{ninth.url}"' in model_html
    assert "Building block 9" in model_html
    priority_html = client.get(priority.url).content.decode()
    assert ninth.url in links_in(priority_html, "Building blocks that support this priority")
    assert (
        len(links_in(priority_html, "Building blocks that support this priority"))
        == len(existing) + 1
    )
    ninth_html = client.get(ninth.url).content.decode()
    assert priority.url in links_in(ninth_html, "Priorities this building block supports")


def build(parent, blocks):
    """A strategy with a model, one priority, and ``blocks`` building blocks that
    support it and a second priority."""
    strategy = StrategyPageFactory(parent=parent)
    CommunitiesModelPageFactory(parent=strategy)
    building_blocks = [BuildingBlockPageFactory(parent=strategy) for _ in range(blocks)]
    priority = PriorityPageFactory(parent=strategy, building_blocks=building_blocks)
    other = PriorityPageFactory(parent=strategy, building_blocks=building_blocks)
    return strategy, priority, other, building_blocks


def queries_for(client, url):
    client.get(url)  # warm the caches a resident's second visit would find warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("kind", ["priority", "building block", "model", "strategy", "whole"])
def test_queries_do_not_grow_with_the_number_of_related_items(client, home, kind):
    few = build(home, 2)
    many = build(home, 9)

    def url(built):
        strategy, priority, _other, blocks = built
        return {
            "priority": priority.url,
            "building block": blocks[0].url,
            "model": CommunitiesModelPage.objects.child_of(strategy).get().url,
            "strategy": strategy.url,
            "whole": strategy.url + "whole/",
        }[kind]

    assert queries_for(client, url(few)) == queries_for(client, url(many))


def test_strategy_pages_cost_only_a_few_queries_more_than_a_standard_page(client, home):
    """Routing, the header and the footer cost the same on every page of the same
    depth; a part of a strategy adds only its strategy, its contents, its related
    items and a view-restriction check for each list of pages it shows. The
    related case studies (their own section, from the case studies app) add
    three: the case studies, a view-restriction check and the index to link to;
    the actions that deliver it (the delivery plan's section) add two: the
    actions with their plans, and a view-restriction check."""
    case_studies = 3
    actions = 2
    parent = StandardPage.objects.filter(locale__language_code="en").get(
        slug="accessibility-statement"
    )
    standard = queries_for(client, StandardPageFactory(parent=parent).url)
    _strategy, priority, _other, blocks = build(home, 9)
    assert queries_for(client, priority.url) <= standard + 4 + case_studies + actions
    assert queries_for(client, blocks[0].url) <= standard + 5 + case_studies + actions


def test_home_page_queries_do_not_grow_with_the_number_of_strategies(client, home):
    StrategyPageFactory(parent=home, is_current=True)
    StrategyPageFactory(parent=home, status=StrategyPage.Status.SUPERSEDED)
    before = queries_for(client, home.url)
    for _ in range(4):
        StrategyPageFactory(parent=home)
    assert queries_for(client, home.url) == before
