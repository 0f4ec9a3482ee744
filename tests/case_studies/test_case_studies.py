import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from case_studies.factories import CaseStudyPageFactory
from case_studies.models import CaseStudyIndexPage, CaseStudyPage
from strategy.models import BuildingBlockPage, PriorityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(demo):
    return CaseStudyIndexPage.objects.get()


def titles(response):
    html = response.content.decode()
    cards = re.findall(r'<li class="app-card app-card--with-image">(.*?)</li>', html, re.S)
    return [re.search(r'class="govuk-link"[^>]*>([^<]+)</a>', card).group(1) for card in cards]


def test_demo_has_at_least_eight_case_studies_with_pictures(index):
    case_studies = CaseStudyPage.objects.live().child_of(index)
    assert case_studies.count() >= 8
    for case_study in case_studies:
        assert case_study.listing_image is not None
        assert case_study.listing_image.description  # alt text
        assert case_study.gallery_images.exists()


def test_a_case_study_shows_its_fields(client, index):
    page = CaseStudyPage.objects.get(slug="birstall-youth-cafe")
    html = client.get(page.url).content.decode()
    assert '<h1 class="govuk-heading-xl">Birstall Youth Café</h1>' in html
    assert "Charnwood" in html and "Birstall" in html
    assert "£9,250" in html and "Big Society Grant Fund" in html
    for heading in [
        "Background",
        "Benefits",
        "Who was involved",
        "Outcomes and impact",
        "Next steps",
    ]:
        assert f">{heading}</h2>" in html
    assert "It is their place." in html and "Youth worker, Birstall" in html
    assert page.listing_image.description in html  # the picture's alt text
    for priority in page.priorities.all():
        assert priority.title in html


def test_index_lists_every_case_study_with_a_count(client, index):
    response = client.get(index.url)
    total = CaseStudyPage.objects.live().count()
    assert f"{total} case studies" in response.content.decode()
    assert len(titles(response)) == total


def test_filter_by_district(client, index):
    response = client.get(index.url, {"district": "Charnwood"})
    assert sorted(titles(response)) == ["Anstey and Thurcaston footpath", "Birstall Youth Café"]
    assert "2 case studies" in response.content.decode()


def test_filter_by_funding_source(client, index):
    response = client.get(index.url, {"funding": "Leicestershire County Council"})
    assert sorted(titles(response)) == [
        "Anstey and Thurcaston footpath",
        "Long Clawson Good Neighbour Scheme",
    ]


def test_filter_by_priority_and_building_block(client, index):
    birstall = CaseStudyPage.objects.get(slug="birstall-youth-cafe")
    priority = birstall.priorities.first()
    block = birstall.building_blocks.first()
    by_priority = titles(client.get(index.url, {"priority": priority.pk}))
    expected = sorted(
        CaseStudyPage.objects.live().filter(priorities=priority).values_list("title", flat=True)
    )
    assert sorted(by_priority) == expected
    by_block = titles(client.get(index.url, {"building_block": block.pk}))
    assert sorted(by_block) == sorted(
        CaseStudyPage.objects.live().filter(building_blocks=block).values_list("title", flat=True)
    )
    assert "Birstall Youth Café" in by_priority and "Birstall Youth Café" in by_block


def test_filters_combine(client, index):
    birstall = CaseStudyPage.objects.get(slug="birstall-youth-cafe")
    block = birstall.building_blocks.get(title__icontains="parish")
    response = client.get(
        index.url,
        {"building_block": block.pk, "district": "Charnwood", "funding": "Big Society Grant Fund"},
    )
    assert titles(response) == ["Birstall Youth Café"]
    html = response.content.decode()
    # Each chosen filter can be removed on its own, keeping the others.
    assert "Filtered by" in html
    remove_links = re.findall(r'<a class="govuk-link" href="(\?[^"]*)">Remove', html)
    assert len(remove_links) == 3
    assert any("district" not in link and "funding=" in link for link in remove_links)


def test_no_match_says_so_and_offers_a_way_out(client, index):
    response = client.get(
        index.url, {"district": "Charnwood", "funding": "Sainsbury's sponsorship"}
    )
    html = response.content.decode()
    assert titles(response) == []
    assert "0 case studies" in html
    assert "No case studies match these filters." in html
    assert "see every case study" in html


@pytest.mark.parametrize(
    "params",
    [
        {"priority": "abc"},
        {"district": "Atlantis"},
        {"building_block": "999999"},
        {"page": "-3"},
        {"page": "lots"},
    ],
)
def test_bad_filter_values_get_a_message_not_an_error(client, index, params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    if "page" not in params:
        assert "Choose one of the options in the list" in html
        assert "<title>Error:" in html
    # Nothing is hidden by a filter the site does not know.
    assert len(titles(response)) == min(CaseStudyPage.objects.live().count(), 10)


def test_pagination_and_a_page_past_the_end(client, index):
    for number in range(12):
        CaseStudyPageFactory(parent=index, title=f"Zebra crossing group {number:02d}")
    total = CaseStudyPage.objects.live().count()
    first = client.get(index.url)
    assert len(titles(first)) == 10
    assert 'rel="next"' in first.content.decode()
    last_page = (total + 9) // 10
    past_end = client.get(index.url, {"page": 99})
    assert titles(past_end) == titles(client.get(index.url, {"page": last_page}))
    assert f"Page {last_page} of {last_page}" in past_end.content.decode()


def test_pagination_keeps_the_filters(client, index):
    for number in range(12):
        CaseStudyPageFactory(parent=index, district="Blaby", title=f"Blaby project {number:02d}")
    html = client.get(index.url, {"district": "Blaby"}).content.decode()
    assert 'href="?district=Blaby&amp;page=2"' in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_the_number_of_cards(client, index):
    client.get(index.url)  # warm caches (site root paths, renditions)
    few = count_queries(client, index.url)
    priority = PriorityPage.objects.live().first()
    block = BuildingBlockPage.objects.live().first()
    for _ in range(8):
        CaseStudyPageFactory(
            parent=index,
            priorities=[priority],
            building_blocks=[block],
            listing_image=CaseStudyPage.objects.first().listing_image,
        )
    client.get(index.url)
    assert count_queries(client, index.url) == few


def test_related_case_studies_at_the_foot_of_a_case_study(client, index):
    footpath = CaseStudyPage.objects.get(slug="anstey-and-thurcaston-footpath")
    html = client.get(footpath.url).content.decode()
    related = html.split("Related case studies", 1)[1]
    # Birstall shares the town and parish councils building block with the footpath.
    assert "Birstall Youth Café" in related
    assert "Anstey and Thurcaston footpath" not in related


def test_building_block_page_links_to_all_its_case_studies(client, index):
    birstall = CaseStudyPage.objects.get(slug="birstall-youth-cafe")
    block = birstall.building_blocks.get(title__icontains="parish")
    html = client.get(block.url).content.decode()
    assert "Birstall Youth Café" in html
    link = re.search(rf'href="([^"]*\?building_block={block.pk})"', html)
    assert link, "the building block page links to its filtered case studies"
    listed = titles(client.get(link.group(1).replace("&amp;", "&")))
    assert sorted(listed) == sorted(
        CaseStudyPage.objects.live().filter(building_blocks=block).values_list("title", flat=True)
    )


def test_priority_page_shows_related_case_studies(client, index):
    priority = CaseStudyPage.objects.get(slug="birstall-youth-cafe").priorities.first()
    html = client.get(priority.url).content.decode()
    assert "Case studies" in html
    assert "Birstall Youth Café" in html
    assert f"?priority={priority.pk}" in html


def test_drafts_are_not_listed(client, index):
    draft = CaseStudyPageFactory(parent=index, title="Secret draft project", live=False)
    assert not Page.objects.get(pk=draft.pk).live
    assert "Secret draft project" not in client.get(index.url).content.decode()
