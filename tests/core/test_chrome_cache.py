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


def test_a_change_made_on_another_app_server_shows_on_the_next_request(home, client):
    """This process keeps its own copy of what it read, under the generation
    it read it in: another app server's change (here a rename made without
    this process's signals, then the generation moved on in the shared cache,
    as that server's forget() does) shows on the next request all the same."""
    from django.core.cache import cache
    from wagtail.models import Page

    from core.chrome_cache import GENERATION_KEY

    index = ConsultationIndexPageFactory(
        parent=home, slug="have-your-say", title="Consultations", show_in_menus=True
    )
    assert ">Consultations</a>" in client.get("/").text
    assert ">Consultations</a>" in client.get("/").text  # from this process's copy
    Page.objects.filter(pk=index.pk).update(title="Have your say", draft_title="Have your say")
    assert ">Consultations</a>" in client.get("/").text  # nobody said it changed
    cache.incr(GENERATION_KEY)
    assert ">Have your say</a>" in client.get("/").text


def test_each_request_reads_the_generation_once(home, client):
    from unittest import mock

    from django.core.cache import cache

    from core.chrome_cache import GENERATION_KEY

    client.get("/")
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        client.get("/")
    reads = [call for call in get.call_args_list if call.args[0] == GENERATION_KEY]
    assert len(reads) == 1
    # Everything else came from this process's copy: no other read of the cache.
    assert len(get.call_args_list) <= 2
