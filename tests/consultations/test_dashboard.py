"""The admin dashboard lists consultations whose results are late or due soon."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Locale, Site

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationSettings
from consultations.officers.dashboard import add_results_due_panel, results_due
from tests.signing_in import force_login_verified

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def closed_weeks_ago(index, weeks, **fields):
    closes = NOW - datetime.timedelta(weeks=weeks)
    return ConsultationPageFactory(
        parent=index,
        opens_at=closes - datetime.timedelta(weeks=8),
        closes_at=closes,
        **fields,
    )


@pytest.fixture
def consultations(index):
    return {
        "late": closed_weeks_ago(index, 20, title="Late one"),
        "just_late": closed_weeks_ago(index, 12.5, title="Just late"),
        "soon": closed_weeks_ago(index, 10, title="Due in two weeks"),
        "later": closed_weeks_ago(index, 2, title="Due in ten weeks"),
        "published": closed_weeks_ago(index, 20, title="Published", results_published=True),
        "open": ConsultationPageFactory(parent=index, title="Still open"),
    }


def titles(items):
    return [item.page.title for item in items]


def test_overdue_and_due_soon_lists(consultations):
    overdue, due_soon = results_due(now=NOW)
    assert titles(overdue) == ["Late one", "Just late"]
    assert [item.weeks_late for item in overdue] == [8, 0]
    assert titles(due_soon) == ["Due in two weeks"]
    assert due_soon[0].days_left == 14
    assert due_soon[0].due_at == consultations["soon"].closes_at + datetime.timedelta(weeks=12)


def test_published_and_open_consultations_are_not_listed(index):
    closed_weeks_ago(index, 20, title="Published long ago", results_published=True)
    ConsultationPageFactory(parent=index, title="Open now")
    overdue, due_soon = results_due(now=NOW)
    assert overdue == [] and due_soon == []


def test_the_period_is_set_per_site(consultations):
    settings = ConsultationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.results_due_weeks = 4
    settings.save()
    overdue, due_soon = results_due(now=NOW)
    assert titles(overdue) == ["Late one", "Just late", "Due in two weeks"]
    assert [item.weeks_late for item in overdue] == [16, 8, 6]
    assert titles(due_soon) == ["Due in ten weeks"]


def test_only_the_default_language_is_listed(consultations):
    late = consultations["late"]
    polish = late.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    polish.save_revision().publish()
    overdue, _due_soon = results_due(now=NOW)
    assert titles(overdue).count("Late one") == 1


@pytest.fixture
def panel_registered():
    if add_results_due_panel in hooks.get_hooks("construct_homepage_panels"):
        yield
        return
    with hooks.register_temporarily("construct_homepage_panels", add_results_due_panel):
        yield


def test_the_dashboard_shows_the_panel_to_a_superuser(client, consultations, panel_registered):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-123456789")
    force_login_verified(client, user)
    html = client.get("/admin/").content.decode()
    assert "Consultation results due" in html
    assert "Overdue: 2 consultations without published results" in html
    late = consultations["late"]
    assert f'href="/admin/pages/{late.pk}/edit/"' in html
    assert "8 weeks" in html
    assert "Due in two weeks" in html and "14 days" in html
    assert "Due in ten weeks" not in html


def test_staff_who_cannot_edit_the_consultations_do_not_see_it(
    client, consultations, panel_registered
):
    group = Group.objects.create(name="Dashboard only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("clerk", "clerk@example.org", "pw-123456789")
    user.groups.add(group)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Consultation results due" not in response.content.decode()


def test_with_nothing_due_staff_who_run_consultations_see_the_promise_kept(
    client, index, panel_registered
):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-123456789")
    force_login_verified(client, user)
    html = client.get("/admin/").content.decode()
    assert "Consultation results due" in html
    assert "No consultation&#x27;s results are overdue" in html or (
        "No consultation's results are overdue" in html
    )


def test_each_councils_editors_see_only_their_own_councils_results_due(
    client, index, home, panel_registered
):
    from consultations.factories import ConsultationIndexPageFactory
    from consultations.officers.councils import make_staff_groups
    from home.factories import HomePageFactory
    from tests.consultations.officers import staff

    closed_weeks_ago(index, 20, title="Rutland's late one")
    other_home = HomePageFactory(parent=home.get_parent(), title="Staffordshire", slug="staffs")
    other = Site.objects.create(
        hostname="staffordshire.localhost", root_page=other_home, site_name="Staffordshire"
    )
    other_index = ConsultationIndexPageFactory(parent=other_home, slug="staffs-have-your-say")
    closed_weeks_ago(other_index, 10, title="Staffordshire's not yet due")
    rules = ConsultationSettings.for_site(other)
    rules.results_due_weeks = 20
    rules.save()
    closed_weeks_ago(other_index, 18, title="Staffordshire's due soon")
    make_staff_groups(other)

    editor = staff("staffs-editor", ["Staffordshire editors"])
    force_login_verified(client, editor)
    # Signed in on the first council's host, as the admin is reached.
    html = client.get("/admin/").content.decode()
    assert "Staffordshire&#x27;s due soon" in html
    assert "within 20 weeks" in html
    assert "Rutland&#x27;s late one" not in html
    assert "Staffordshire&#x27;s not yet due" not in html  # due in 10 weeks there

    boss = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-123456789")
    force_login_verified(client, boss)
    html = client.get("/admin/").content.decode()
    assert "Rutland&#x27;s late one</a> (" in html
    assert "Staffordshire&#x27;s due soon</a> (Staffordshire)" in html
    assert "within the number of weeks" in html
