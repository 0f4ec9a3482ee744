"""A resident answers the open demo survey on a phone with the keyboard alone,
and every step passes axe: empty, error summary, a revealed conditional
question, a character count over its limit, check your answers, confirmation."""

import re

import pytest

from .conftest import assert_no_axe_violations

APPROACH = "/have-your-say/communities-approach-2022-26/"
STRATEGY_2014 = "/have-your-say/communities-strategy-2014/"
CONTINUE = "button.govuk-button:not(.govuk-button--secondary)"


def focused_matches(page, selector):
    return page.evaluate(
        "(selector) => !!document.activeElement && document.activeElement.matches(selector)",
        selector,
    )


def tab_to(page, selector, limit=250):
    """Press Tab until the element matching the CSS selector has the focus."""
    for _ in range(limit):
        if focused_matches(page, selector):
            assert page.locator(":focus").is_visible()
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"The keyboard never reached {selector}")


def choose(page, name, index=0):
    """Pick the index-th radio of a group: Tab into the group, then arrows."""
    tab_to(page, f'input[name="{name}"]')
    if index == 0:
        page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    checked = page.locator(f'input[name="{name}"]:checked')
    assert checked.count() == 1
    return checked.get_attribute("value")


def tick(page, selector):
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.locator(selector).is_checked()


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def press_continue(page, selector=CONTINUE):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def no_sideways_scroll(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_the_open_demo_survey_with_the_keyboard_alone_on_a_phone(phone_page):
    page = phone_page
    page.goto(APPROACH)
    assert_no_axe_violations(page)
    press_continue(page, "a.govuk-button--start")
    assert page.locator("h1").inner_text() == "Our Communities Approach 2022 to 2026"
    assert_no_axe_violations(page)
    press_continue(page, "a.govuk-button--start")

    # Section 1, empty, then with the error summary.
    assert "Section 1 of 5" in page.locator(".govuk-caption-l").inner_text()
    assert page.locator("h1").inner_text() == "The draft approach"
    assert_no_axe_violations(page)
    press_continue(page)
    assert page.title().startswith("Error:")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "There is a problem" in summary.inner_text()
    assert "Select how far you agree with the draft approach" in summary.inner_text()
    assert_no_axe_violations(page)
    no_sideways_scroll(page)
    # The summary's first link takes the keyboard to the question.
    tab_to(page, ".govuk-error-summary__list a")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'f-overall_agreement'")

    choose(page, "overall_agreement", 1)
    choose(page, "principle_agreement__prevention", 0)
    choose(page, "principle_agreement__engagement", 1)
    choose(page, "principle_agreement__catalysts", 5)
    for item, number in [("prevention", "2"), ("engagement", "1"), ("catalysts", "3")]:
        tab_to(page, f"#f-principle_ranking__{item}")
        page.keyboard.type(number)
    press_continue(page)

    # Section 2: an answer reveals a question under it.
    assert page.locator("h1").inner_text() == "You and your community"
    assert not page.locator("#f-group_name").is_visible()
    choose(page, "involvement", 0)
    assert page.locator("#f-group_name").is_visible()
    assert_no_axe_violations(page)
    type_into(page, "#f-group_name", "Birstall Youth Café")
    tick(page, "#f-activities")
    tick(page, "#f-activities-7")
    type_into(page, "#f-activities__other", "A community choir")
    choose(page, "activity_area", 1)
    choose(page, "pandemic_help", 0)
    press_continue(page)

    # Section 3, shown because of the answer above.
    assert "Section 3 of 6" in page.locator(".govuk-caption-l").inner_text()
    tab_to(page, "#f-group_size")
    page.keyboard.type("10")
    type_into(page, "#f-volunteer_hours", "8")
    type_into(page, "#f-group_started", "14")
    type_into(page, "#f-group_started__month", "5")
    type_into(page, "#f-group_started__year", "2018")
    type_into(page, "#f-group_support", "x" * 1010)
    page.wait_for_selector(".govuk-character-count__status.govuk-error-message")
    assert_no_axe_violations(page)
    press_continue(page)
    assert (
        "Your answer must be 1000 characters or fewer"
        in page.locator(".govuk-error-summary").inner_text()
    )
    tab_to(page, "#f-group_support")
    page.keyboard.press("Control+A")
    page.keyboard.type("Help with funding bids")
    press_continue(page)

    # Section 4: yes reveals the email question.
    choose(page, "want_updates", 0)
    type_into(page, "#f-updates_email", "resident@example.org")
    type_into(page, "#f-postcode", "le3 8ra")
    tick(page, "#f-quote_consent")
    press_continue(page)

    # About you; equality monitoring is optional.
    assert page.locator("h1").inner_text() == "About you"
    choose(page, "respondent_type", 0)
    choose(page, "district", 1)
    press_continue(page)
    assert page.locator("h1").inner_text() == "Equality monitoring"
    assert_no_axe_violations(page)
    press_continue(page)

    # Check your answers, then change one.
    assert page.locator("h1").inner_text() == "Check your answers before sending your response"
    body = page.locator("main").inner_text()
    for answer in ["Agree", "Birstall Youth Café", "A community choir", "14 May 2018", "LE3 8RA"]:
        assert answer in body
    assert_no_axe_violations(page)
    no_sideways_scroll(page)
    press_continue(page, 'a[href*="/survey/your_ideas/?return=check#f-postcode"]')
    assert page.locator("#f-postcode").input_value() == "le3 8ra"  # as typed
    tab_to(page, "#f-postcode")
    page.keyboard.press("Control+A")
    page.keyboard.type("LE11 3TU")
    press_continue(page)
    assert page.locator("h1").inner_text() == "Check your answers before sending your response"
    assert "LE11 3TU" in page.locator("main").inner_text()

    press_continue(page, CONTINUE)
    panel = page.locator(".govuk-panel--confirmation")
    assert "Response sent" in panel.inner_text()
    reference = page.locator(".app-survey-reference").inner_text()
    assert re.fullmatch(r"HYS-[A-Z2-9]{4}-[A-Z2-9]{4}", reference)
    assert_no_axe_violations(page)
    no_sideways_scroll(page)


@pytest.mark.parametrize(
    "path", ["/have-your-say/", APPROACH, STRATEGY_2014, STRATEGY_2014 + "survey/"]
)
def test_consultation_pages_pass_axe_on_desktop(page, path):
    response = page.goto(path)
    assert response.status == 200
    assert_no_axe_violations(page)


def test_a_closed_survey_says_so_plainly(phone_page):
    phone_page.goto(STRATEGY_2014 + "survey/priorities/")
    assert phone_page.locator("h1").inner_text() == "This survey has closed"
    assert "Other ways to respond" in phone_page.locator("main").inner_text()
    assert_no_axe_violations(phone_page)


def test_a_resident_finds_the_consultations_about_their_area_in_polish(page):
    """The finder's Area filter, used by its Polish label: a district shows the
    consultations about it and those about the whole county."""
    page.goto("/pl/have-your-say/")
    page.get_by_label("Obszar", exact=True).select_option(label="Melton")
    with page.expect_navigation():
        page.get_by_role("button", name="Zastosuj filtr").click()
    assert "area=melton" in page.url
    cards = page.locator(".app-consultation-card")
    links = [link.get_attribute("href") for link in cards.locator("h3 a").all()]
    assert any("/pl/have-your-say/community-transport-melton-harborough/" in h for h in links)
    assert any("/pl/have-your-say/communities-approach-2022-26/" in h for h in links)
    texts = " ".join(cards.all_inner_texts())
    assert "Transport społeczny w Melton i Harborough" in texts
    assert "Obejmuje: Harborough, Melton" in texts
    assert "Melton" in page.locator(".app-filter-chosen").inner_text()
    assert_no_axe_violations(page)

    page.get_by_label("Obszar", exact=True).select_option(label="Blaby")
    with page.expect_navigation():
        page.get_by_role("button", name="Zastosuj filtr").click()
    links = [link.get_attribute("href") for link in cards.locator("h3 a").all()]
    assert not any("community-transport" in h for h in links)
    assert any("communities-approach-2022-26" in h for h in links)
    assert_no_axe_violations(page)
