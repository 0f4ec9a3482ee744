"""The strategy in a real browser: accessibility, reflow at 320 px, and a
resident finding every part of it from the home page on a phone."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_axe_violations

STRATEGY = "/communities-strategy-2014/"
PAGES = [
    STRATEGY,
    "/communities-approach-2022-26/",
    STRATEGY + "foreword/",
    STRATEGY + "case-for-change/",
    STRATEGY + "communities-model/",
    STRATEGY + "supporting-vulnerable-people/",
    STRATEGY + "community-hubs/",
    STRATEGY + "whole/",
]


@pytest.mark.parametrize("path", PAGES)
def test_strategy_pages_have_no_wcag_violations_on_desktop(page, path):
    response = page.goto(path)
    assert response.status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path", [STRATEGY + "communities-model/", STRATEGY + "supporting-vulnerable-people/", "/"]
)
def test_strategy_pages_have_no_wcag_violations_on_a_phone(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)


@pytest.mark.parametrize("path", PAGES)
def test_strategy_pages_do_not_scroll_sideways_at_320_pixels(phone_page, path):
    phone_page.goto(path)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_the_model_reads_from_the_foundation_up_but_is_drawn_with_it_at_the_bottom(page):
    page.goto(STRATEGY + "communities-model/")
    levels = page.locator(".app-communities-model__level")
    names = [re.sub(r"\s+", " ", text) for text in levels.all_inner_texts()]
    # Screen readers and the keyboard meet level 1 first ...
    assert [name.split(":")[0].split("\n")[0].strip() for name in names] == [
        "Level 1",
        "Level 2",
        "Level 3",
        "Level 4",
    ]
    # ... while on a wide screen level 1 is drawn at the bottom, as in the strategy.
    tops = [levels.nth(i).bounding_box()["y"] for i in range(4)]
    assert tops[0] > tops[1] > tops[2] > tops[3]
    assert levels.nth(1).get_by_role("link").count() == 1 + 8
    assert levels.nth(2).get_by_role("link").count() == 1 + 3


def test_the_model_stacks_in_reading_order_on_a_phone(phone_page):
    phone_page.goto(STRATEGY + "communities-model/")
    levels = phone_page.locator(".app-communities-model__level")
    tops = [levels.nth(i).bounding_box()["y"] for i in range(4)]
    assert tops == sorted(tops)


def test_a_resident_on_a_phone_reaches_the_strategy_model_priorities_and_building_blocks(
    phone_page,
):
    page = phone_page
    page.goto("/")
    home = page.get_by_role("region", name="Our communities strategy")
    home.get_by_role("link", name="Our Communities Approach 2022 to 2026").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Our Communities Approach 2022 to 2026"
    )
    expect(page.get_by_role("heading", name="Prevention")).to_be_visible()
    page.get_by_role("link", name="Communities Strategy 2014").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Communities Strategy 2014"
    expect(page.get_by_text("has been replaced")).to_be_visible()
    page.get_by_role("link", name="The Communities Model").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "The Communities Model"
    model_url = page.url
    model = page.locator(".app-communities-model")
    targets = model.locator(".app-communities-model__link")
    assert targets.count() == 3 + 8
    for index in range(targets.count()):
        link = page.locator(".app-communities-model .app-communities-model__link").nth(index)
        label = link.inner_text()
        title = label.split("\n")[-1].split(": ", 1)[-1].strip()
        link.scroll_into_view_if_needed()
        assert link.is_visible()
        link.click()
        heading = page.get_by_role("heading", level=1)
        assert heading.inner_text() == title, label
        expect(page.get_by_role("heading", name="Role of communities")).to_be_visible()
        page.goto(model_url)


def test_previous_and_next_lead_through_the_whole_strategy(page):
    page.goto(STRATEGY)
    visited = [page.get_by_role("heading", level=1).inner_text()]
    nav = "Previous and next parts of the strategy"
    while (
        page.get_by_role("navigation", name=nav)
        .get_by_role("link", name=re.compile("^Next"))
        .count()
    ):
        page.get_by_role("navigation", name=nav).get_by_role(
            "link", name=re.compile("^Next")
        ).click()
        page.wait_for_load_state()
        visited.append(page.get_by_role("heading", level=1).inner_text())
    assert visited[:3] == ["Communities Strategy 2014", "Foreword", "Overview and vision"]
    assert "The Communities Model" in visited
    assert visited[-1] == "Access to support, advice and training"
    assert len(visited) == 1 + 1 + 3 + 1 + 3 + 8


def test_the_whole_strategy_prints_without_the_site_menus(page):
    page.goto(STRATEGY + "whole/")
    page.emulate_media(media="print")
    assert not page.locator(".govuk-service-navigation").is_visible()
    assert (
        not page.locator(".app-part-nav").count() or not page.locator(".app-part-nav").is_visible()
    )
    assert page.get_by_role("heading", name="Network of community champions").is_visible()
    assert page.get_by_text("Councillor Pam Posnett").is_visible()
