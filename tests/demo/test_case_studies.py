"""The demo's case studies."""

import pytest

from case_studies.models import CaseStudyIndexPage, CaseStudyPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.fixture
def index(demo):
    return CaseStudyIndexPage.objects.child_of(demo).get()


def test_demo_has_at_least_five_case_studies_with_pictures(index):
    case_studies = CaseStudyPage.objects.live().child_of(index)
    assert case_studies.count() >= 5
    for case_study in case_studies:
        assert case_study.listing_image is not None
        assert case_study.listing_image.description  # alt text
        assert case_study.gallery_images.exists()
