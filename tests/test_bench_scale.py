"""The bench's bulk page builder (bench/scale.py) leaves a page tree Wagtail
itself would: residents find the new case studies listed and can open each,
the tree has no problems, and more can be added after them."""

import importlib.util
import random
from pathlib import Path

import pytest
from wagtail.models import Page

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from case_studies.models import CaseStudyPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def scale():
    path = Path(__file__).resolve().parents[1] / "bench" / "scale.py"
    spec = importlib.util.spec_from_file_location("bench_scale", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bulk_case_studies_are_listed_served_and_the_tree_is_sound(scale, home, client):
    index = CaseStudyIndexPageFactory(parent=home, slug="case-studies")
    template = CaseStudyPageFactory(parent=index, title="Birstall youth café", slug="birstall")

    def values(n):
        return {"title": f"Bulk project {n}", "slug": f"bulk-{n}", "place": f"Place {n}"}

    made = scale.bulk_children(index, template, 4, values)
    made += scale.bulk_children(index, template, 3, lambda n: values(n + 4))

    assert Page.find_problems() == ([], [], [], [], [])
    assert CaseStudyPage.objects.child_of(index).live().count() == 8
    page = client.get("/case-studies/bulk-6/")
    assert page.status_code == 200
    assert "Bulk project 6" in page.text and "Place 6" in page.text
    listing = client.get("/case-studies/")
    assert "Bulk project 0" in listing.text
    assert {page.pk for page in made} == set(
        CaseStudyPage.objects.filter(slug__startswith="bulk-").values_list("pk", flat=True)
    )


def test_every_stored_response_gets_its_own_reference(scale):
    rng = random.Random(1)
    numbers = rng.sample(range(1_000_000, 1_100_000), 5000)
    references = {scale.reference(number) for number in numbers}
    assert len(references) == 5000
    assert all(len(reference) == 13 and reference.startswith("HYS-") for reference in references)
