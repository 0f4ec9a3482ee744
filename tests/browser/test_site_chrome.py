import pytest
from playwright.sync_api import expect

from .conftest import assert_no_axe_violations

PAGES = ["/", "/accessibility-statement/", "/privacy/", "/cookies/", "/contact/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violations_on_desktop(page, path):
    response = page.goto(path)
    assert response.status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/", "/accessibility-statement/"])
def test_page_has_no_wcag_violations_on_a_phone(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)


@pytest.mark.parametrize("path", PAGES)
def test_nothing_scrolls_sideways_at_320_pixels(phone_page, path):
    phone_page.goto(path)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.locator(":focus").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_header_and_footer_carry_the_council_details(page):
    page.goto("/")
    header = page.get_by_role("banner")
    assert "Leicestershire County Council" in header.inner_text()
    assert page.get_by_text("Help in your language").is_visible()
    footer = page.get_by_role("contentinfo")
    for link in ["Accessibility statement", "Privacy notice", "Cookies"]:
        footer.get_by_role("link", name=link).click()
        assert page.get_by_role("heading", level=1).inner_text()
        page.go_back()


def test_breadcrumbs_lead_back_home(page):
    page.goto("/privacy/")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Home").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Working with our communities"


def test_alternative_format_request_with_a_mistake_then_sent(page):
    page.goto("/contact/")
    page.get_by_label("Your name").fill("Jan Kowalski")
    page.get_by_role("button", name="Send request").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert page.title().startswith("Error:")
    # The summary takes focus so that screen readers announce it.
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert_no_axe_violations(page)
    summary.get_by_role("link", name="Select the format you need").click()
    assert page.evaluate("document.activeElement.id") == "id_format_1"
    assert page.get_by_label("Your name").input_value() == "Jan Kowalski"
    page.get_by_label("Email address").fill("jan@example.org")
    page.get_by_label("Which document or page do you need?").fill("The strategy")
    page.get_by_label("Braille").check()
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", name="Request sent")).to_be_visible()
