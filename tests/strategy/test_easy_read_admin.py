"""Staff add an Easy Read version to a building block in the admin, with
pictures from the library, and it appears at its easy-read address and in the
Easy Read index, without code changes."""

import html

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import rich_text, streamfield

from core.models import EasyReadIndexPage
from strategy.models import BuildingBlockPage
from tests.form_data import page_form_data

pytestmark = pytest.mark.django_db


def test_staff_add_an_easy_read_version_to_a_building_block(admin_client, client, demo):
    block = BuildingBlockPage.objects.filter(locale__language_code="en").get(slug="volunteers")
    assert not block.has_easy_read
    assert client.get(block.url + "easy-read/").status_code == 404
    pictures = get_image_model().objects.filter(collection__name="Easy Read pictures")
    hands = pictures.get(title="Easy Read: Working together")
    heart = pictures.get(title="Easy Read: Care")

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
    assert "OpenMoji" in page  # the pictures' licence asks for the credit
    assert f'href="{block.url}easy-read/" rel="alternate"' in client.get(block.url).content.decode()

    index = EasyReadIndexPage.objects.filter(locale__language_code="en").get()
    listing = html.unescape(client.get(index.url).content.decode())
    assert f'href="{block.url}easy-read/"' in listing
    assert "Helping without being paid" in listing
