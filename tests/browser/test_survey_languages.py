"""A Polish speaker and an Urdu speaker reach the open consultation from their
own home page, answer the survey in their language (errors included) and get
a confirmation in it; Urdu is laid out right to left throughout."""

import re

import pytest
from django.utils import translation

from .conftest import assert_no_axe_violations, live_manage

APPROACH_SLUG = "communities-approach-2022-26"
CONSULTATION = f"have-your-say/{APPROACH_SLUG}/"


def words(code, text):
    with translation.override(code):
        return translation.gettext(text)


def next_step(page):
    with page.expect_navigation():
        page.locator("main form button.govuk-button:not(.govuk-button--secondary)").first.click()


def answer_the_survey(page, code):
    # Section 1, sent empty first: the error summary is in the resident's language.
    next_step(page)
    assert page.title().startswith(words(code, "Error"))
    summary = page.locator(".govuk-error-summary")
    assert words(code, "There is a problem") in summary.inner_text()
    assert_no_axe_violations(page)
    fill_the_open_survey(page)
    assert page.locator("h1").inner_text() == words(
        code, "Check your answers before sending your response"
    )
    assert_no_axe_violations(page)
    next_step(page)
    panel = page.locator(".govuk-panel--confirmation")
    assert words(code, "Response sent") in panel.inner_text()
    reference = page.locator(".app-survey-reference").inner_text().strip()
    assert re.fullmatch(r"HYS-[A-Z2-9]{4}-[A-Z2-9]{4}", reference)
    return reference


def fill_the_open_survey(page):
    """Every section of the open demo survey, from the first to check your answers."""
    fill_the_open_survey_to_the_group_section(page)
    page.locator("#f-group_size").select_option("from_10_to_50")
    page.locator("#f-volunteer_hours").fill("8")
    page.locator("#f-group_started").fill("14")
    page.locator("#f-group_started__month").fill("5")
    page.locator("#f-group_started__year").fill("2018")
    page.locator("#f-group_support").fill("Pomoc / مدد / 幫助")
    next_step(page)
    page.locator('input[name="want_updates"]').first.check()
    page.locator("#f-updates_email").fill("resident@example.org")
    page.locator("#f-postcode").fill("LE3 8RA")
    page.locator("#f-quote_consent").check()
    next_step(page)
    # About you, then the optional equality questions, then check your answers.
    page.locator('input[name="respondent_type"]').first.check()
    page.locator('input[name="district"]').nth(1).check()
    next_step(page)
    next_step(page)


def fill_the_open_survey_to_the_group_section(page):
    """The first two sections of the open demo survey, as someone who helps run a group."""
    page.locator('input[name="overall_agreement"]').nth(1).check()
    for statement, index in [("prevention", 0), ("engagement", 1), ("catalysts", 5)]:
        page.locator(f'input[name="principle_agreement__{statement}"]').nth(index).check()
    for item, number in [("prevention", "2"), ("engagement", "1"), ("catalysts", "3")]:
        page.locator(f"#f-principle_ranking__{item}").select_option(number)
    next_step(page)
    # Section 2: an answer that reveals the group's name, then the group section.
    page.locator('input[name="involvement"]').first.check()
    page.locator("#f-group_name").fill("Birstall Youth Café")
    page.locator("#f-activities").check()
    page.locator('input[name="activity_area"]').nth(1).check()
    page.locator('input[name="pandemic_help"]').first.check()
    next_step(page)


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_a_resident_answers_the_open_survey_in_their_own_language(page, code):
    page.goto(f"/{code}/")
    assert page.locator("html").get_attribute("lang") == code
    page.locator(f'main a[href*="{CONSULTATION}"]').first.click()
    page.wait_for_load_state()
    assert f"/{code}/" in page.url
    assert page.locator("#translation-notice-title").count() == 0
    page.locator("a.govuk-button--start").click()
    page.locator("a.govuk-button--start").click()
    assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ur" else "ltr")
    assert_no_axe_violations(page)
    reference = answer_the_survey(page, code)
    stored = live_manage(
        "from consultations.models import Response;"
        f"r = Response.objects.get(reference='{reference}');"
        "print(r.language, r.answers.filter(question_key='overall_agreement').get().option_code)"
    )
    language, agreement = stored.split()
    assert language == code
    assert agreement == "agree"


def test_a_survey_step_in_traditional_chinese_passes_axe(page):
    page.goto(f"/zh-hant/have-your-say/{APPROACH_SLUG}/survey/")
    page.locator("a.govuk-button--start").click()
    assert page.locator("html").get_attribute("lang") == "zh-hant"
    assert_no_axe_violations(page)


def count_words(code, singular, plural, count):
    with translation.override(code):
        return translation.ngettext(singular, plural, count) % {"count": count}


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_the_character_count_speaks_the_residents_language(page, code):
    """GOV.UK Frontend's count under a long answer says how many characters
    are left, and how many too many, in the resident's language and in the
    plural form that number takes (Polish has three)."""
    from playwright.sync_api import expect

    page.goto(f"/{code}/have-your-say/{APPROACH_SLUG}/survey/")
    page.locator("a.govuk-button--start").click()
    fill_the_open_survey_to_the_group_section(page)
    answer = page.locator("#f-group_support")
    status = page.locator(".govuk-character-count__status")
    # 1000 characters are allowed: 1, 3 (Polish "few") and 995 (Polish "many") left.
    for typed, left in [(999, 1), (997, 3), (5, 995)]:
        answer.fill("x" * typed)
        expect(status).to_have_text(
            count_words(
                code,
                "You have %(count)s character remaining",
                "You have %(count)s characters remaining",
                left,
            )
        )
    answer.fill("x" * 1003)
    expect(status).to_have_text(
        count_words(
            code,
            "You have %(count)s character too many",
            "You have %(count)s characters too many",
            3,
        )
    )
    assert "govuk-error-message" in status.get_attribute("class")
    answer.fill("x" * 1000)
    expect(status).to_have_text(words(code, "You have 0 characters remaining"))
    assert_no_axe_violations(page)
