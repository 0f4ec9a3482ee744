"""A data-entry clerk keys in a Polish paper form in a real browser: it is
stored with its channel and serial, and the same serial keyed again is
refused."""

import pytest

from .conftest import assert_no_axe_violations, live_manage, sign_in_staff
from .test_survey_languages import APPROACH_SLUG, fill_the_open_survey, next_step

pytestmark = pytest.mark.browser


def start_keying(page, serial):
    page.goto("/admin/")
    page.get_by_role("link", name="Key in responses").click()
    page.get_by_role("link", name="Our Communities Approach 2022 to 2026").click()
    page.get_by_label("Paper form").check()
    page.get_by_label("Language of the form").select_option("pl")
    page.get_by_label("Serial number").fill(serial)
    page.get_by_label("Batch (optional)").fill("Loughborough library")
    page.get_by_role("button", name="Start keying in").click()
    page.wait_for_load_state()


def test_a_polish_paper_form_is_keyed_in_and_its_serial_only_once(page):
    sign_in_staff(page, "dataentry", "demo-dataentry-password")
    assert_no_axe_violations(page)
    start_keying(page, "LB-2207")
    assert f"/pl/have-your-say/{APPROACH_SLUG}/survey/" in page.url
    page.locator("a.govuk-button--start").click()
    assert "serial number LB-2207" in page.locator(".govuk-notification-banner").inner_text()
    assert_no_axe_violations(page)
    fill_the_open_survey(page)
    assert page.locator('input[name="receipt_email"]').count() == 0
    next_step(page)
    assert "/admin/consultation-responses/" in page.url
    message = page.locator(".messages").inner_text()
    assert "Stored as response HYS-" in message and "serial number LB-2207" in message
    stored = live_manage(
        "from consultations.models import Response;"
        "r = Response.objects.get(paper_serial='LB-2207');"
        "print(r.channel, r.language, r.keyed_by.username, r.paper_batch.replace(' ', '_'))"
    )
    assert stored.split() == ["paper", "pl", "dataentry", "Loughborough_library"]

    start_keying(page, "LB-2207")
    assert "/admin/consultation-responses/" in page.url
    assert "Serial number LB-2207 was keyed in already" in page.content()
    assert_no_axe_violations(page)
