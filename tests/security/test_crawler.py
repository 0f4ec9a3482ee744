"""Every address and form of the site, crawled as a resident and as an officer
would reach them, then asked again with hostile query strings and form
values: nothing may answer with a server error."""

import pytest

from .hostile import (
    HOSTILE,
    RAW_QUERIES,
    Prober,
    crawl,
    hostile_posts,
    query_parameters,
    seeded,
    some_hostile,
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def start_surveys(prober, site):
    """Open both surveys so that their sections and check pages exist."""
    for easy in ("", "easy-read/"):
        prober.get(f"{site['open'].url}{easy}survey/")


def assert_no_server_errors(prober, at_least):
    assert prober.count >= at_least, f"only {prober.count} requests made"
    assert not prober.failures, "\n".join(str(f) for f in prober.failures[:40])


def probe_query_strings(prober, pages, rng):
    for url, forms in pages.items():
        path = url.split("?", 1)[0]
        for name in query_parameters(url, forms):
            for value in some_hostile(rng):
                prober.get(path, {name: value})
        for raw in RAW_QUERIES:
            prober.get(f"{path}?{raw}")


def probe_forms(prober, pages, rng):
    done = set()
    for forms in pages.values():
        for form in forms:
            if form.method != "post" or form.url in done:
                continue
            done.add(form.url)
            for data in hostile_posts(form, HOSTILE, rng):
                prober.post(form.url, data)


def test_the_public_site_answers_hostile_input_without_a_server_error(client, whole_site):
    prober = Prober(client)
    start_surveys(prober, whole_site)
    pages = crawl(prober, "/")
    pages.update(crawl(prober, whole_site["open"].url + "survey/"))
    pages.update(crawl(prober, whole_site["open"].url + "easy-read/survey/"))
    pages.update(crawl(prober, "/pl/"))
    assert any("/survey/" in url for url in pages), sorted(pages)
    probe_query_strings(prober, pages, seeded())
    probe_forms(prober, pages, seeded())
    assert_no_server_errors(prober, at_least=1000)


def test_the_officers_pages_answer_hostile_input_without_a_server_error(officer_client, whole_site):
    prober = Prober(officer_client)
    pages = crawl(prober, "/admin/consultation-responses/", prefix="/admin/consultation-responses/")
    assert len(pages) > 5, sorted(pages)
    probe_query_strings(prober, pages, seeded())
    probe_forms(
        prober, {url: forms for url, forms in pages.items() if "delete" not in url}, seeded()
    )
    assert_no_server_errors(prober, at_least=300)
