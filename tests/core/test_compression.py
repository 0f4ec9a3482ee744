"""What the caching proxy passes through reaches residents compressed; what it
keeps is left for it to compress once; the staff side is never compressed."""

import gzip

import pytest

from tests.core.public_pages import build_public_pages, public_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def paths(home):
    return public_paths(build_public_pages(home))


def test_a_survey_step_is_sent_gzipped_and_reads_the_same(client, paths):
    plain = client.get(paths["survey step"])
    zipped = client.get(paths["survey step"], HTTP_ACCEPT_ENCODING="gzip")
    assert "no-store" in zipped["Cache-Control"]
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    html = gzip.decompress(zipped.content).decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert len(zipped.content) < len(plain.content) / 3
    # The page itself is the same, apart from its freshly masked token.
    assert (
        html.split("csrfmiddlewaretoken")[0]
        == plain.content.decode().split("csrfmiddlewaretoken")[0]
    )


def test_padding_makes_the_length_of_the_same_page_vary(client, paths):
    lengths = {
        len(client.get(paths["survey step"], HTTP_ACCEPT_ENCODING="gzip").content) for _ in range(8)
    }
    assert len(lengths) > 1


def test_a_page_the_proxy_keeps_is_left_to_it(client, paths):
    response = client.get(paths["priority"], HTTP_ACCEPT_ENCODING="gzip")
    assert "public" in response["Cache-Control"]
    assert not response.has_header("Content-Encoding")


def test_the_staff_side_is_never_compressed(admin_client):
    response = admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
