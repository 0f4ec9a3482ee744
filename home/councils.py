"""A new council on the installation: its Site, its page tree and its
settings and its staff groups, so that a fourth council is minutes of work
(``manage.py create_council``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import GroupPagePermission, Page, Site

from core.models import CouncilSettings

from .setup import ensure_council_site

# The pages every council starts with, under its home page: (model, slug,
# title, introduction, in the menu). Staff write the rest in the admin.
STARTER_PAGES = [
    ("core.EasyReadIndexPage", "easy-read-pages", "Easy Read", "", True),
    ("case_studies.CaseStudyIndexPage", "case-studies", "Case studies", "", True),
    ("consultations.ConsultationIndexPage", "have-your-say", "Have your say", "", True),
    ("core.ContactPage", "contact", "Contact us and ask for another format", "", True),
    ("core.StandardPage", "accessibility-statement", "Accessibility statement", "", False),
    ("core.StandardPage", "privacy", "Privacy notice", "", False),
    ("core.StandardPage", "cookies", "Cookies", "", False),
]


class CouncilExists(Exception):
    """A Site is already served at that host name and port."""


def _add_page(parent, label, slug, title, introduction, in_menu):
    from django.apps import apps

    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    model = apps.get_model(label)
    page = model(title=title, slug=slug, show_in_menus=in_menu)
    if introduction and hasattr(page, "introduction"):
        page.introduction = introduction
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def create_council(name, hostname, port=80, languages=None, districts=(), slug=None):
    """Makes a council: a Site at ``hostname:port`` with its home page, the
    starter pages and its Council details (name, languages, districts, the
    footer's pages). Refuses a host name and port that a Site already has."""
    if Site.objects.filter(hostname=hostname, port=port).exists():
        raise CouncilExists(f"A site is already served at {hostname}:{port}.")
    codes = [code for code, _name in settings.LANGUAGES]
    languages = list(languages or codes)
    unknown = [code for code in languages if code not in codes]
    if unknown:
        raise ValidationError(
            f"Unknown language codes: {', '.join(unknown)}. Choose from {', '.join(codes)}."
        )
    slug = slug or slugify(name)[:50] or hostname.split(".")[0]
    if Page.get_first_root_node().get_children().filter(slug=slug).exists():
        raise CouncilExists(f"A home page with the slug {slug!r} is already there.")
    site = ensure_council_site(hostname, port, site_name=name, slug=slug, title=name)
    home = site.root_page.specific
    pages = {}
    for label, page_slug, title, introduction, in_menu in STARTER_PAGES:
        pages[page_slug] = _add_page(home, label, page_slug, title, introduction, in_menu)
    council = CouncilSettings.for_site(site)
    council.council_name = name
    council.languages = [code for code in codes if code in set(languages) | {"en"}]
    council.districts = "\n".join(district.strip() for district in districts if district.strip())
    council.accessibility_page = pages["accessibility-statement"]
    council.privacy_page = pages["privacy"]
    council.cookies_page = pages["cookies"]
    council.contact_page = pages["contact"]
    council.full_clean()
    council.save()
    from consultations.officers.councils import make_staff_groups

    make_staff_groups(site)
    return site


def share_home_page_permissions(sender, instance, created, raw=False, **kwargs):
    """A new translation of a council's home page (wagtail-localize makes one
    per language, under the root of the tree) gets the page permissions of
    the home page the council's Site serves, so that the council's editors
    edit its pages in every language, and only its pages."""
    if not created or raw or instance.depth != 2:
        return
    homes = Site.objects.filter(root_page__translation_key=instance.translation_key).exclude(
        root_page=instance
    )
    given = GroupPagePermission.objects.filter(page__in=homes.values("root_page"))
    for permission in given:
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=instance, permission_id=permission.permission_id
        )
