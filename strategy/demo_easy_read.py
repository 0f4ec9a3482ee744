"""Easy Read versions of the demo strategy pages: the current strategy (the
2022-26 Communities Approach, with its three principles, prevention,
engagement and catalysts) and the three priorities of the 2014 strategy.
Every sentence is written for this site: short, plain, one idea each."""

from core.demo.easy_read import row


def hard_word(word, meaning):
    return ("hard_word", {"word": word, "meaning": meaning})


def approach_2022(loader):
    return {
        "easy_read_title": "Our plan for communities 2022 to 2026",
        "easy_read_introduction": "This is our plan for working with communities. "
        "It is for 2022 to 2026.",
        "easy_read": loader.stream(
            [
                row(
                    loader,
                    "1F3D8",
                    "A community is people who live in the same area. They help each other.",
                ),
                row(
                    loader,
                    "1F4CB",
                    "Our plan says how we will work with communities. It is still a draft.",
                ),
                hard_word("Draft", "A draft is not finished yet. We can still change it."),
                row(
                    loader,
                    "1F331",
                    "Idea 1 is prevention. We help people early, before problems get big.",
                ),
                row(loader, "1F4D6", "We give clear advice. It is easy to find."),
                row(
                    loader,
                    "1F4AC",
                    "Idea 2 is engagement. We listen first and make plans with you.",
                ),
                row(
                    loader,
                    "1F91D",
                    "Idea 3 is catalysts. We help local groups and councils to lead.",
                ),
                hard_word("Catalyst", "A catalyst helps something to happen."),
                row(loader, "1F5F3", "You can tell us what you think of our plan."),
            ]
        ),
        "easy_read_summary": "Our plan has three ideas. "
        "We help early, we listen, and we help groups lead.",
    }


# The 2014 strategy's priorities, by slug.
PRIORITIES_2014 = {
    "supporting-vulnerable-people": (
        "Communities help people who need it",
        "This is the first part of our 2014 plan.",
        [
            ("1F475", "Some people need extra help. They may be old, ill or alone."),
            ("1F3D8", "Local people can help them. They can visit or go shopping for them."),
            ("1F3DB", "We help local groups to do this. We give advice and some money."),
            ("2764", "This helps people to stay well and safe at home."),
        ],
        None,
        "Communities look after people who need help. We help them to do it.",
    ),
    "designing-and-delivering-services": (
        "Communities help to run services",
        "This is the second part of our 2014 plan.",
        [
            ("1F4DA", "A service is something that helps people. A library is a service."),
            ("1F91D", "Local groups can help us plan services. They know their area best."),
            ("1F9F0", "Some groups can run a service themselves. We give them help and tools."),
            ("1F4A1", "We ask groups for ideas each time we change a service."),
        ],
        None,
        "Local people help to plan and run services. We help them do it well.",
    ),
    "commissioning-the-voluntary-sector": (
        "We pay groups to run good services",
        "This is the third part of our 2014 plan.",
        [
            ("1F465", "Charities and voluntary groups help lots of people."),
            ("1F4B7", "Sometimes we pay a group to run a service for us."),
            ("1F4CB", "We agree what the group will do. We check that it goes well."),
            ("1F3AF", "We want every service to be good for people and places."),
        ],
        ("Voluntary group", "A group of people who help others. Many of them are not paid."),
        "We pay charities and groups to run good services. We check that they work.",
    ),
}


def priority_2014(loader, slug):
    """The Easy Read fields of one 2014 priority, or nothing for another page."""
    if slug not in PRIORITIES_2014:
        return {}
    title, introduction, rows, word, summary = PRIORITIES_2014[slug]
    items = [row(loader, code, text) for code, text in rows]
    if word:
        items.insert(1, hard_word(*word))
    return {
        "easy_read_title": title,
        "easy_read_introduction": introduction,
        "easy_read": loader.stream(items),
        "easy_read_summary": summary,
    }
