"""The demo loader: content as YAML, translations as PO files, checked like the
admin checks a page, and loaded again without change."""

import shutil
from io import StringIO
from pathlib import Path

import polib
import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, Site

from consultations.models import ConsultationPage, ConsultationTopic
from delivery.models import ActionPage
from demo.loader import CONTENT_DIR, DemoContentError, DemoLoader
from demo.translate import TRANSLATIONS_DIR, add_missing_entries, missing_translations

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

LANGUAGES = ["gu", "pa", "bn", "ur", "zh-hant", "pl"]


@pytest.fixture
def demo_files(tmp_path):
    """A copy of the demo's content and translations that a test may edit."""
    content = tmp_path / "content"
    translations = tmp_path / "translations"
    shutil.copytree(CONTENT_DIR, content)
    shutil.copytree(TRANSLATIONS_DIR, translations)
    return content, translations


def load(content=CONTENT_DIR, translations=TRANSLATIONS_DIR):
    out = StringIO()
    call_command(
        "load_demo_content",
        content=str(content),
        translations=str(translations),
        stdout=out,
    )
    return out.getvalue()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should be in {path.name} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_english_sentence_is_written_once(demo):
    """The demo's English lives in the YAML files only: the PO files carry it
    as msgid, and no Python module of the apps repeats it."""
    sentence = "Working with our communities"
    yaml_hits = [
        path.name
        for path in CONTENT_DIR.rglob("*.yaml")
        if sentence in path.read_text(encoding="utf-8")
    ]
    assert yaml_hits == ["home.yaml"]
    root = Path(settings.BASE_DIR)
    for app in ["core", "home", "strategy", "case_studies", "consultations", "search"]:
        for module in (root / app).rglob("*.py"):
            assert "We want to work with local people" not in module.read_text(encoding="utf-8")


def test_an_edited_sentence_keeps_its_translations_marked_fuzzy(demo, demo_files):
    content, translations = demo_files
    old = "We are the county council. We want to work with local people."
    new = "We are the county council. We want to work with the people who live here."
    edit(content / "leicestershire" / "home.yaml", old, new)
    before = {
        code: polib.pofile(str(translations / f"{code}.po")).find(old).msgstr for code in LANGUAGES
    }

    output = load(content, translations)

    home = Site.objects.get(is_default_site=True).root_page.specific
    texts = [row.value["text"] for row in home.easy_read if row.block_type == "row"]
    assert new in texts and old not in texts
    for code in LANGUAGES:
        translated = home.get_translation(Locale.objects.get(language_code=code))
        rows = [row.value["text"] for row in translated.easy_read if row.block_type == "row"]
        assert before[code] in rows, code
        entry = polib.pofile(str(translations / f"{code}.po")).find(new)
        assert entry is not None and entry.msgstr == before[code], code
        assert "fuzzy" in entry.flags and entry.previous_msgid == old
    assert output.count("marked fuzzy for review") == len(LANGUAGES)


def test_a_text_with_no_translation_is_listed_and_added_for_a_translator(demo, demo_files):
    _content, translations = demo_files
    title = "Help communities run their local library"
    catalogue = polib.pofile(str(translations / "pl.po"))
    catalogue.remove(catalogue.find(title))
    catalogue.save()
    action = ActionPage.objects.get(slug="community-managed-libraries", locale__language_code="en")
    action.demo_languages = {"pl", "ur"}
    place = "/action-plan-2015/community-managed-libraries/#title"

    report = {cat.language: texts for cat, texts in missing_translations([action], translations)}
    # Only Polish lacks it; the page's slug stays English in every language.
    assert report["pl"] == {title: [place]}
    assert report["ur"] == {} and report["gu"] == {}

    add_missing_entries(missing_translations([action], translations))
    entry = polib.pofile(str(translations / "pl.po")).find(title)
    assert entry.msgstr == "" and entry.occurrences == [(place, "")]
    # Listed until a translator fills it in.
    report = {cat.language: texts for cat, texts in missing_translations([action], translations)}
    assert report["pl"] == {title: [place]}
    assert polib.pofile(str(translations / "ur.po")).find(title).msgstr


def test_demo_content_is_checked_like_the_admin_checks_it(demo, demo_files):
    content, translations = demo_files
    # An option code that breaks the survey's key rule, as "10_to_50" once did.
    edit(
        content / "leicestershire" / "consultations.yaml",
        "- code: from_10_to_50",
        "- code: 10_to_50",
    )
    with pytest.raises(DemoContentError, match="lower-case letters"):
        load(content, translations)
    page = ConsultationPage.objects.get(
        slug="communities-approach-2022-26", locale__language_code="en"
    )
    codes = page.survey_definition.question("group_size").option_codes()
    assert "from_10_to_50" in codes and "10_to_50" not in codes


def test_every_demo_survey_passes_the_admins_form(demo, admin_client):
    """An editor can open each demo consultation and save it unchanged."""
    for page in ConsultationPage.objects.filter(locale__language_code="en"):
        for block in page.survey:
            block.block.clean(block.value)
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200


def test_a_reference_to_nothing_is_refused(demo):
    loader = DemoLoader()
    with pytest.raises(DemoContentError, match="No image titled"):
        loader.reference({"image": "A picture nobody uploaded"})
    with pytest.raises(DemoContentError, match="Not a reference"):
        loader.reference("just text")


def test_each_page_tree_file_is_plain_yaml():
    council = yaml.safe_load((CONTENT_DIR / "leicestershire" / "council.yaml").read_text())
    for filename in council["files"]:
        data = yaml.safe_load((CONTENT_DIR / "leicestershire" / filename).read_text())
        assert data["pages"], filename
    assert (
        ConsultationTopic._meta.label
        in (CONTENT_DIR / "leicestershire" / "consultations.yaml").read_text()
    )


def test_production_does_not_install_the_demo():
    from council_site.settings import base

    assert "demo" not in base.INSTALLED_APPS
    assert "demo" in settings.INSTALLED_APPS  # the test settings do
    dockerignore = (Path(settings.BASE_DIR) / ".dockerignore").read_text().split()
    assert "demo" in dockerignore
