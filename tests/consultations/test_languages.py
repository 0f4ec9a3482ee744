"""The same survey answered in English, Polish and Urdu is counted as one."""

import pytest
from django.test import Client
from wagtail.models import Locale

from consultations.results import option_counts, responses_to

from .conftest import Resident

pytestmark = pytest.mark.django_db


def translation_of(page, code):
    translated = page.copy_for_translation(Locale.objects.get(language_code=code))
    translated.save_revision().publish()
    return translated


def test_answers_in_three_languages_are_counted_together(consultation):
    pages = {
        "en": consultation,
        "pl": translation_of(consultation, "pl"),
        "ur": translation_of(consultation, "ur"),
    }
    for code, page in pages.items():
        assert page.url.startswith("/" if code == "en" else f"/{code}/")
        resident = Resident(Client(), page)
        resident.complete()
        response = resident.submit()
        assert response.status_code == 302

    stored = responses_to(consultation)
    assert sorted(stored.values_list("language", flat=True)) == ["en", "pl", "ur"]
    assert option_counts(consultation, "overall") == {"agree": 3}
    assert option_counts(consultation, "principles", item_key="prevention") == {"strongly_agree": 3}
    assert option_counts(consultation, "activities") == {"clubs": 3, "other": 3}
    # Counting from any translation gives the same figures.
    assert option_counts(pages["ur"], "overall") == {"agree": 3}
