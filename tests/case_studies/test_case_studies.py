import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from case_studies.factories import CaseStudyPageFactory
from case_studies.models import CaseStudyPage

pytestmark = pytest.mark.django_db


def titles(response):
    html = response.content.decode()
    cards = re.findall(r'<li class="app-card app-card--with-image">(.*?)</li>', html, re.S)
    return [re.search(r'class="govuk-link"[^>]*>([^<]+)</a>', card).group(1) for card in cards]


def titles_of(pages):
    return sorted(page.title for page in pages)


def test_a_case_study_shows_its_fields(client, case_studies):
    page = case_studies.youth_cafe
    html = client.get(page.url).content.decode()
    assert '<h1 class="govuk-heading-xl">Whissendine Youth Café</h1>' in html
    assert "Oakham" in html and "Whissendine" in html
    assert "£9,250" in html and "Village Grant Fund" in html
    for heading in [
        "Background",
        "Benefits",
        "Who was involved",
        "Outcomes and impact",
        "Next steps",
    ]:
        assert f">{heading}</h2>" in html
    assert "It is our place." in html and "Youth worker, Whissendine" in html
    assert page.listing_image.description in html  # the picture's alt text
    for priority in page.priorities.all():
        assert priority.title in html


def test_index_lists_every_case_study_with_a_count(client, index, case_studies):
    response = client.get(index.url)
    total = CaseStudyPage.objects.live().count()
    assert total == len(case_studies.all)
    assert f"{total} case studies" in response.content.decode()
    assert len(titles(response)) == total


def test_filter_by_district(client, index, case_studies):
    response = client.get(index.url, {"district": "Oakham"})
    assert sorted(titles(response)) == ["Langham footpath", "Whissendine Youth Café"]
    assert "2 case studies" in response.content.decode()


def test_filter_by_funding_source(client, index, case_studies):
    response = client.get(index.url, {"funding": "Rutland County Council"})
    assert sorted(titles(response)) == [
        "Ketton good neighbour scheme",
        "Langham footpath",
    ]


def test_filter_by_priority_and_building_block(client, index, case_studies):
    priority = case_studies.vulnerable
    block = case_studies.hubs
    by_priority = titles(client.get(index.url, {"priority": priority.pk}))
    expected = titles_of(
        [case_studies.youth_cafe, case_studies.good_neighbours, case_studies.dementia_cafe]
    )
    assert sorted(by_priority) == expected
    by_block = titles(client.get(index.url, {"building_block": block.pk}))
    assert sorted(by_block) == titles_of([case_studies.youth_cafe, case_studies.library])
    assert "Whissendine Youth Café" in by_priority and "Whissendine Youth Café" in by_block


def test_filters_combine(client, index, case_studies):
    response = client.get(
        index.url,
        {
            "building_block": case_studies.parish.pk,
            "district": "Oakham",
            "funding": "Village Grant Fund",
        },
    )
    assert titles(response) == ["Whissendine Youth Café"]
    html = response.content.decode()
    # Each chosen filter can be removed on its own, keeping the others.
    assert "Filtered by" in html
    remove_links = re.findall(r'<a class="govuk-link" href="(\?[^"]*)">Remove', html)
    assert len(remove_links) == 3
    assert any("district" not in link and "funding=" in link for link in remove_links)


def test_no_match_says_so_and_offers_a_way_out(client, index, case_studies):
    response = client.get(index.url, {"district": "Oakham", "funding": "Supermarket sponsorship"})
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
def test_bad_filter_values_get_a_message_not_an_error(client, index, case_studies, params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    if "page" not in params:
        assert "Choose one of the options in the list" in html
        assert "<title>Error:" in html
    # Nothing is hidden by a filter the site does not know.
    assert len(titles(response)) == min(CaseStudyPage.objects.live().count(), 10)
    assert len(titles(response)) == len(case_studies.all)


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


def test_index_queries_do_not_grow_with_the_number_of_cards(client, index, case_studies):
    client.get(index.url)  # warm caches (site root paths, renditions)
    few = count_queries(client, index.url)
    for _ in range(8):
        CaseStudyPageFactory(
            parent=index,
            priorities=[case_studies.vulnerable],
            building_blocks=[case_studies.volunteers],
            listing_image=case_studies.youth_cafe.listing_image,
        )
    # A full page of cards now, more than before (this also warms the caches again).
    assert len(titles(client.get(index.url))) == 10 > len(case_studies.all)
    assert count_queries(client, index.url) == few


def test_related_case_studies_at_the_foot_of_a_case_study(client, case_studies):
    html = client.get(case_studies.footpath.url).content.decode()
    related = html.split("Related case studies", 1)[1]
    # The café shares the town and parish councils building block with the footpath.
    assert "Whissendine Youth Café" in related
    assert "Langham footpath" not in related
    # The library shares neither a priority nor a building block with it.
    assert "Empingham community library" not in related


def test_building_block_page_links_to_all_its_case_studies(client, case_studies):
    block = case_studies.parish
    html = client.get(block.url).content.decode()
    assert "Whissendine Youth Café" in html
    link = re.search(rf'href="([^"]*\?building_block={block.pk})"', html)
    assert link, "the building block page links to its filtered case studies"
    listed = titles(client.get(link.group(1).replace("&amp;", "&")))
    assert sorted(listed) == titles_of([case_studies.youth_cafe, case_studies.footpath])


def test_priority_page_shows_related_case_studies(client, case_studies):
    priority = case_studies.vulnerable
    html = client.get(priority.url).content.decode()
    assert "Case studies" in html
    assert "Whissendine Youth Café" in html
    assert f"?priority={priority.pk}" in html


def test_drafts_are_not_listed(client, index):
    draft = CaseStudyPageFactory(parent=index, title="Secret draft project", live=False)
    assert not Page.objects.get(pk=draft.pk).live
    assert "Secret draft project" not in client.get(index.url).content.decode()
