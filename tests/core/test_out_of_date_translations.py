"""A translation whose English is published after it was last synced is out
of date: its edit page says so, the dashboard lists it under "Translations to
update", and residents reading it see a notice with a link to the English,
until it is synced with wagtail-localize's "Sync translated pages"."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from core.factories import StandardPageFactory
from core.models import CouncilSettings
from core.translation_status import out_of_date, out_of_date_translations
from tests.signing_in import force_login_verified

pytestmark = pytest.mark.django_db

NOTICE = 'id="out-of-date-notice"'
PANEL = "Translations to update"


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate with wagtail-localize, as "Translate this page" does: a
    translation record, then the target page written from the source."""

    def translate(instance, code):
        locale = Locale.objects.get(language_code=code)
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        # wagtail-localize publishes once the transaction commits; tests never commit.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return instance.get_translation(locale)

    return translate


@pytest.fixture
def polish_page(home, translate):
    translate(home, "pl")
    page = StandardPageFactory(parent=home, slug="libraries", title="Libraries")
    return page, translate(page, "pl")


def dashboard(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert PANEL in html
    return html.split('id="translations-to-update-content"', 1)[1].split("</section>", 1)[0]


def test_an_edited_english_page_flags_its_polish_translation_until_it_is_synced(
    client, admin_client, polish_page, django_capture_on_commit_callbacks
):
    english, polish = polish_page
    assert out_of_date(polish) is None
    assert "Every translation is up to date." in dashboard(admin_client)
    assert NOTICE not in client.get(polish.url).content.decode()

    english.title = "Libraries and reading rooms"
    english.save_revision().publish()

    # The dashboard lists the Polish page, in Polish, with its language and a
    # link to sync it.
    panel = dashboard(admin_client)
    assert polish.title in panel
    assert "Polish" in panel
    source = TranslationSource.objects.get(object_id=english.translation_key)
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in panel
    # The translation's edit page says so.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[polish.pk]))
    assert "This translation is out of date" in edit.content.decode()
    # Residents reading it are told, in Polish, with a link to the English.
    html = client.get(polish.url).content.decode()
    assert NOTICE in html
    notice = html.split(NOTICE, 1)[1].split("</div>", 1)[0]
    assert 'href="/libraries/" hreflang="en"' in notice
    assert "Read the current English version" not in notice  # in Polish
    # The English page itself has no notice.
    assert NOTICE not in client.get(english.url).content.decode()

    # "Sync translated pages", publishing the translations.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302

    assert out_of_date(polish) is None
    assert polish.title not in dashboard(admin_client)
    assert NOTICE not in client.get(polish.url).content.decode()
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[polish.pk]))
    assert "This translation is out of date" not in edit.content.decode()


def test_a_draft_of_the_english_does_not_flag_the_translation(polish_page):
    english, polish = polish_page
    english.title = "Not yet"
    english.save_revision()
    assert out_of_date(polish) is None
    assert out_of_date_translations() == []


def test_the_council_words_are_flagged_like_pages(home, translate):
    texts = CouncilSettings.objects.get().texts
    polish = translate(texts, "pl")
    assert out_of_date(polish) is None
    texts.opening_hours = "Monday to Thursday, 9am to 4pm"
    texts.save()
    [item] = out_of_date_translations()
    assert item.target == polish
    assert out_of_date(polish) is not None


def test_an_editor_who_cannot_edit_the_translation_does_not_see_it(
    client, django_user_model, polish_page
):
    english, polish = polish_page
    english.save_revision().publish()
    someone = django_user_model.objects.create_user("someone", password="x")
    someone.user_permissions.add(Permission.objects.get(codename="access_admin"))
    force_login_verified(client, someone)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert polish.title not in html
