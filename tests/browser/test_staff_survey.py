"""A member of staff builds a three-section survey with conditional questions
through the Wagtail admin's own page form and publishes it; a resident then
completes it in the browser, and the stored response carries the keys."""

import datetime
import json

from django.utils import timezone
from playwright.sync_api import expect

from tests.consultations.admin_forms import consultation_form_data
from tests.consultations.test_admin import three_sections

from .conftest import DESKTOP, live_manage, sign_in_staff


def test_staff_build_a_survey_in_the_admin_and_a_resident_completes_it(browser, live_site):
    staff = browser.new_context(base_url=live_site, viewport=DESKTOP)
    admin = staff.new_page()
    sign_in_staff(admin, "admin", "demo-admin-password")

    index_id = live_manage(
        "from consultations.models import ConsultationIndexPage as P;"
        "from wagtail.models import Site;"
        "home = Site.objects.get(is_default_site=True).root_page;"
        "print(P.objects.descendant_of(home).get(locale__language_code='en').pk)"
    )
    add_url = f"/admin/pages/add/consultations/consultationpage/{index_id}/"
    admin.goto(add_url)  # the editor's form, which sets the CSRF cookie
    now = timezone.localtime()
    form = consultation_form_data(
        "Bus routes in Melton",
        "bus-routes-in-melton",
        three_sections(),
        now - datetime.timedelta(hours=1),
        now + datetime.timedelta(days=7),
        ask_about_you="on",
    )
    token = next(c["value"] for c in staff.cookies() if c["name"] == "csrftoken")
    response = admin.request.post(
        add_url,
        form={**{k: str(v) for k, v in form.items()}, "csrfmiddlewaretoken": token},
        headers={"Referer": live_site + add_url},
    )
    assert response.ok
    assert "/admin/pages/" in response.url and "/add/" not in response.url
    staff.close()

    resident = browser.new_context(base_url=live_site, viewport=DESKTOP)
    page = resident.new_page()
    page.goto("/have-your-say/bus-routes-in-melton/")
    page.locator("a.govuk-button--start").click()  # the consultation page
    page.locator("a.govuk-button--start").click()  # the survey's start page
    # Section 1: "yes" reveals the conditional question.
    page.locator('input[name="car"][value="yes_car"]').check()
    page.locator("#f-car_make").fill("Ford")
    page.get_by_role("button", name="Continue", exact=True).click()
    # Section 2 is shown because of that answer.
    page.locator("#f-trips").fill("4")
    page.get_by_role("button", name="Continue", exact=True).click()
    page.locator("#f-ideas").fill("More buses on Sundays")
    page.get_by_role("button", name="Continue", exact=True).click()
    # About you.
    page.locator('input[name="respondent_type"]').first.check()
    page.locator('input[name="district"]').first.check()
    page.get_by_role("button", name="Continue", exact=True).click()
    expect(
        page.get_by_role("heading", name="Check your answers before sending your response")
    ).to_be_visible()
    page.get_by_role("button", name="Accept and send").click()
    reference = page.locator(".app-survey-reference").inner_text().strip()
    assert reference
    resident.close()

    stored = json.loads(
        live_manage(
            "import json; from consultations.models import Response;"
            f"r = Response.objects.get(reference='{reference}');"
            "print(json.dumps(sorted([a.question_key, a.option_code or a.text or str(a.number)]"
            " for a in r.answers.all())))"
        )
    )
    assert ["car", "yes_car"] in stored
    assert ["car_make", "Ford"] in stored
    assert ["ideas", "More buses on Sundays"] in stored
    assert any(key == "trips" for key, _value in stored)
