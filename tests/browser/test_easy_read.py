import pytest
from playwright.sync_api import expect

from .conftest import assert_no_axe_violations

FONT_SIZE = (
    "parseFloat(getComputedStyle("
    "document.querySelector('.app-easy-read__row .app-easy-read__sentence')).fontSize)"
)


@pytest.mark.parametrize(
    "path", ["/easy-read/", "/pl/easy-read/", "/ur/easy-read/", "/easy-read-pages/"]
)
def test_easy_read_pages_have_no_wcag_violations(page, path):
    assert page.goto(path).status == 200
    assert_no_axe_violations(page)


def test_easy_read_text_is_large_on_a_phone_and_larger_on_a_desktop(page, phone_page):
    phone_page.goto("/easy-read/")
    assert phone_page.evaluate(FONT_SIZE) >= 19
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.goto("/easy-read/")
    assert page.evaluate(FONT_SIZE) >= 24


def test_pictures_sit_beside_the_text_and_are_big_enough(page):
    page.goto("/easy-read/")
    row = page.locator(".app-easy-read__row").first
    picture = row.locator("img").bounding_box()
    text = row.locator(".app-easy-read__text").bounding_box()
    assert picture["width"] >= 100
    assert picture["x"] + picture["width"] <= text["x"]  # picture on the left


def test_in_urdu_pictures_sit_on_the_right(page):
    page.goto("/ur/easy-read/")
    row = page.locator(".app-easy-read__row").first
    picture = row.locator("img").bounding_box()
    text = row.locator(".app-easy-read__text").bounding_box()
    assert picture["x"] >= text["x"] + text["width"]


def test_one_click_from_the_home_page_to_easy_read(page):
    page.goto("/")
    page.get_by_role("link", name="Easy Read version of this page").click()
    assert page.url.endswith("/easy-read/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
