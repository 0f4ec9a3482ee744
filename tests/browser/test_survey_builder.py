"""The survey builder's "show only if" boxes suggest the earlier single-choice
questions and then that question's options, from the form as it stands."""

import datetime

from django.utils import timezone

from tests.consultations.admin_forms import consultation_form_data
from tests.consultations.test_admin import three_sections

from .conftest import DESKTOP, live_manage, sign_in_staff


def suggestions(admin, name):
    """Focus a box as staff would (the event the script listens for) and read
    what its datalist offers."""
    return admin.evaluate(
        """(name) => {
            const input = document.querySelector(`input[name='${name}']`);
            input.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
            const list = document.getElementById(input.getAttribute("list"));
            return [...list.options].map((option) => option.value);
        }""",
        name,
    )


def test_conditions_are_chosen_from_earlier_questions_and_their_options(browser, live_site):
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
    admin.goto(add_url)
    now = timezone.localtime()
    form = consultation_form_data(
        "Parking in Oakham",
        "parking-in-oakham",
        three_sections(),
        now - datetime.timedelta(hours=1),
        now + datetime.timedelta(days=7),
        **{"action-publish": ""},  # a draft: residents never see it
    )
    token = next(c["value"] for c in staff.cookies() if c["name"] == "csrftoken")
    response = admin.request.post(
        add_url,
        form={**{k: str(v) for k, v in form.items()}, "csrfmiddlewaretoken": token},
        headers={"Referer": live_site + add_url},
    )
    assert response.ok
    page_id = live_manage(
        "from consultations.models import ConsultationPage as P;"
        "print(P.objects.get(slug='parking-in-oakham').pk)"
    )
    admin.goto(f"/admin/pages/{page_id}/edit/")
    # Section 2 depends on question "car" of section 1: "car" is the only
    # earlier single-choice question ("car_make" is short text).
    assert suggestions(admin, "survey-1-value-show_if_question") == ["car"]
    assert suggestions(admin, "survey-1-value-show_if_option") == [
        "yes_car",
        "no_car",
        "sometimes_car",
    ]
    # Section 1 has nothing before it.
    assert suggestions(admin, "survey-0-value-show_if_question") == []
    staff.close()
