"""Each kind of bad input that once answered 500, with what a resident (or
officer) gets instead: the page in their language, a message beside the
field, and nothing of what they gave lost."""

import html

import pytest
from django.core import mail

from consultations.models import SavedSurvey, Theme
from core.models import ContactPage
from tests.search.test_search import result_titles, translation

from ..consultations.conftest import GROUP, VIEWS, Resident, errors_in

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


# A NUL character ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "/have-your-say/?topic=%00",
        "/have-your-say/?status=open%00",
        "/pl/have-your-say/?topic=%00",
        "/search/?q=library%00",
        "/have-your-say/%00/",
        "/case-studies/?%00=1",
    ],
)
def test_a_nul_in_the_address_gets_the_problem_page(client, whole_site, address):
    response = client.get(address)
    assert response.status_code == 400
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "address, heading",
    [
        ("/pl/have-your-say/?topic=%00", "Przepraszamy, wystąpił problem z przesłanymi danymi"),
        ("/ur/search/?q=%00", "معذرت، آپ کی بھیجی ہوئی معلومات میں کوئی مسئلہ ہے"),
    ],
)
def test_the_problem_page_is_in_the_addresss_language(client, whole_site, address, heading):
    response = client.get(address)
    assert response.status_code == 400
    assert heading in text(response)


def test_a_nul_in_the_officers_filters_gets_the_problem_page(officer_client, whole_site):
    page = whole_site["open"]
    base = f"/admin/consultation-responses/{page.pk}/"
    for address in (
        f"{base}?district=%00",
        f"{base}text/comments/?q=%00",
        f"{base}responses/?q=%00",
    ):
        assert officer_client.get(address).status_code == 400, address


def test_a_theme_named_with_a_nul_is_refused_with_a_message(officer_client, whole_site):
    url = f"/admin/consultation-responses/{whole_site['open'].pk}/text/comments/"
    response = officer_client.post(url, {"action": "add_theme", "name": "Parks\x00"}, follow=True)
    assert response.status_code == 200
    assert "letters, numbers and punctuation only" in text(response)
    assert not Theme.objects.exists()
    officer_client.post(url, {"action": "add_theme", "name": "Parks"})
    assert list(Theme.objects.values_list("name", flat=True)) == ["Parks"]


@pytest.mark.parametrize("theme", ["²", "①", "9" * 5000, "-1"])
def test_a_theme_filter_that_is_not_a_plain_number_shows_every_answer(
    officer_client, whole_site, theme
):
    url = f"/admin/consultation-responses/{whole_site['open'].pk}/text/comments/"
    assert officer_client.get(url, {"theme": theme}).status_code == 200


def test_tagging_answers_with_odd_numbers_saves_nothing_odd(officer_client, whole_site):
    url = f"/admin/consultation-responses/{whole_site['open'].pk}/text/comments/"
    Theme.objects.create(
        consultation_key=whole_site["open"].translation_key, question_key="comments", name="Parks"
    )
    response = officer_client.post(
        url, {"action": "tag", "answer": ["²", "①", "9" * 5000], "themes-1": ["²"]}
    )
    assert response.status_code == 302


# Ranking answers that are not plain numbers ------------------------------------------


@pytest.mark.parametrize("rank", ["²", "①", "9" * 5000, "٣"])
@pytest.mark.parametrize("survey", ["survey", "easy-read/survey"])
def test_a_rank_that_is_not_a_plain_number_gets_a_message(client, whole_site, rank, survey):
    resident = Resident(client, whole_site["open"])
    resident.base = whole_site["open"].url + survey + "/"
    resident.get("views")
    response = resident.post("views", {**VIEWS, "ranking__parks": rank})
    assert response.status_code == 200
    assert [anchor for anchor, _ in errors_in(response)] == ["f-ranking__parks"]
    # What else the resident gave is still there.
    assert "Birstall Youth Café" in text(response)


# Email addresses the database cannot keep --------------------------------------------


@pytest.mark.parametrize("length", [255, 300, 320])
def test_a_save_and_return_address_too_long_to_keep_gets_a_message(client, whole_site, length):
    resident = Resident(client, whole_site["open"])
    resident.get("views")
    resident.answer("views", VIEWS)
    resident.post("group", {**GROUP, "action": "save"})
    address = "a" * (length - len("@example.org")) + "@example.org"
    assert len(address) == length
    response = resident.post("save", {"email": address})
    assert response.status_code == 200
    assert "Enter an email address in the correct format" in text(response)
    assert not SavedSurvey.objects.exists()
    assert not mail.outbox
    # The answers are still there to carry on with.
    assert 'value="12"' in resident.get("group").content.decode()


def test_a_receipt_address_too_long_to_keep_gets_a_message(client, whole_site):
    resident = Resident(client, whole_site["open"])
    before = resident.responses.count()
    resident.complete()
    response = resident.submit(receipt_email="a" * 290 + "@example.org")
    assert response.status_code == 200
    assert "Enter an email address in the correct format" in text(response)
    assert resident.responses.count() == before


# Searches pasted from a document ------------------------------------------------------


@pytest.mark.parametrize("length", [152, 200, 2000])
def test_a_long_chinese_search_finds_what_its_first_words_find(client, home, length):
    introduction = "我們在學校附近興建單車徑，讓孩子安全上學。"
    chinese_home = translation(home, "zh-hant", title="與社區合作", introduction=introduction)
    # A resident pastes the page's own sentence, again and again.
    sentence = (introduction * 200)[:length]
    response = client.get("/zh-hant/search/", {"q": sentence})
    assert response.status_code == 200
    assert chinese_home.title in result_titles(response)


def test_a_long_search_in_many_words_gets_results(client, home):
    words = " ".join(f"word{n}" for n in range(400))
    assert client.get("/search/", {"q": words}).status_code == 200


@pytest.mark.parametrize("query", ['"', 'library"', '"library', '""', '"library" "centre'])
def test_a_search_with_double_quotes_finds_what_the_words_find(client, home, query):
    """SQLite's full-text search refused an unmatched double quote (a 500,
    found by the generated cases)."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    if "library" in query:
        plain = client.get("/search/", {"q": query.replace('"', "")})
        assert result_titles(response) == result_titles(plain)


# Header injection through the contact form ---------------------------------------------


@pytest.mark.parametrize(
    "field, value, message",
    [
        (
            "document",
            "Strategy\r\nBcc: victim@example.org",
            "Enter the document or page on one line",
        ),
        ("document", "Strategy\nX-Injected: yes", "Enter the document or page on one line"),
        ("name", "Asha\r\nBcc: victim@example.org", "Enter your name on one line"),
        ("phone", "0116\r\nBcc: x", "Enter the phone number on one line"),
    ],
)
def test_a_line_break_in_the_contact_forms_subject_gets_a_message(
    client, home, field, value, message
):
    url = ContactPage.objects.live().get().url
    data = {
        "name": "Asha Patel",
        "email": "asha@example.org",
        "document": "The communities strategy",
        "format": "large-print",
        "details": "Keep this text",
        field: value,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert message in text(response)
    assert "Keep this text" in text(response)
    assert not mail.outbox
