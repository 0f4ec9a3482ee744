"""Councils and their staff: which consultations a member of staff may see,
and the staff groups every council starts with.

An installation serves several councils, each a Wagtail ``Site`` with its
own page tree; a consultation belongs to the council whose site's home page
(in any of its languages) it sits under. A staff group works for one council
when a ``CouncilStaffGroup`` says so, and may be limited further to named
consultations; a group with no council link works for every council, as
every group did before councils were separated.

Every officers' page, export, menu item and dashboard panel asks
``consultation_keys`` (through ``visible_consultations``,
``visible_responses`` or ``may``) and nothing else. A consultation or
response outside a user's councils answers "not found", so that nothing
tells them it exists.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from ..models.councils import CouncilStaffGroup
from ..models.pages import ConsultationPage
from ..models.responses import OfficerLogEntry, Response
from .permissions import response_permission_policy

# Consultations this user may see for an action: a set of translation keys,
# or EVERY for no limit (superusers, and groups not tied to a council).
EVERY = None


def _codename(action):
    return response_permission_policy._get_permission_codename(action)


def consultation_keys(user, action="view_answers"):
    """The translation keys of the consultations whose responses ``user`` may
    handle with ``action`` (a ``response_permission_policy`` action), or
    ``EVERY``. Someone without the permission gets an empty set.

    The permission counts where a group gives it: a group tied to a council
    gives it for that council's consultations (or its named ones only), a
    group tied to none, or the permission given to the user directly, for
    every consultation."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return EVERY
    cache = user.__dict__.setdefault("_council_scope", {})
    if action in cache:
        return cache[action]
    cache[action] = _keys(user, _codename(action))
    return cache[action]


def _keys(user, codename):
    content_type = ContentType.objects.get_for_model(Response)
    granted = Q(content_type=content_type, codename=codename)
    if user.user_permissions.filter(granted).exists():
        return EVERY
    groups = Group.objects.filter(
        user=user, permissions__in=Permission.objects.filter(granted)
    ).distinct()
    links = {
        link.group_id: link
        for link in CouncilStaffGroup.objects.filter(group__in=groups)
        .select_related("site__root_page")
        .prefetch_related("consultations")
    }
    keys = set()
    for group in groups:
        link = links.get(group.pk)
        if link is None:
            return EVERY
        keys |= council_consultation_keys(link.site, link.consultations.all())
    return keys


def council_pages(site):
    """Every page of a council: under its home page, in every language
    (wagtail-localize gives each language a tree of its own)."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    under = Q(pk__in=[])
    for root in roots:
        under |= Q(path__startswith=root.path, depth__gte=root.depth)
    return under


def council_consultation_keys(site, named=()):
    """The translation keys of a council's consultations (of the named ones
    only, if any are named)."""
    pages = ConsultationPage.objects.filter(council_pages(site))
    named_keys = {page.translation_key for page in named}
    if named_keys:
        pages = pages.filter(translation_key__in=named_keys)
    return set(pages.values_list("translation_key", flat=True))


def visible_consultations(user, action="view_answers"):
    """The consultation pages (in every language) ``user`` may see for ``action``."""
    keys = consultation_keys(user, action)
    pages = ConsultationPage.objects.all()
    return pages if keys is EVERY else pages.filter(translation_key__in=keys)


def visible_responses(user, action="view_answers"):
    """The responses ``user`` may see for ``action``."""
    keys = consultation_keys(user, action)
    responses = Response.objects.all()
    return responses if keys is EVERY else responses.filter(consultation_key__in=keys)


def visible_log_entries(user):
    """The officers' log entries about consultations ``user`` may see."""
    keys = consultation_keys(user, "view_answers")
    entries = OfficerLogEntry.objects.all()
    return entries if keys is EVERY else entries.filter(consultation_key__in=keys)


def may(user, action, consultation_key):
    """Whether ``user`` may handle the responses to one consultation (by its
    translation key) with ``action``."""
    if not response_permission_policy.user_has_permission(user, action):
        return False
    keys = consultation_keys(user, action)
    return keys is EVERY or consultation_key in keys


# A new council's staff groups ----------------------------------------------------------

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
ROLES = {
    # The same model permissions as the installation's own groups of these names.
    "editors": [ACCESS_ADMIN],
    "consultation analysts": [
        ACCESS_ADMIN,
        ("consultations", "response", "view_response_answers"),
        ("consultations", "response", "delete_response"),
    ],
    "equality data": [ACCESS_ADMIN, ("consultations", "response", "view_equality_answers")],
    "data entry": [ACCESS_ADMIN, ("consultations", "response", "key_in_responses")],
}
EDITORS_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page"]
EDITORS_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def council_name(site):
    """The council's name from its Council details (in English), else the site's name."""
    from core.models.settings import CouncilSettings

    details = CouncilSettings.objects.filter(site=site).select_related("texts").first()
    if details is not None and details.texts_id and details.texts.council_name:
        return details.texts.council_name
    return site.site_name or site.hostname


def _permission(app_label, model, codename):
    return Permission.objects.get(
        content_type__app_label=app_label, content_type__model=model, codename=codename
    )


@transaction.atomic
def make_staff_groups(site):
    """The council's four staff groups, tied to its site: "<council> editors"
    (pages under its home page, in every language; images and documents in a
    collection of its own), "<council> consultation analysts", "<council> equality data" and
    "<council> data entry". Run it again at any time: what exists is kept,
    and what is missing is added. Returns the groups by role."""
    name = council_name(site)
    groups = {}
    for role, permissions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=f"{name} {role}")
        group.permissions.add(*(_permission(*permission) for permission in permissions))
        CouncilStaffGroup.objects.update_or_create(group=group, defaults={"site": site})
        groups[role] = group
    editors = groups["editors"]
    # The council's home page in every language it has been translated into:
    # wagtail-localize gives each language a tree of its own under the root
    # (a translation made later gets them from home.councils).
    for home in Page.objects.filter(translation_key=site.root_page.translation_key):
        for codename in EDITORS_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=home,
                permission=_permission("wagtailcore", "page", codename),
            )
    collection = council_collection(name)
    for app_label, model, codenames in EDITORS_COLLECTION_PERMISSIONS:
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=editors,
                collection=collection,
                permission=_permission(app_label, model, codename),
            )
    return groups


def council_collection(name):
    """The council's own collection of images and documents."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)
