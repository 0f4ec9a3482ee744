"""Easy Read for the demo's open consultation (the 2022-26 Communities
Approach): its Easy Read page, and Easy Read wording, with pictures, for its
whole survey, over the survey's own keys and codes. Every sentence is written
for this site: short, plain, one idea each."""

import copy

from core.demo.easy_read import picture, row

TITLE = "Our plan for working with communities"
INTRODUCTION = "We have a new plan for 2022 to 2026. We want to know what you think."
SUMMARY = "Our plan is about working well with communities. Please tell us what you think."


def page_rows(loader):
    return loader.stream(
        [
            row(
                loader,
                "1F3DB",
                "We are the county council. We want to work well with local people.",
            ),
            row(loader, "1F4CB", "We have a new plan for 2022 to 2026. It has three main ideas."),
            row(
                loader,
                "1F331",
                "Idea 1 is prevention. We help people early, before problems get big.",
            ),
            (
                "hard_word",
                {
                    "word": "Prevention",
                    "meaning": "Prevention means stopping a problem before it starts.",
                },
            ),
            row(
                loader,
                "1F4AC",
                "Idea 2 is engagement. We listen to people and make plans with them.",
            ),
            row(
                loader,
                "1F91D",
                "Idea 3 is catalysts. We help local groups to do things for their area.",
            ),
            (
                "hard_word",
                {"word": "Catalyst", "meaning": "A catalyst helps something to happen."},
            ),
            row(loader, "1F5F3", "We want to know what you think. You can answer our questions."),
            row(loader, "1F4C5", "You have 12 weeks to answer."),
            row(loader, "1F4DE", "Ring us on 0116 305 6977 if you want help to answer."),
        ]
    )


# Easy Read wording for the survey, by section key, question key and option code.

SECTIONS = {
    "draft_approach": (
        "Our plan",
        "Our plan has three main ideas. They are prevention, engagement and catalysts.",
    ),
    "your_community": ("You and your area", ""),
    "your_group": ("Your group", "You told us you help a group. Please tell us about it."),
    "your_ideas": ("Your ideas", ""),
}

# question key -> (label, hint, error message)
QUESTIONS = {
    "overall_agreement": (
        "Do you agree with our plan?",
        "",
        "Please choose how much you agree with our plan",
    ),
    "principle_agreement": (
        "Do you agree with each idea?",
        "Choose one answer for each idea.",
        "",
    ),
    "principle_ranking": (
        "Which idea matters most to you?",
        "You do not have to answer this question.",
        "",
    ),
    "involvement": (
        "Do you help with a local group?",
        "A group can be a club or a charity. It can be people who help neighbours.",
        "",
    ),
    "group_name": ("What is your group called?", "", ""),
    "activities": ("What things matter most where you live?", "", ""),
    "activity_area": ("Where do these things happen?", "", ""),
    "pandemic_help": (
        "Since March 2020, have you helped a local group or had help from one?",
        "",
        "",
    ),
    "group_size": ("How many people take part?", "", ""),
    "volunteer_hours": ("How many hours a month do you help the group?", "", ""),
    "group_started": ("When did the group start?", "A rough date is fine.", ""),
    "group_support": ("What help does your group need in the next 4 years?", "", ""),
    "what_works": ("Tell us about something good your community did for itself.", "", ""),
    "want_updates": ("Do you want us to tell you what happens next?", "", ""),
    "updates_email": ("What is your email address?", "", "Please write your email address"),
    "postcode": (
        "What is your postcode?",
        "This helps us see where answers come from. We will not contact you.",
        "",
    ),
    "quote_consent": ("Can we use your words in our report?", "We will not use your name.", ""),
}

OTHER_LABELS = {"activities": "Something else"}

# (question key, option or statement code) -> (label, picture)
OPTIONS = {
    ("principle_agreement", "prevention"): ("Prevention: we help people early", "1F331"),
    ("principle_agreement", "engagement"): ("Engagement: we listen and plan with people", "1F4AC"),
    ("principle_agreement", "catalysts"): ("Catalysts: we help local groups to lead", "1F91D"),
    ("principle_ranking", "prevention"): ("Helping people early", "1F331"),
    ("principle_ranking", "engagement"): ("Listening to people", "1F4AC"),
    ("principle_ranking", "catalysts"): ("Helping local groups", "1F91D"),
    ("involvement", "regularly"): ("Yes, I help to run a group or I am a volunteer", "1F64B"),
    ("involvement", "sometimes"): ("Yes, sometimes", "1F552"),
    ("involvement", "not_involved"): ("No, not now", "274C"),
    ("activities", "good_neighbours"): ("Helping neighbours, like shopping or lifts", "1F465"),
    ("activities", "clubs"): ("Clubs and groups", "2615"),
    ("activities", "young_people"): ("Things for children and young people", "1F9D2"),
    ("activities", "older_people"): ("Help for older people", "1F475"),
    ("activities", "environment"): ("Looking after parks and paths", "1F333"),
    ("activities", "community_building"): ("Running a library, shop or hall", "1F4DA"),
    ("group_size", "under_10"): ("Fewer than 10 people", "1F9D1"),
    ("group_size", "10_to_50"): ("10 to 50 people", "1F465"),
    ("group_size", "over_50"): ("More than 50 people", "1F3D8"),
}


def with_easy_read_wording(survey, loader):
    """A copy of the raw survey with its Easy Read wording and pictures added.
    Keys and codes are left exactly as they are."""
    survey = copy.deepcopy(survey)
    for section in survey:
        value = section["value"]
        title, intro = SECTIONS.get(value["key"], ("", ""))
        value["easy_read_title"] = title
        value["easy_read_intro"] = intro
        for question in value["questions"]:
            inner = question["value"]
            label, hint, error = QUESTIONS.get(inner["key"], ("", "", ""))
            inner["easy_read_label"] = label
            inner["easy_read_hint"] = hint
            inner["easy_read_error_message"] = error
            if inner["key"] in OTHER_LABELS:
                inner["easy_read_other_label"] = OTHER_LABELS[inner["key"]]
            for name in ("options", "statements"):
                for option in inner.get(name) or []:
                    label, code = OPTIONS.get((inner["key"], option["code"]), ("", None))
                    option["easy_read_label"] = label
                    option["easy_read_picture"] = picture(loader, code).pk if code else None
    return survey


def easy_read_fields(loader):
    """The consultation page's Easy Read version."""
    return {
        "easy_read_title": TITLE,
        "easy_read_introduction": INTRODUCTION,
        "easy_read": page_rows(loader),
        "easy_read_summary": SUMMARY,
    }
