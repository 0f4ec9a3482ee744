"""No layout shift on a phone: GOV.UK Frontend's service navigation showed
its whole list until its script ran, then hid it behind "Menu", moving the
search box and the content up by 145 to 222 px. Now a phone starts with the
list collapsed wherever the script will run, so the page is drawn once where
it stays."""

import pytest

from .conftest import PHONE

CONSULTATION = "/have-your-say/communities-approach-2022-26/"


def search_box_top(browser, live_site, path, script=True):
    context = browser.new_context(base_url=live_site, viewport=PHONE)
    page = context.new_page()
    if not script:
        # GOV.UK Frontend's script never arrives: the page as it is drawn
        # before the menu has started.
        page.route("**/govuk-frontend.min.js", lambda route: route.abort())
    page.goto(path)
    top = page.locator("#site-search").bounding_box()["y"]
    menu_shown = page.locator(".govuk-service-navigation__toggle").is_visible()
    list_shown = page.locator("#navigation").is_visible()
    context.close()
    return top, menu_shown, list_shown


@pytest.mark.parametrize("path", ["/", "/ur/", CONSULTATION])
def test_the_phone_menu_is_collapsed_before_and_after_its_script_runs(browser, live_site, path):
    before = search_box_top(browser, live_site, path, script=False)
    after = search_box_top(browser, live_site, path)
    assert before[1:] == (True, False)  # "Menu" shown, the list hidden
    assert after[1:] == (True, False)
    assert before[0] == after[0]


def test_without_javascript_the_whole_menu_is_shown(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    assert page.locator("#navigation").is_visible()
    assert not page.locator(".govuk-service-navigation__toggle").is_visible()
    context.close()
