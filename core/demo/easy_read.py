"""The Easy Read picture library and the Easy Read index page."""

from pathlib import Path

from core.models import EasyReadIndexPage, ImageCredit

PICTURES_DIR = Path(__file__).parent / "easy_read_pictures"
COLLECTION = "Easy Read pictures"
ATTRIBUTION = "OpenMoji (openmoji.org), CC BY-SA 4.0"

# file name (the emoji's code) -> (title in the library, alt text)
PICTURES = {
    "1F465": ("People", "Two people"),
    "1F46A": ("Family", "A family with two adults and two children"),
    "1F9D1": ("Person", "A person"),
    "1F475": ("Older person", "An older woman"),
    "1F9D2": ("Child", "A child"),
    "1F91D": ("Working together", "Two hands shaking"),
    "1F44D": ("Yes, good", "A thumbs up"),
    "1F44E": ("No, bad", "A thumbs down"),
    "1F64B": ("Put your hand up", "A person with their hand up"),
    "1F5E3": ("Speak up", "A person speaking"),
    "1F4AC": ("Talk", "A speech bubble"),
    "2753": ("Question", "A question mark"),
    "2705": ("Done", "A green tick"),
    "274C": ("Not this", "A red cross"),
    "1F3E0": ("Home", "A house"),
    "1F3D8": ("Community", "A group of houses"),
    "1F3E2": ("Office", "An office building"),
    "1F3EB": ("School", "A school building"),
    "1F3E5": ("Hospital", "A hospital"),
    "1F3DB": ("The council", "A large public building with columns"),
    "1F4DA": ("Library", "A pile of books"),
    "1F4D6": ("Read", "An open book"),
    "1F4DD": ("Write", "A page with a pencil"),
    "1F4C5": ("Date", "A calendar"),
    "1F552": ("Time", "A clock"),
    "1F4B7": ("Money", "A pound note"),
    "1F4B0": ("Funding", "A bag of money"),
    "1F4DE": ("Phone us", "A telephone"),
    "1F4E7": ("Email", "An envelope with an at sign"),
    "1F4BB": ("Computer", "A laptop computer"),
    "1F4F1": ("Mobile phone", "A mobile phone"),
    "1F68C": ("Bus", "A bus"),
    "1F6B6": ("Walk", "A person walking"),
    "267F": ("Accessible", "The wheelchair symbol"),
    "2764": ("Care", "A red heart"),
    "1F331": ("Grow", "A small plant growing"),
    "1F333": ("Outdoors", "A tree"),
    "2615": ("Café", "A hot drink in a cup"),
    "1F4A1": ("Idea", "A light bulb"),
    "1F50D": ("Look for", "A magnifying glass"),
    "1F4CA": ("Results", "A bar chart"),
    "1F3AF": ("Aim", "A target with an arrow in the middle"),
    "1F4E2": ("Tell people", "A loudspeaker"),
    "1F5F3": ("Have your say", "A ballot box with a paper going in"),
    "1F9F0": ("Tools", "A toolbox"),
    "1F3C6": ("Success", "A trophy"),
    "1F4CB": ("Plan", "A clipboard with a list"),
    "270F": ("Pencil", "A pencil"),
    "1F512": ("Private", "A padlock"),
    "1F9ED": ("Find your way", "A compass"),
    "1F468-200D-1F9BD": ("Wheelchair user", "A man in a wheelchair"),
    "1F9D1-200D-1F3EB": ("Teacher", "A teacher in front of a board"),
    "1F9D1-200D-2695-FE0F": ("Health worker", "A health worker"),
}


def picture(loader, code):
    """A picture from the Easy Read library, loading the library if needed."""
    title, alt = PICTURES[code]
    image = loader.image(
        f"Easy Read: {title}",
        f"easy-read-{code.lower()}.svg",
        (PICTURES_DIR / f"{code}.svg").read_bytes(),
        collection=COLLECTION,
        description=alt,
    )
    ImageCredit.objects.update_or_create(
        image=image,
        defaults={
            "creator": "OpenMoji",
            "licence": "CC BY-SA 4.0",
            "source_url": "https://openmoji.org/",
            "attribution": ATTRIBUTION,
        },
    )
    return image


def row(loader, code, text):
    """One Easy Read row: a picture from the library beside a sentence or two."""
    image = picture(loader, code)
    return ("row", {"picture": image.pk, "alt_text": PICTURES[code][1], "text": text})


def load(loader):
    for code in PICTURES:
        picture(loader, code)
    loader.page(
        loader.home,
        EasyReadIndexPage,
        # Not "easy-read": that address is the home page's own Easy Read version.
        "easy-read-pages",
        title="Easy Read",
        introduction="These pages are in Easy Read. They use short sentences and pictures.",
        listing_summary="Pages in Easy Read, with short sentences and pictures.",
        show_in_menus=True,
    )
    loader.say(f"  Easy Read picture library: {len(PICTURES)} pictures")
