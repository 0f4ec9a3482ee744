"""The delivery plans in a real browser: axe on every new page type and state
in English, Polish and Urdu, reflow at 320 px, the filter without JavaScript,
and the progress report printed on A4 without cut-off tables."""

import pytest

from .conftest import DESKTOP, assert_no_axe_violations

PLAN = "/action-plan-2015/"
PAGES = [
    PLAN,
    PLAN + "?status=on_track&priority=supporting-vulnerable-people",
    PLAN + "?status=nonsense",
    PLAN + "?lead=Nobody",
    PLAN + "support-for-voluntary-groups/",
    PLAN + "delivery-planning-workshops/",
    PLAN + "progress-november-2014-to-march-2015/",
    "/delivery-plan-2022-26/",
    "/delivery-plan-2022-26/prevention/",
    "/delivery-plan-2022-26/prevention/advice-easy-to-find/",
    "/communities-strategy-2014/commissioning-the-voluntary-sector/",
    "/have-your-say/communities-strategy-2014/",
]


@pytest.mark.parametrize("language", ["", "/pl", "/ur"])
@pytest.mark.parametrize("path", PAGES)
def test_delivery_pages_have_no_wcag_violations(page, language, path):
    assert page.goto(language + path).status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path", [PLAN, PLAN + "support-for-voluntary-groups/", "/ur" + PLAN + "shire-grants/"]
)
def test_delivery_pages_fit_a_phone(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_filter_the_plan_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(PLAN)
    page.get_by_label("Status", exact=True).select_option("delayed")
    page.get_by_role("button", name="Apply filters").click()
    assert "status=delayed" in page.url
    assert page.get_by_role("heading", name="1 action", exact=True).is_visible()
    assert page.locator(".app-action-list__title").all_inner_texts() == [
        "1.4 Plan the delivery with partners and communities in workshops"
    ]
    context.close()


def test_from_the_home_page_to_an_action_in_two_clicks(page):
    page.goto("/")
    page.locator("main").get_by_role("link", name="Action plan 2015").first.click()
    page.get_by_role("link", name="3.2 Fund community projects through Shire Grants").click()
    assert page.url.endswith(PLAN + "shire-grants/")
    assert page.locator(".app-status-tag").first.inner_text() == "Done"


def test_the_progress_report_prints_on_a4_without_cut_off_tables(page):
    page.goto(PLAN + "progress-november-2014-to-march-2015/")
    page.emulate_media(media="print")
    # A4 is 210 mm wide; less 15 mm margins each side, 180 mm at 96 dpi.
    page.set_viewport_size({"width": 680, "height": 1000})
    cut = page.evaluate(
        """() => [...document.querySelectorAll('main table')]
            .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                      || t.scrollWidth > t.clientWidth + 1)
            .map(t => t.innerText.slice(0, 40))"""
    )
    assert cut == []
    assert page.locator(".govuk-service-navigation").is_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
