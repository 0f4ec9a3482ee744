"""The delivery plans in a real browser: axe on every new page type and state
in English, Polish and Urdu, reflow at 320 px, the filter without JavaScript,
the progress report printed on A4 without cut-off tables, and an editor's
progress update reaching the public plan and its feed at once."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, assert_no_axe_violations, live_manage, sign_in_staff

PLAN = "/action-plan-2015/"
PAGES = [
    PLAN,
    PLAN + "?status=on_track&priority=supporting-vulnerable-people",
    PLAN + "?status=nonsense",
    PLAN + "?lead=Nobody",
    PLAN + "support-for-voluntary-groups/",
    PLAN + "delivery-planning-workshops/",
    PLAN + "progress-november-2014-to-march-2015/",
    PLAN + "shire-grants-programme/",
    PLAN + "easy-read/",
    PLAN + "data/",
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
    page.wait_for_load_state()
    assert "status=delayed" in page.url
    expect(page.get_by_role("heading", name="1 action", exact=True)).to_be_visible()
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


def whole_plan_counts(page):
    """The plan's counts of actions by status (the table's last row), by status."""
    page.goto(PLAN)
    headings = page.locator(".app-status-counts thead th").all_inner_texts()[1:]
    cells = page.locator(".app-status-counts__total td").all_inner_texts()
    return dict(zip(headings, (int(cell) for cell in cells), strict=True))


def test_an_editors_progress_update_shows_on_the_plan_and_in_the_feed_at_once(browser, live_site):
    public = browser.new_context(base_url=live_site, viewport=DESKTOP)
    resident = public.new_page()
    before = whole_plan_counts(resident)
    feed = resident.request.get(PLAN + "feed/").text()
    assert "Parish councils chose to keep their own meetings" not in feed

    staff = browser.new_context(base_url=live_site, viewport=DESKTOP)
    editor = staff.new_page()
    sign_in_staff(editor, "admin", "demo-admin-password")
    action_id = live_manage(
        "from delivery.models import ActionPage as A;"
        "print(A.objects.get(slug='parish-council-forum', locale__language_code='en').pk)"
    )
    editor.goto(f"/admin/pages/{action_id}/edit/")
    editor.get_by_role("button", name="Add progress update").click()
    editor.locator("input[id^=id_updates-][id$=-date]").last.fill("2015-03-20")
    editor.keyboard.press("Escape")
    editor.locator("select[id^=id_updates-][id$=-status]").last.select_option("stopped")
    editor.locator("textarea[id^=id_updates-][id$=-text]").last.fill(
        "Parish councils chose to keep their own meetings, so the forum pilot stopped."
    )
    editor.get_by_role("button", name="More actions").last.click()
    editor.locator("button[name=action-publish]").click()
    editor.wait_for_url("**/admin/pages/*/")
    assert "has been published" in editor.locator(".messages").inner_text()
    staff.close()

    # The very next request shows the change: the counts, the action, the feed.
    after = whole_plan_counts(resident)
    # A status no action has is not a column of the table until one has it.
    assert after["Stopped"] == before.get("Stopped", 0) + 1
    assert after["On track"] == before["On track"] - 1
    assert after["All"] == before["All"]
    resident.goto(PLAN + "parish-council-forum/")
    assert resident.locator(".app-status-tag").first.inner_text() == "Stopped"
    feed = resident.request.get(PLAN + "feed/").text()
    assert "Try a new way of working with parish councils: now stopped" in feed
    assert "Parish councils chose to keep their own meetings" in feed
    public.close()
