import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, assert_no_axe_violations


@pytest.mark.parametrize(
    "path",
    [
        "/case-studies/",
        "/case-studies/?district=Charnwood",
        "/case-studies/?district=Charnwood&funding=Sainsbury%27s+sponsorship",
        "/case-studies/?district=Atlantis",
        "/case-studies/birstall-youth-cafe/",
    ],
)
def test_case_study_pages_have_no_wcag_violations(page, path):
    assert page.goto(path).status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/case-studies/", "/case-studies/birstall-youth-cafe/"])
def test_case_study_pages_fit_a_phone(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_filter_by_district_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto("/case-studies/")
    page.get_by_label("District").select_option("Charnwood")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "district=Charnwood" in page.url
    expect(page.get_by_role("heading", name="2 case studies")).to_be_visible()
    cards = page.locator(".app-card h3").all_inner_texts()
    assert sorted(cards) == ["Anstey and Thurcaston footpath", "Birstall Youth Café"]
    page.get_by_role("link", name="Remove filter Charnwood").click()
    assert "district" not in page.url
    context.close()


def test_from_a_building_block_to_all_its_case_studies_in_one_click(page):
    page.goto("/case-studies/birstall-youth-cafe/")
    page.get_by_role("link", name="Active and empowered town and parish councils").first.click()
    page.get_by_role("link", name="See all").click()
    page.wait_for_load_state()
    assert "building_block=" in page.url
    cards = page.locator(".app-card h3").all_inner_texts()
    assert "Birstall Youth Café" in cards
    assert "Anstey and Thurcaston footpath" in cards
