"""What pages keep in Django's cache (core/chrome_cache.py) is never shown
after it changed: the next request after a change sees it."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from consultations.factories import ConsultationIndexPageFactory
from core.models import CouncilSettings


def test_a_page_renamed_and_published_is_renamed_in_the_menu_at_once(home, client):
    index = ConsultationIndexPageFactory(
        parent=home, slug="have-your-say", title="Consultations", show_in_menus=True
    )
    assert ">Consultations</a>" in client.get("/").text
    index.title = "Tell us what you think"
    index.save_revision().publish()
    html = client.get("/").text
    assert ">Tell us what you think</a>" in html
    assert ">Consultations</a>" not in html


def test_new_council_details_show_on_the_next_page(home, client):
    client.get("/")
    council = CouncilSettings.for_site(home.get_site())
    council.council_name = "Rutland and Oakham Council"
    council.save()
    assert "Rutland and Oakham Council" in client.get("/").text


def test_an_unpublished_page_is_gone_on_the_next_request(home, client):
    cases = CaseStudyIndexPageFactory(parent=home, slug="case-studies")
    study = CaseStudyPageFactory(parent=cases, slug="youth-cafe", title="Youth café")
    assert client.get("/case-studies/youth-cafe/").status_code == 200
    study.unpublish()
    assert client.get("/case-studies/youth-cafe/").status_code == 404
    assert "Youth café" not in client.get("/case-studies/").text


def test_a_page_made_private_leaves_the_listings_at_once(home, client):
    cases = CaseStudyIndexPageFactory(parent=home, slug="case-studies")
    study = CaseStudyPageFactory(parent=cases, slug="youth-cafe", title="Youth café")
    assert "Youth café" in client.get("/case-studies/").text
    restriction = PageViewRestriction.objects.create(
        page=study, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Officers only")])
    assert "Youth café" not in client.get("/case-studies/").text
    assert client.get("/case-studies/youth-cafe/").status_code in (302, 403)
