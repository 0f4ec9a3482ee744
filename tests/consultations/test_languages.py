"""The same survey answered in English, Polish and Urdu is counted as one."""

import re

import pytest
from django.test import Client
from wagtail.models import Locale

from consultations.officers.results import option_counts, responses_to
from tests.signing_in import force_login_verified

from .conftest import Resident

pytestmark = pytest.mark.django_db


def translation_of(page, code):
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True
    )
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


def test_officers_summary_counts_every_language_under_the_same_options(consultation, client):
    from django.urls import reverse

    from consultations.officers.results import Summary

    from .officers import staff

    for code in ("en", "pl", "ur"):
        page = consultation if code == "en" else translation_of(consultation, code)
        resident = Resident(Client(), page)
        resident.complete()
        assert resident.submit().status_code == 302

    summary = Summary(consultation, responses_to(consultation))
    overall = next(q for q in summary.questions() if q.question.key == "overall")
    assert {f.code: f.count for f in overall.figures if f.count} == {"agree": 3}

    force_login_verified(client, staff("lang-analyst", ["Consultation analysts"]))
    address = reverse("consultation_responses:summary", args=[consultation.pk])
    html = client.get(address).content.decode()
    # Three responses are too few for figures: the summary counts them (above)
    # but shows none.
    assert "fewer than 10 responses</strong>" in html
    assert re.search(r'<th scope="row">Agree</th>\s*<td>hidden</td>', html)
    polish = client.get(address + "?language=pl").content.decode()
    assert "fewer than 10 responses</strong>" in polish
    assert re.search(r'<th scope="row">Agree</th>\s*<td>hidden</td>', polish)
