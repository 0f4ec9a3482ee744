"""The Easy Read strategy, priorities and consultation in the browser, and a
resident answering the Easy Read survey: one click from the home page, the
whole journey, and the response counted with the standard ones."""

import re

import pytest
from django.utils import translation

from .conftest import assert_no_axe_violations, live_manage

CONSULTATION = "/have-your-say/communities-approach-2022-26/"
STRATEGY = "/communities-approach-2022-26/"
PRIORITY = "/communities-strategy-2014/supporting-vulnerable-people/"


def words(code, text):
    with translation.override(code):
        return translation.gettext(text)


def prefix(code):
    return "" if code == "en" else f"/{code}"


def next_step(page):
    with page.expect_navigation():
        page.locator("main form button.govuk-button").first.click()


@pytest.mark.parametrize("code", ["en", "pl", "ur"])
@pytest.mark.parametrize("path", [STRATEGY, PRIORITY, CONSULTATION])
def test_easy_read_strategy_priority_and_consultation_pages_pass_axe(page, code, path):
    assert page.goto(f"{prefix(code)}{path}easy-read/").status == 200
    assert page.locator(".app-easy-read__row").count() >= 4
    assert_no_axe_violations(page)


@pytest.mark.parametrize("code", ["en", "pl", "ur"])
def test_an_easy_read_survey_step_passes_axe_with_and_without_errors(page, code):
    base = f"{prefix(code)}{CONSULTATION}easy-read/survey/"
    assert page.goto(base).status == 200
    assert_no_axe_violations(page)
    assert page.goto(f"{base}draft_approach/").status == 200
    assert page.locator(".app-easy-read-survey__picture").count() >= 3
    assert_no_axe_violations(page)
    next_step(page)  # sent empty: the error state
    summary = page.locator(".govuk-error-summary")
    assert words(code, "There is a problem") in summary.inner_text()
    assert words(code, "Please choose one answer for: %(statement)s").split(":")[0] in (
        summary.inner_text()
    )
    assert_no_axe_violations(page)


def test_in_urdu_the_option_pictures_sit_on_the_right(page):
    page.goto(f"/ur{CONSULTATION}easy-read/survey/draft_approach/")
    label = page.locator(".app-easy-read-survey__option-label:has(img)").first
    picture = label.locator("img").bounding_box()
    text = label.locator(".app-easy-read-survey__option-text").bounding_box()
    assert picture["x"] >= text["x"] + text["width"]


def test_easy_read_survey_text_is_large(phone_page, page):
    for tab, size in [(phone_page, 19), (page, 24)]:
        tab.goto(f"{CONSULTATION}easy-read/survey/draft_approach/")
        font = tab.evaluate(
            "parseFloat(getComputedStyle("
            "document.querySelector('.app-easy-read-survey__option-text')).fontSize)"
        )
        assert font >= size
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_one_click_from_the_home_page_to_the_easy_read_strategy(page):
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("link", name="Our strategy in Easy Read").click()
    assert page.url.endswith(f"{STRATEGY}easy-read/")
    assert page.locator("h1").inner_text() == "Our plan for communities 2022 to 2026"


def test_one_click_from_the_home_page_to_the_easy_read_survey(page):
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Answer in Easy Read")).click()
    assert page.url.endswith(f"{CONSULTATION}easy-read/survey/")
    assert page.locator("h1").inner_text() == "Tell us what you think"


def answer_the_easy_read_survey(page):
    page.locator('input[name="overall_agreement"][value="strongly_agree"]').check()
    for statement in ["prevention", "engagement", "catalysts"]:
        page.locator(f'input[name="principle_agreement__{statement}"][value="agree"]').check()
    next_step(page)
    page.locator('input[name="involvement"][value="not_involved"]').check()
    page.locator('input[name="pandemic_help"][value="yes"]').check()
    next_step(page)
    page.locator('input[name="want_updates"][value="no"]').check()
    next_step(page)
    page.locator('input[name="respondent_type"][value="individual"]').check()
    page.locator('input[name="district"][value="melton"]').check()
    next_step(page)
    next_step(page)  # the equality questions are optional


def officers_count_of_strongly_agree():
    """'Strongly agree' to the open survey's first question, as the officers'
    summary counts it."""
    return int(
        live_manage(
            "from consultations.models import ConsultationPage as P;"
            "from consultations.officers.results import Summary, responses_to;"
            "p=P.objects.get(slug='communities-approach-2022-26', locale__language_code='en');"
            "q=[q for q in Summary(p, responses_to(p)).questions()"
            " if q.question.key == 'overall_agreement'][0];"
            "print([f.count for f in q.figures if f.code == 'strongly_agree'][0])"
        )
    )


def test_from_the_easy_read_page_a_resident_completes_the_easy_read_survey(page):
    """...and the officers' summary counts the answer with the standard ones."""
    before = officers_count_of_strongly_agree()
    page.goto(f"{CONSULTATION}easy-read/")
    with page.expect_navigation():
        page.get_by_role("button", name="Answer the questions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").click()
    assert "Section 1 of 5" in page.locator("main").inner_text()
    assert page.locator("h1").inner_text() == "Our plan"
    answer_the_easy_read_survey(page)
    assert page.locator("h1").inner_text() == "Check your answers"
    assert "I agree a lot" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    next_step(page)
    panel = page.locator(".govuk-panel--confirmation")
    assert "We have your answers" in panel.inner_text()
    reference = page.locator(".app-survey-reference").inner_text().strip()
    assert re.fullmatch(r"HYS-[A-Z2-9]{4}-[A-Z2-9]{4}", reference)
    assert_no_axe_violations(page)
    stored = live_manage(
        "from consultations.models import Response;"
        f"r=Response.objects.get(reference='{reference}');"
        "print(r.version, r.language, r.district,"
        " r.answers.get(question_key='overall_agreement').option_code)"
    )
    assert stored == "easy_read en melton strongly_agree"
    after = officers_count_of_strongly_agree()
    assert after == before + 1


def test_a_polish_resident_completes_the_easy_read_survey_in_polish(page):
    page.goto(f"/pl{CONSULTATION}easy-read/")
    with page.expect_navigation():
        page.get_by_role("button", name=words("pl", "Answer the questions")).click()
    with page.expect_navigation():
        page.get_by_role("button", name=words("pl", "Start now")).click()
    assert page.locator("h1").inner_text() == "Nasz plan"
    assert words("pl", "I agree a lot") in page.locator("main").inner_text()
    answer_the_easy_read_survey(page)
    next_step(page)
    assert words("pl", "We have your answers") in page.locator(".govuk-panel").inner_text()
    reference = page.locator(".app-survey-reference").inner_text().strip()
    stored = live_manage(
        "from consultations.models import Response;"
        f"r=Response.objects.get(reference='{reference}'); print(r.version, r.language)"
    )
    assert stored == "easy_read pl"
