"""Which council a staff group works for: the groups a council starts with,
and where installation administrators tie groups to councils."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
)

from consultations.models import CouncilStaffGroup
from consultations.officers.councils import make_staff_groups
from core.factories import StandardPageFactory
from home.factories import HomePageFactory
from tests.signing_in import force_login_verified

from .officers import staff

pytestmark = pytest.mark.django_db

ADMIN_LIST = "/admin/council_staff_groups/"


@pytest.fixture
def second_site(home):
    root = home.get_parent()
    other = HomePageFactory(parent=root, title="Rutland", slug="rutland-home")
    return Site.objects.create(hostname="rutland.localhost", root_page=other, site_name="Rutland")


def codenames(group):
    """The group's permissions on the admin and on responses."""
    return set(
        group.permissions.filter(
            content_type__app_label__in=["wagtailadmin", "consultations"]
        ).values_list("codename", flat=True)
    )


def test_a_council_gets_four_groups_tied_to_its_site_and_running_again_adds_nothing(
    second_site,
):
    first = make_staff_groups(second_site)
    again = make_staff_groups(second_site)
    assert {g.pk for g in first.values()} == {g.pk for g in again.values()}
    names = set(Group.objects.filter(name__startswith="Rutland").values_list("name", flat=True))
    assert names == {
        "Rutland editors",
        "Rutland consultation analysts",
        "Rutland equality data",
        "Rutland data entry",
    }
    for group in first.values():
        assert CouncilStaffGroup.objects.get(group=group).site == second_site
    # The same permissions as the installation's own groups.
    assert codenames(first["consultation analysts"]) == codenames(
        Group.objects.get(name="Consultation analysts")
    )
    assert codenames(first["equality data"]) == codenames(Group.objects.get(name="Equality data"))
    assert codenames(first["data entry"]) == codenames(Group.objects.get(name="Data entry"))
    # Editors edit the council's pages only, and its own collection.
    page_permissions = GroupPagePermission.objects.filter(group=first["editors"])
    assert {p.page_id for p in page_permissions} == {second_site.root_page_id}
    assert {p.permission.codename for p in page_permissions} == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
    }
    collections = GroupCollectionPermission.objects.filter(group=first["editors"])
    assert {c.collection.name for c in collections} == {"Rutland"}
    assert Collection.objects.filter(name="Rutland").count() == 1
    assert GroupPagePermission.objects.filter(group=first["editors"]).count() == 4


def test_only_installation_administrators_tie_groups_to_councils(client, second_site):
    group = Group.objects.create(name="Rutland helpers")
    force_login_verified(client, staff("analyst-admin", ["Consultation analysts"]))
    assert client.get(ADMIN_LIST).status_code in (302, 403)

    force_login_verified(client, staff("root", superuser=True))
    assert client.get(ADMIN_LIST).status_code == 200
    response = client.post(
        ADMIN_LIST + "new/", {"group": group.pk, "site": second_site.pk}, follow=True
    )
    assert response.status_code == 200
    assert CouncilStaffGroup.objects.get(group=group).site == second_site


def test_a_group_cannot_be_limited_to_another_councils_consultation(client, second_site, home):
    from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory

    index = ConsultationIndexPageFactory(parent=home, slug="have-your-say")
    theirs = ConsultationPageFactory(parent=index, title="Leicestershire's own")
    group = Group.objects.create(name="Rutland helpers")
    force_login_verified(client, staff("root", superuser=True))
    response = client.post(
        ADMIN_LIST + "new/",
        {"group": group.pk, "site": second_site.pk, "consultations": [theirs.pk]},
    )
    assert response.status_code == 200
    assert "belong to another council: Leicestershire&#x27;s own" in response.content.decode()
    assert not CouncilStaffGroup.objects.exists()


def council_editor(site):
    editor = staff("rutland-editor")
    editor.groups.add(make_staff_groups(site)["editors"])
    return editor


def test_a_councils_editors_edit_its_pages_in_every_language_and_no_other_councils(
    second_site, home
):
    from wagtail.models import Locale

    polish = Locale.objects.get(language_code="pl")
    rutland_polish = second_site.root_page.copy_for_translation(polish)
    leicestershire_polish = home.copy_for_translation(polish)
    rutland_page = StandardPageFactory(parent=second_site.root_page, slug="about")
    editor = council_editor(second_site)
    # A translation made after the groups gets the same permissions.
    rutland_urdu = second_site.root_page.copy_for_translation(
        Locale.objects.get(language_code="ur")
    )

    def may_edit(page):
        page = Page.objects.get(pk=page.pk).specific
        return page.permissions_for_user(editor).can_edit()

    assert may_edit(second_site.root_page)
    assert may_edit(rutland_page)
    assert may_edit(rutland_polish)
    assert may_edit(rutland_urdu)
    assert Page.objects.get(pk=rutland_polish.pk).permissions_for_user(editor).can_publish()
    assert not may_edit(home)
    assert not may_edit(leicestershire_polish)
    # Another council's home page and its translation are not theirs either.
    other = HomePageFactory(parent=home.get_parent(), title="Elsewhere", slug="elsewhere-home")
    Site.objects.create(hostname="elsewhere.localhost", root_page=other, site_name="Elsewhere")
    assert not may_edit(other)
    assert not may_edit(other.copy_for_translation(polish))
