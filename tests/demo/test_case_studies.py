"""The demo's case studies."""

import pytest

from case_studies.models import CaseStudyIndexPage, CaseStudyPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.fixture
def index(demo):
    return CaseStudyIndexPage.objects.get(locale__language_code="en")


def test_demo_has_at_least_eight_case_studies_with_pictures(index):
    case_studies = CaseStudyPage.objects.live().child_of(index)
    assert case_studies.count() >= 8
    for case_study in case_studies:
        assert case_study.listing_image is not None
        assert case_study.listing_image.description  # alt text
        assert case_study.gallery_images.exists()
