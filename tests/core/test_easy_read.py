import pytest
import wagtail_factories
from wagtail.models import Locale

from core.easy_read import easy_read_warnings, sentences
from core.factories import StandardPageFactory
from core.models import EasyReadIndexPage, ImageCredit
from home.models import HomePage
from strategy.factories import StrategyPageFactory
from tests.signing_in import force_login_verified

pytestmark = pytest.mark.django_db

ROWS = [
    ("A town hall", "We are the county council. We help people in every village."),
    ("Three houses", "Villages look after their neighbours. We want to help them."),
    ("A ballot box", "Tell us what you think. This is called having your say."),
]


def picture(title):
    """A picture from an Easy Read library, with the credit its licence asks for."""
    image = wagtail_factories.ImageFactory(title=title)
    ImageCredit.objects.create(
        image=image,
        creator="OpenMoji",
        licence="CC BY-SA 4.0",
        source_url="https://openmoji.org/",
        attribution="OpenMoji (openmoji.org), CC BY-SA 4.0",
    )
    return image


def easy_read_rows(rows=ROWS):
    stream = [
        ("row", {"picture": picture(f"Easy Read: {alt}"), "alt_text": alt, "text": text})
        for alt, text in rows
    ]
    stream.insert(2, ("hard_word", {"word": "Strategy", "meaning": "A plan for a few years."}))
    return stream


@pytest.fixture
def home(home, settings, tmp_path):
    """The home page with an Easy Read version: three rows with pictures and a
    hard word."""
    settings.MEDIA_ROOT = tmp_path
    home.easy_read_title = "Working with you"
    home.easy_read_introduction = "This website is about our plan for villages."
    home.easy_read = easy_read_rows()
    home.easy_read_summary = "We want to hear from you."
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)


def test_the_home_page_links_to_its_easy_read_version_and_back(client, home):
    html = client.get("/").content.decode()
    assert 'href="/easy-read/" rel="alternate"' in html
    assert "Easy Read version of this page" in html
    assert '<link rel="alternate" href="http://testserver/easy-read/" title="Easy Read">' in html
    easy = client.get("/easy-read/")
    assert easy.status_code == 200
    easy_html = easy.content.decode()
    assert '<link rel="canonical" href="http://testserver/easy-read/">' in easy_html
    assert 'href="/" rel="alternate">Go to the standard version of this page' in easy_html


def test_every_row_has_a_picture_with_alt_text_and_one_sentence_a_line(client, home):
    html = client.get("/easy-read/").content.decode()
    rows = [child for child in home.easy_read if child.block_type == "row"]
    assert html.count('class="app-easy-read__row"') == len(rows)
    for child in rows:
        assert f'alt="{child.value["alt_text"]}"' in html
        for sentence in sentences(child.value["text"]):
            assert f'<p class="app-easy-read__sentence">{sentence}</p>' in html
    assert "Hard word: Strategy" in html


def test_a_page_without_an_easy_read_version_has_no_link_and_no_page(client, home):
    home.easy_read = []
    home.save_revision().publish()
    assert client.get("/easy-read/").status_code == 404
    assert "Easy Read version of this page" not in client.get("/").content.decode()


def test_the_index_lists_every_easy_read_version(client, home):
    strategy = StrategyPageFactory(
        parent=home,
        title="Stronger Together",
        easy_read_title="Our plan for villages",
        easy_read=easy_read_rows(ROWS[:1]),
    )
    StandardPageFactory(parent=home, title="Parking permits")
    index = EasyReadIndexPage(title="Easy Read pages", slug="easy-read-pages")
    home.add_child(instance=index)
    index.save_revision().publish()
    html = client.get(index.url).content.decode()
    assert 'href="/easy-read/"' in html
    assert home.easy_read_title in html
    assert f'href="{strategy.easy_read_url}"' in html
    assert strategy.easy_read_title in html
    assert "Parking permits" not in html


def test_an_unchecked_version_says_so_and_a_checked_one_says_by_whom(client, home):
    html = client.get("/easy-read/").content.decode()
    assert "has not been checked by readers yet" in html
    home.easy_read_checks = [
        (
            "check",
            {"language": "en", "checked_by": "Oakham reading group", "checked_on": "2026-11-02"},
        )
    ]
    home.save_revision().publish()
    html = client.get("/easy-read/").content.decode()
    assert "checked by Oakham reading group on 2 November 2026" in html


def test_pictures_credit_their_licence(client, home):
    html = client.get("/easy-read/").content.decode()
    assert "OpenMoji" in html and "CC BY-SA 4.0" in html


def test_easy_read_version_in_another_language_falls_back_to_english_rows(client, home):
    # Translated, but the Easy Read rows are not translated yet.
    home.copy_for_translation(Locale.objects.get(language_code="pl")).save_revision().publish()
    response = client.get("/pl/easy-read/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="pl"' in html
    assert "We are the county council." in html


def test_warnings_for_long_sentences_and_crowded_rows():
    class Child:
        block_type = "row"

        def __init__(self, text):
            self.value = {"text": text}

    long_sentence = " ".join(["word"] * 16) + "."
    warnings = easy_read_warnings(
        [Child("Short one. Short two."), Child(long_sentence), Child("One. Two. Three.")]
    )
    assert len(warnings) == 2
    assert "16 words" in warnings[0]
    assert "3 sentences" in warnings[1]


def test_editors_see_a_warning_but_the_page_still_saves(client, home, admin_user):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    force_login_verified(client, admin_user)
    image = home.easy_read[0].value["picture"]
    long_text = (
        "This sentence is much too long for Easy Read because it has far more than "
        "fifteen words in it."
    )
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "introduction": home.introduction,
            "body": streamfield([]),
            "easy_read_title": "Easy title",
            "easy_read_introduction": "",
            "easy_read": streamfield(
                [("row", {"picture": image.pk, "alt_text": "A building", "text": long_text})]
            ),
            "easy_read_summary": "",
            "easy_read_checks": streamfield([]),
            "listing_summary": "",
            "search_description": "",
            "seo_title": "",
        }
    )
    data["action-publish"] = "Publish"
    response = client.post(f"/admin/pages/{home.pk}/edit/", data, follow=True)
    assert response.status_code == 200
    home.refresh_from_db()
    assert home.easy_read_title == "Easy title"
    assert "words. Try 15 or fewer." in response.content.decode()
