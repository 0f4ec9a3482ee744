import pytest

from .conftest import assert_no_axe_violations


@pytest.mark.parametrize(
    "path",
    ["/search/?q=youth+cafe", "/search/?q=qwertyzzz", "/search/", "/ur/search/?q=کونسل"],
)
def test_search_pages_have_no_wcag_violations(page, path):
    assert page.goto(path).status == 200
    assert_no_axe_violations(page)


def test_the_header_search_box_finds_the_youth_cafe_first(page):
    page.goto("/")
    page.get_by_role("searchbox", name="Search this site").first.fill("youth cafe")
    page.get_by_role("button", name="Search", exact=True).first.click()
    page.wait_for_load_state()
    first = page.locator(".app-search-result h3 a").first
    assert first.inner_text() == "Birstall Youth Café"
    assert page.locator(".app-search-result mark").count() > 0


def test_filtering_results_by_type_works_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, java_script_enabled=False)
    page = context.new_page()
    page.goto("/search/?q=community")
    page.get_by_label("Show").select_option("case-study")
    page.locator("main").get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert "type=case-study" in page.url
    labels = page.locator(".app-search-result .govuk-caption-m").all_inner_texts()
    assert labels and all("Case study" in label for label in labels)
    context.close()
