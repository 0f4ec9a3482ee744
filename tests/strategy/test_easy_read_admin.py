"""Staff add an Easy Read version to a building block in the admin, with
pictures from the library, and it appears at its easy-read address and in the
Easy Read index, without code changes."""

import html

import pytest
import wagtail_factories
from django.urls import reverse
from wagtail.models import Collection
from wagtail.test.utils.form_data import rich_text, streamfield

from core.models import EasyReadIndexPage, ImageCredit
from strategy.factories import BuildingBlockPageFactory, StrategyPageFactory
from strategy.models import BuildingBlockPage
from tests.form_data import page_form_data

pytestmark = pytest.mark.django_db

CREDIT = "Example Easy Read Library (example.org), CC BY-SA 4.0"


class EasyReadIndexPageFactory(wagtail_factories.PageFactory):
    title = "Easy Read"

    class Meta:
        model = EasyReadIndexPage


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Pictures and their renditions go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def easy_read_pictures():
    """Two pictures in the Easy Read collection, whose licence asks for a credit."""
    collection = Collection.get_first_root_node().add_child(name="Easy Read pictures")
    pictures = {}
    for title, description in [("Working together", "Hands"), ("Care", "A heart")]:
        image = wagtail_factories.ImageFactory(
            title=f"Easy Read: {title}", description=description, collection=collection
        )
        ImageCredit.objects.create(image=image, licence="CC BY-SA 4.0", attribution=CREDIT)
        pictures[title] = image
    return pictures


def test_staff_add_an_easy_read_version_to_a_building_block(
    admin_client, client, home, easy_read_pictures
):
    strategy = StrategyPageFactory(parent=home)
    block = BuildingBlockPageFactory(
        parent=strategy,
        title="Volunteers",
        key_actions__0__action="Thank every volunteer.",
    )
    index = EasyReadIndexPageFactory(parent=home, slug="easy-read-pages")
    assert not block.has_easy_read
    assert client.get(block.url + "easy-read/").status_code == 404
    hands = easy_read_pictures["Working together"]
    heart = easy_read_pictures["Care"]

    edit_url = reverse("wagtailadmin_pages:edit", args=[block.pk])
    assert admin_client.get(edit_url).status_code == 200
    data = page_form_data(
        {
            "title": block.title,
            "slug": block.slug,
            "introduction": block.introduction,
            "role_of_communities": rich_text(block.role_of_communities),
            "role_of_council": rich_text(block.role_of_council),
            "key_actions": streamfield([("action", a.value) for a in block.key_actions]),
            "listing_summary": block.listing_summary,
            "search_description": "",
            "seo_title": "",
            "action-publish": "action-publish",
        }
    )
    data.update(
        page_form_data(
            {
                "easy_read_title": "Helping without being paid",
                "easy_read_introduction": "This page is about volunteers.",
                "easy_read": streamfield(
                    [
                        (
                            "row",
                            {
                                "picture": hands.pk,
                                "alt_text": "Two hands shaking",
                                "text": "A volunteer helps other people. They are not paid.",
                            },
                        ),
                        (
                            "hard_word",
                            {"word": "Volunteer", "meaning": "Someone who helps for free."},
                        ),
                        (
                            "row",
                            {
                                "picture": heart.pk,
                                "alt_text": "A red heart",
                                "text": "We say thank you to our volunteers.",
                            },
                        ),
                    ]
                ),
                "easy_read_summary": "Volunteers help their community.",
            }
        )
    )
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    block = BuildingBlockPage.objects.get(pk=block.pk)
    assert block.live and block.has_easy_read
    easy = client.get(block.url + "easy-read/")
    assert easy.status_code == 200
    page = html.unescape(easy.content.decode())
    assert '<h1 class="app-easy-read__title">Helping without being paid</h1>' in page
    assert '<p class="app-easy-read__sentence">They are not paid.</p>' in page
    assert 'alt="Two hands shaking"' in page and 'alt="A red heart"' in page
    assert "Hard word: Volunteer" in page
    assert CREDIT in page  # the pictures' licence asks for the credit
    assert f'href="{block.url}easy-read/" rel="alternate"' in client.get(block.url).content.decode()

    listing = html.unescape(client.get(index.url).content.decode())
    assert f'href="{block.url}easy-read/"' in listing
    assert "Helping without being paid" in listing
