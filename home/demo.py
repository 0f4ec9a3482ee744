"""Demo home page: replaces Wagtail's "Welcome" page with the council's home page."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from core.demo.easy_read import row
from core.demo.loader import with_stream_ids
from home.models import HomePage

INTRODUCTION = (
    "Read how the county council plans to work with the people and groups who make "
    "Leicestershire's towns and villages strong, see what communities are already doing, "
    "and tell us what you think."
)

BODY = [
    ("heading", {"text": "What this site is for", "size": "h2"}),
    (
        "paragraph",
        "<p>The council's money for supporting communities is shrinking while the need for "
        "that support grows. Our communities strategy explains where we will focus what we "
        "have: helping communities look after people who are vulnerable, and helping them "
        "design and run local services.</p>"
        "<p>On this site you can read the strategy, its priorities and its building blocks, "
        "follow how the plan is being delivered, and answer our consultations.</p>",
    ),
    (
        "callout",
        {
            "text": "<p>You can ask for anything on this site in large print, Easy Read, "
            "audio, Braille or another language. Use the contact page or ring us.</p>"
        },
    ),
]


def easy_read_rows(loader):
    return loader.stream(
        [
            row(loader, "1F3DB", "We are the county council. We want to work with local people."),
            row(loader, "1F3D8", "Local groups already do a lot. They help people who need it."),
            row(loader, "1F4CB", "We have a plan for this. It is called our communities strategy."),
            ("hard_word", {"word": "Strategy", "meaning": "A plan for the next few years."}),
            row(loader, "1F5F3", "You can tell us what you think. This is called having your say."),
            row(loader, "1F4DE", "Ring us on 0116 305 6977 if you need help."),
        ]
    )


def ensure_locales():
    """One Wagtail locale for each of the site's languages."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def load(loader):
    ensure_locales()
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home = root.get_children().type(HomePage).first()
    if home is None:
        # Wagtail's first migration makes a plain "Welcome" page with the slug we want.
        for welcome in root.get_children().exact_type(Page):
            welcome.delete()
        home = HomePage(
            title="Working with our communities",
            slug="home",
            introduction=INTRODUCTION,
        )
        root.add_child(instance=home)
    home = home.specific
    fields = {
        "title": "Working with our communities",
        "introduction": INTRODUCTION,
        "body": loader.stream(BODY),
        "listing_summary": "The county council's communities strategy and consultations.",
        "easy_read_title": "Working with our communities",
        "easy_read_introduction": "This website is about how we work with local people.",
        "easy_read": easy_read_rows(loader),
        "easy_read_summary": "We want to hear from you. Tell us what you think of our plan.",
    }
    for name, value in with_stream_ids(HomePage, home.url_path, fields).items():
        setattr(home, name, value)
    home.save_revision().publish()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Have your say",
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = "Have your say"
        site.save()
    loader.say(f"  home page: {home.title}")
