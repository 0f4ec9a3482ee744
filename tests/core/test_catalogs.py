import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings
from wagtail.models import Locale

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory

LOCALE_DIRS = {"gu": "gu", "pa": "pa", "bn": "bn", "ur": "ur", "zh-hant": "zh_Hant", "pl": "pl"}


def catalogue(code, suffix="po"):
    path = (
        Path(settings.BASE_DIR) / "locale" / LOCALE_DIRS[code] / "LC_MESSAGES" / f"django.{suffix}"
    )
    return polib.pofile(str(path)) if suffix == "po" else polib.mofile(str(path))


@pytest.mark.parametrize("code", LOCALE_DIRS)
def test_every_message_is_translated(code):
    po = catalogue(code)
    assert len(po) > 100
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("code", LOCALE_DIRS)
def test_compiled_catalogue_matches_its_source(code):
    po = {
        (e.msgid, e.msgstr or tuple(sorted(e.msgstr_plural.items())))
        for e in catalogue(code)
        if not e.obsolete
    }
    mo = {
        (e.msgid, e.msgstr or tuple(sorted(e.msgstr_plural.items())))
        for e in catalogue(code, "mo")
        if e.msgid
    }
    assert po == mo, "run: bash scripts/messages.sh compile"


@pytest.mark.parametrize("code", LOCALE_DIRS)
def test_placeholders_survive_translation(code):
    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]")
    for entry in catalogue(code):
        wanted = sorted(pattern.findall(entry.msgid))
        forms = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for form in forms:
            found = sorted(pattern.findall(form))
            if entry.msgid_plural:
                # A plural form may leave out the count (e.g. "one case study").
                assert set(found) <= set(wanted) | set(pattern.findall(entry.msgid_plural))
            else:
                assert found == wanted, entry.msgid


def chrome_text(html):
    """The visible text of the page's own interface: header, menus, notices, footer."""
    parts = re.findall(
        r'<(header|nav|footer|section class="govuk-service-navigation)[^>]*>(.*?)</\1',
        html,
        re.S,
    )
    text = " ".join(part for _tag, part in parts)
    text += " ".join(re.findall(r'class="app-language-help"[^>]*>(.*?)</p>', html, re.S))
    text += " ".join(
        re.findall(r'id="translation-notice-title"[^>]*>(.*?)</div>\s*</div>', html, re.S)
    )
    text = re.sub(r'<[^>]+\blang="en"[^>]*>.*?</[^>]+>', " ", text, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.fixture
def case_studies(home):
    """The case studies, in the menu and in English only: the other languages
    show them with a notice."""
    index = CaseStudyIndexPageFactory(parent=home, slug="case-studies", show_in_menus=True)
    CaseStudyPageFactory(parent=index)
    return index


@pytest.mark.django_db
@pytest.mark.parametrize("code", LOCALE_DIRS)
def test_no_english_left_in_a_translated_pages_chrome(client, home, case_studies, code):
    home.copy_for_translation(Locale.objects.get(language_code=code)).save_revision().publish()
    english = {
        entry.msgid
        for entry in catalogue(code)
        if len(entry.msgid) > 3 and "%" not in entry.msgid and entry.msgstr != entry.msgid
    }
    for path in ["/", "/case-studies/", "/search/?q=zzzz"]:
        response = client.get(f"/{code}{path}")
        assert response.status_code == 200, f"/{code}{path}"
        text = " ".join(chrome_text(response.content.decode()).split())
        leftovers = [msgid for msgid in english if re.search(rf"\b{re.escape(msgid)}\b", text)]
        assert leftovers == [], f"/{code}{path}"
