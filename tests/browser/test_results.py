"""The published "We asked, you said, we did" of the closed 2014 demo
consultation passes axe in English and in Urdu, on a phone and a computer."""

import re

import pytest

from .conftest import assert_no_axe_violations
from .test_consultations import no_sideways_scroll

STRATEGY_2014 = "/have-your-say/communities-strategy-2014/"


@pytest.mark.parametrize("prefix", ["", "/ur"])
@pytest.mark.parametrize("device", ["page", "phone_page"])
def test_the_results_section_passes_axe(request, prefix, device):
    page = request.getfixturevalue(device)
    response = page.goto(prefix + STRATEGY_2014)
    assert response.status == 200
    section = page.locator("section.app-consultation-results")
    assert section.is_visible()
    heading = section.locator("h2")
    if prefix:
        assert heading.get_attribute("lang") == "ur"
        assert heading.get_attribute("dir") == "rtl"
        assert heading.inner_text() == "ہم نے پوچھا، آپ نے بتایا، ہم نے کیا"
    else:
        assert heading.inner_text() == "We asked, you said, we did"
        assert "Published 18 November 2014" in section.inner_text()
    figures = section.locator(".app-headline-figures li")
    assert figures.count() == 3
    assert re.search(r"\d+%", figures.first.inner_text())
    assert_no_axe_violations(page)
    no_sideways_scroll(page)
