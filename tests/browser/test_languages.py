import pytest
from playwright.sync_api import expect

from .conftest import assert_no_axe_violations


@pytest.mark.parametrize("code", ["ur", "pl", "zh-hant", "gu", "pa", "bn"])
def test_home_page_in_each_language_has_no_wcag_violations(page, code):
    response = page.goto(f"/{code}/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == code
    assert_no_axe_violations(page)


def test_urdu_reads_right_to_left(page):
    page.goto("/ur/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    width = page.viewport_size["width"]
    logo = page.locator(".govuk-generic-header__logo").bounding_box()
    # The council's name starts at the right-hand edge, as Urdu text does.
    assert logo["x"] + logo["width"] > width * 0.6
    assert logo["x"] > width * 0.3
    english = page.goto("/")
    assert english.status == 200
    english_logo = page.locator(".govuk-generic-header__logo").bounding_box()
    assert english_logo["x"] < width * 0.3


def test_switching_language_keeps_the_page(page):
    # The privacy notice is in English only in the demo.
    page.goto("/privacy/")
    page.get_by_role("link", name="Polski").click()
    assert page.url.endswith("/pl/privacy/")
    assert page.locator("html").get_attribute("lang") == "pl"
    expect(page.locator("#translation-notice-title")).to_be_visible()
