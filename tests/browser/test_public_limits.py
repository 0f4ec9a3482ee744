"""An 11th save-and-return email to one address in an hour is refused politely
in a real browser: the typed address and the answers are kept, nothing saved."""

from .conftest import assert_no_axe_violations, live_manage

APPROACH = "/have-your-say/communities-approach-2022-26/"
ADDRESS = "library.user@example.org"


def test_the_11th_save_and_return_email_to_one_address_is_refused_politely(page):
    # Ten emails already went to this address in the last hour.
    live_manage(
        "from limits import counters\n"
        f"for _ in range(10): counters.record(counters.EMAIL_TO, {ADDRESS!r})"
    )
    page.goto(APPROACH + "survey/")
    with page.expect_navigation():
        page.click("a.govuk-button--start")
    page.locator('input[name="overall_agreement"]').nth(1).check()
    with page.expect_navigation():
        page.click('button[name="action"][value="save"]')
    assert page.url.endswith("/survey/save/")
    page.fill("#f-email", ADDRESS)
    with page.expect_response(
        lambda r: "/survey/save/" in r.url and r.request.method == "POST"
    ) as sent:
        page.get_by_role("button", name="Send me the link").click()
    answer = sent.value
    assert answer.status == 429
    assert int(answer.headers["retry-after"]) > 0
    banner = page.locator(".govuk-notification-banner")
    assert banner.is_visible()
    assert "We cannot send another email to that address just now" in banner.inner_text()
    assert page.input_value("#f-email") == ADDRESS
    assert_no_axe_violations(page)
    saved = "from consultations.models import SavedSurvey\n"
    saved += f"print(SavedSurvey.objects.filter(email={ADDRESS!r}).count())"
    assert live_manage(saved) == "0"

    # The answer given is still there.
    with page.expect_navigation():
        page.click(".govuk-notification-banner__link")
    assert page.locator('input[name="overall_agreement"]').nth(1).is_checked()
