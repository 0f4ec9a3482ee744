"""What every installation needs before staff can add content: a Wagtail
locale for each of the site's languages and a home page that a Site serves.

Wagtail's own first migration leaves a "Welcome to your new Wagtail site!" page
served at localhost:80; ``setup_site`` puts the council's home page in its
place. The demo loader calls the same functions, so demo and production start
from one path."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage

DEFAULT_HOME_TITLE = "Working with our communities"
DEFAULT_INTRODUCTION = (
    "Read our communities strategy, see what communities are doing, and tell us what you think."
)


def ensure_locales():
    """One Wagtail locale for each language in ``WAGTAIL_CONTENT_LANGUAGES``."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


@transaction.atomic
def ensure_site(hostname=None, port=None, site_name="Have your say", title=None):
    """The default Site, serving an English home page: made if missing, and
    left as it is (title and content included) when it is already there.

    ``hostname`` and ``port`` are where the site is served (``localhost`` and
    80 for a new Site when not given); given, they replace those of a Site
    already there, such as the ``localhost:80`` that Wagtail's first
    migration makes. Absolute addresses made without a request (the sitemap
    of another Site, links in a management command's output) use them."""
    ensure_locales()
    root = Page.get_first_root_node()
    if root is None:
        # Wagtail's migrations make the root; a flushed database has none.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    english = Locale.get_default()
    home = root.get_children().type(HomePage).filter(locale=english).first()
    if home is None:
        # Wagtail's first migration makes a plain "Welcome" page with the slug we want.
        for welcome in root.get_children().exact_type(Page):
            welcome.delete()
        home = HomePage(
            title=title or DEFAULT_HOME_TITLE,
            slug="home",
            introduction=DEFAULT_INTRODUCTION,
            locale=english,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname or "localhost",
            port=port or 80,
            root_page=home,
            is_default_site=True,
            site_name=site_name,
        )
    else:
        changed = {}
        if site.root_page_id != home.pk:
            changed.update(root_page=home, site_name=site_name)
        if hostname and site.hostname != hostname:
            changed["hostname"] = hostname
        if port and site.port != port:
            changed["port"] = port
        if changed:
            for name, value in changed.items():
                setattr(site, name, value)
            site.save()
    return site


@transaction.atomic
def ensure_council_site(hostname, port=80, site_name="Have your say", slug=None, title=None):
    """Another council's Site, served at ``hostname:port`` from an English home
    page of its own just under the root of the tree (slug ``slug``): both made
    if missing, and left as they are when there. Returns the Site."""
    ensure_locales()
    site = Site.objects.filter(hostname=hostname, port=port).first()
    if site is not None:
        return site
    root = Page.get_first_root_node()
    english = Locale.get_default()
    slug = slug or hostname.split(".")[0]
    home = root.get_children().type(HomePage).filter(locale=english, slug=slug).first()
    if home is None:
        home = HomePage(
            title=title or DEFAULT_HOME_TITLE,
            slug=slug,
            introduction=DEFAULT_INTRODUCTION,
            locale=english,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    return Site.objects.create(
        hostname=hostname, port=port, root_page=home, is_default_site=False, site_name=site_name
    )
