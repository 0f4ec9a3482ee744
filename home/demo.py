"""Demo home page: replaces Wagtail's "Welcome" page with the council's home page."""

from wagtail.models import Page, Site

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


def load(loader):
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
    home.title = "Working with our communities"
    home.introduction = INTRODUCTION
    home.body = loader.stream(BODY)
    home.listing_summary = "The county council's communities strategy and consultations."
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
