"""A resident's whole journey through a survey with every question type."""

import datetime
import html
import re

import pytest
from django.core import mail

from consultations.models import Answer, EqualityAnswer, Response

from .conftest import ABOUT, CONTACT, EQUALITY, GROUP, VIEWS, errors_in

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


def test_start_page_says_how_long_and_links_to_the_first_section(resident):
    response = resident.get()
    page = text(response)
    assert response.status_code == 200
    assert "Start now" in page
    assert "Time to complete" in page
    assert "Privacy notice" in page
    assert f'href="{resident.url("views")}"' in page
    assert "no-cache" in response["Cache-Control"]


def test_every_question_type_is_stored_by_its_keys(resident, consultation):
    resident.complete()
    check = resident.get("check")
    page = text(check)
    assert check.status_code == 200
    assert "Check your answers before sending your response" in page
    for shown in [
        "Agree",
        "Prevention: Strongly agree",
        "1. Buses",
        "2. Parks",
        "Birstall Youth Café",
        "Other: Choir",
        "Więcej ławek w parku, proszę 🙂",
        "Small",
        "12",
        "5 March 2019",
        "resident@example.org",
        "LE3 8RA",
        "Charnwood",
        "Yes, I agree",
    ]:
        assert shown in page, shown

    confirmation = resident.submit()
    assert confirmation.status_code == 302
    page = text(resident.client.get(confirmation["Location"]))
    reference = re.search(r"HYS-[A-Z0-9]{4}-[A-Z0-9]{4}", page).group(0)
    assert "Response sent" in page

    stored = Response.objects.get(reference=reference)
    assert stored.consultation_key == consultation.translation_key
    assert stored.language == "en"
    assert stored.version == "standard"
    assert (stored.respondent_type, stored.district) == ("individual", "blaby")
    answers = {
        (a.question_key, a.item_key, a.option_code): (a.text, a.number, a.date)
        for a in stored.answers.all()
    }
    assert answers == {
        ("overall", "", "agree"): ("", None, None),
        ("principles", "prevention", "strongly_agree"): ("", None, None),
        ("principles", "engagement", "dont_know"): ("", None, None),
        ("ranking", "", "parks"): ("", 2, None),
        ("ranking", "", "buses"): ("", 1, None),
        ("ranking", "", "libraries"): ("", 3, None),
        ("involved", "", "yes_often"): ("", None, None),
        ("group_name", "", ""): ("Birstall Youth Café", None, None),
        ("activities", "", "clubs"): ("", None, None),
        ("activities", "", "other"): ("Choir", None, None),
        ("comments", "", ""): ("Więcej ławek w parku, proszę 🙂", None, None),
        ("size", "", "small"): ("", None, None),
        ("hours", "", ""): ("", 12, None),
        ("started", "", ""): ("", None, datetime.date(2019, 3, 5)),
        ("updates", "", "yes"): ("", None, None),
        ("email", "", ""): ("resident@example.org", None, None),
        ("postcode", "", ""): ("LE3 8RA", None, None),
        ("area", "", "charnwood"): ("", None, None),
        ("consent", "", "yes"): ("", None, None),
    }
    # About you and equality monitoring are kept apart from the answers.
    assert not stored.answers.filter(question_key__in=["respondent_type", "age_band"]).exists()
    assert set(
        EqualityAnswer.objects.filter(response=stored).values_list("question_key", "option_code")
    ) == {("age_band", "35_44"), ("disability", "prefer_not_to_say")}


def test_each_section_says_where_the_resident_is_and_has_a_back_link(resident):
    first = text(resident.get("views"))
    # The conditional section is not counted until its answer is given.
    assert "Section 1 of 4" in first
    assert 'class="govuk-back-link">Back' in first
    assert f'href="{resident.url("")}" class="govuk-back-link"' in first
    assert '<h1 class="govuk-heading-l">Your views</h1>' in first
    resident.answer("views", VIEWS, expect_next="group")
    group = text(resident.get("group"))
    assert "Section 2 of 5" in group
    assert f'href="{resident.url("views")}" class="govuk-back-link"' in group
    # Going back shows the answers already given.
    back = text(resident.get("views"))
    assert 'value="Birstall Youth Café"' in back
    assert re.search(r'value="yes_often" checked', back)


def test_a_page_with_one_question_uses_it_as_the_heading(client, index):
    from consultations.factories import ConsultationPageFactory, question, section

    page = ConsultationPageFactory(
        parent=index,
        survey=[section("only", "Only section", [question("yes_no", "agree", "Do you agree?")])],
        ask_about_you=False,
        ask_equality=False,
    )
    response = client.get(page.url + "survey/only/")
    assert '<h1 class="govuk-fieldset__heading">Do you agree?</h1>' in response.content.decode()
    assert "Section 1 of 1" in response.content.decode()


def test_a_conditional_section_is_skipped_when_its_answer_is_not_given(resident):
    resident.get("views")
    resident.answer("views", {**VIEWS, "involved": "never"}, expect_next="contact")
    assert "Section 2 of 4" in text(resident.get("contact"))
    # The hidden section cannot be opened.
    response = resident.get("group")
    assert response.status_code == 302


def test_answers_are_kept_after_a_validation_error(resident):
    resident.get("views")
    response = resident.post("views", {**VIEWS, "overall": ""})
    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page
    assert "<title>Error:" in page
    assert 'value="Birstall Youth Café"' in page
    # And still there when the resident comes back to the page.
    again = text(resident.get("views"))
    assert 'value="Birstall Youth Café"' in again


def test_change_from_check_your_answers_returns_to_check(resident):
    resident.complete()
    check = text(resident.get("check"))
    change = resident.url("contact") + "?return=check#f-updates"
    assert f'href="{change}"' in check
    page = text(resident.client.get(resident.url("contact") + "?return=check"))
    assert 'name="return" value="check"' in page
    assert f'href="{resident.url("check")}" class="govuk-back-link"' in page
    response = resident.post("contact", {**CONTACT, "postcode": "LE11 3TU", "return": "check"})
    assert response["Location"] == resident.url("check")
    assert "LE11 3TU" in text(resident.get("check"))


def test_changing_an_answer_that_reveals_a_section_asks_for_it(resident):
    resident.complete(views={**VIEWS, "involved": "never"})
    response = resident.post("views", {**VIEWS, "return": "check"})
    assert response["Location"] == resident.url("check")
    # Check your answers sends the resident to the newly shown section first.
    check = resident.get("check")
    assert check["Location"] == resident.url("group")
    resident.answer("group", GROUP, expect_next="contact")


def test_a_receipt_is_emailed_in_plain_text_and_html(resident):
    resident.complete()
    resident.submit(receipt_email="me@example.org")
    reference = resident.responses.get().reference
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["me@example.org"]
    assert reference in message.subject
    assert reference in message.body
    assert resident.page.title in message.body
    # On the host the resident used (tests/core/test_addresses.py has two Sites).
    assert "http://testserver" + resident.page.url in message.body
    html_body, mime = message.alternatives[0]
    assert mime == "text/html"
    assert "<h1>" in html_body and reference in html_body
    # The address was never confirmed: no free text the resident typed goes
    # to it (it would make the receipt a spam relay), in either part.
    for typed in ("Birstall Youth Café", "Choir", "Więcej ławek", "le3 8ra"):
        assert typed not in message.body
        assert typed not in html_body
    # Equality answers never go by email.
    assert "35 to 44" not in message.body


def test_a_bad_receipt_address_is_explained_and_nothing_is_sent(resident):
    resident.complete()
    response = resident.submit(receipt_email="not an address")
    assert response.status_code == 200
    assert (
        "f-receipt_email",
        "Enter an email address in the correct format, like name@example.com",
    ) in [(a, html.unescape(m)) for a, m in errors_in(response)]
    assert resident.responses.count() == 0


def test_a_failing_receipt_does_not_lose_the_response(resident, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    def broken(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", broken)
    resident.complete()
    response = resident.submit(receipt_email="me@example.org")
    assert response.status_code == 302
    assert resident.responses.count() == 1


def test_equality_section_is_optional(resident):
    resident.get("views")
    resident.answer("views", VIEWS)
    resident.answer("group", GROUP)
    resident.answer("contact", CONTACT)
    resident.answer("about_you", ABOUT)
    resident.answer("equality", {}, expect_next="check")
    resident.submit()
    assert EqualityAnswer.objects.filter(response__in=resident.responses).count() == 0
    assert resident.responses.count() == 1
    assert Answer.objects.filter(question_key="overall").count() == 1
    assert EQUALITY  # the full set is used elsewhere
