"""Demo consultations: the 2014 Communities Strategy consultation (closed) and
the 2022-26 Communities Approach engagement, open whenever the demo is loaded."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from .demo_easy_read import easy_read_fields, with_easy_read_wording
from .models import ConsultationIndexPage, ConsultationPage, ConsultationTopic

LONDON = ZoneInfo("Europe/London")


def q(block_type, key, label, required=True, hint="", **extra):
    return {
        "type": block_type,
        "value": {"key": key, "label": label, "hint": hint, "required": required, **extra},
    }


def opts(*pairs):
    return [{"code": code, "label": label} for code, label in pairs]


def section(key, title, questions, intro="", show_if=None):
    question, option = show_if or ("", "")
    return {
        "type": "section",
        "value": {
            "key": key,
            "title": title,
            "intro": intro,
            "show_if_question": question,
            "show_if_option": option,
            "questions": questions,
        },
    }


PRIORITIES = [
    ("priority_1", "Priority 1: communities support vulnerable individuals and families"),
    ("priority_2", "Priority 2: communities design and deliver services"),
    ("priority_3", "Priority 3: effective commissioning of, and support for, the voluntary sector"),
]

BUILDING_BLOCKS = [
    ("understand_needs", "1. Understanding community needs and priorities"),
    ("engagement", "2. Active engagement with decision makers"),
    ("communication", "3. Effective, clear and regular communication"),
    ("local_councils", "4. Active and empowered town and parish councils"),
    ("champions", "5. A network of community champions"),
    ("volunteers", "6. Formal and informal volunteers"),
    ("hubs", "7. Physical and virtual community hubs"),
    ("support_advice", "8. Access to support, advice and training"),
]

SURVEY_2014 = [
    section(
        "priorities",
        "Our three priorities",
        [
            q(
                "grid",
                "priority_agreement",
                "How far do you agree with each of our three priorities?",
                hint="Choose one answer for each priority.",
                statements=opts(*PRIORITIES),
                options=[],
            ),
        ],
        intro="We proposed to focus our support for communities on three priorities.",
    ),
    section(
        "building_blocks",
        "The eight building blocks",
        [
            q(
                "grid",
                "building_block_agreement",
                "How far do you agree that each building block is needed for strong, "
                "resilient communities?",
                hint="Choose one answer for each building block.",
                statements=opts(*BUILDING_BLOCKS),
                options=[],
            ),
        ],
    ),
    section(
        "your_community",
        "Your community",
        [
            q(
                "long_text",
                "community_could_do",
                "What could your community do for itself, or for people who need help?",
                required=False,
                max_characters=1500,
                hint="For example a good neighbour scheme, a lunch club or running a "
                "local service.",
            ),
            q(
                "long_text",
                "support_needed",
                "What help would your community need from us to do it?",
                required=False,
                max_characters=1500,
            ),
        ],
    ),
]

INVOLVEMENT = [
    ("regularly", "Yes, I help run or volunteer with a group"),
    ("sometimes", "Yes, now and then"),
    ("not_involved", "No, not at the moment"),
]
ACTIVITIES = [
    ("good_neighbours", "Helping neighbours, for example shopping or lifts"),
    ("clubs", "Clubs, groups or social activities"),
    ("young_people", "Activities for children and young people"),
    ("older_people", "Support for older people"),
    ("environment", "Looking after green spaces and footpaths"),
    ("community_building", "Running a community building, library or shop"),
]
GROUP_SIZES = [
    ("under_10", "Fewer than 10 people"),
    ("10_to_50", "10 to 50 people"),
    ("over_50", "More than 50 people"),
]
PRINCIPLES = [
    ("prevention", "Prevention: helping people to help themselves and each other"),
    ("engagement", "Engagement: listening to communities and designing solutions with them"),
    ("catalysts", "Catalysts: supporting groups and local councils to lead"),
]

SURVEY_2022 = [
    section(
        "draft_approach",
        "The draft approach",
        [
            q(
                "agreement",
                "overall_agreement",
                "How far do you agree with our draft Communities Approach overall?",
                error_message="Select how far you agree with the draft approach",
            ),
            q(
                "grid",
                "principle_agreement",
                "How far do you agree with each principle?",
                statements=opts(*PRINCIPLES),
                options=[],
            ),
            q(
                "ranking",
                "principle_ranking",
                "Which principle matters most to you?",
                required=False,
                options=opts(
                    ("prevention", "Prevention"),
                    ("engagement", "Engagement"),
                    ("catalysts", "Catalysts"),
                ),
            ),
        ],
        intro="The draft approach has three principles: prevention, engagement and catalysts.",
    ),
    section(
        "your_community",
        "You and your community",
        [
            q(
                "single_choice",
                "involvement",
                "Are you involved in a community or voluntary group?",
                options=opts(*INVOLVEMENT),
                error_message="Select whether you are involved in a community group",
            ),
            q(
                "short_text",
                "group_name",
                "What is the group called?",
                required=False,
                show_if_question="involvement",
                show_if_option="regularly",
            ),
            q(
                "multiple_choice",
                "activities",
                "What kinds of community activity matter most where you live?",
                required=False,
                options=opts(*ACTIVITIES),
                allow_other=True,
                other_label="Something else",
                max_choices=3,
            ),
            q(
                "area",
                "activity_area",
                "Where does most of that activity happen?",
                required=False,
            ),
            q(
                "yes_no",
                "pandemic_help",
                "Since March 2020, have you given or received help from a community group?",
            ),
        ],
    ),
    section(
        "your_group",
        "Your group",
        [
            q(
                "dropdown",
                "group_size",
                "About how many people take part?",
                options=opts(*GROUP_SIZES),
            ),
            q(
                "number",
                "volunteer_hours",
                "About how many hours a month do you give to the group?",
                required=False,
                min_value=0,
                max_value=744,
            ),
            q(
                "date",
                "group_started",
                "When did the group start?",
                required=False,
                hint="An approximate date is fine.",
            ),
            q(
                "long_text",
                "group_support",
                "What support would help your group most over the next four years?",
                required=False,
                max_characters=1000,
            ),
        ],
        intro="You said you help run or volunteer with a group.",
        show_if=("involvement", "regularly"),
    ),
    section(
        "your_ideas",
        "Your ideas",
        [
            q(
                "long_text",
                "what_works",
                "Tell us about something your community did for itself that worked well",
                required=False,
                max_characters=1000,
            ),
            q(
                "yes_no",
                "want_updates",
                "Would you like to hear how we use what people told us?",
            ),
            q(
                "email",
                "updates_email",
                "Email address for updates",
                show_if_question="want_updates",
                show_if_option="yes",
                error_message="Enter the email address for updates",
            ),
            q(
                "postcode",
                "postcode",
                "What is your postcode?",
                required=False,
                hint="This helps us see which places we heard from. We do not use it to "
                "contact you.",
            ),
            q(
                "consent",
                "quote_consent",
                "May we quote your words, without your name, in our report?",
                required=False,
            ),
        ],
    ),
]

OTHER_WAYS = (
    "<p>You can also email your views, write to us, or ask us to post you a paper copy of "
    "the survey. We can send the survey in large print, Easy Read or another language, "
    "and we can ring you to go through it together.</p>"
)


def load(loader):
    home = loader.home
    communities, _ = ConsultationTopic.objects.get_or_create(
        slug="communities", defaults={"name": "Communities"}
    )
    voluntary, _ = ConsultationTopic.objects.get_or_create(
        slug="voluntary-sector", defaults={"name": "Voluntary and community sector"}
    )
    index = loader.page(
        home,
        ConsultationIndexPage,
        "have-your-say",
        title="Have your say",
        introduction="Consultations we are running now, coming up soon, and ones that have "
        "closed, with what we heard.",
        listing_summary="Answer our consultations and see what people told us.",
        show_in_menus=True,
    )

    strategy_2014 = loader.page(
        index,
        ConsultationPage,
        "communities-strategy-2014",
        title="Have your say on our proposed Communities Strategy",
        introduction="In 2014 we asked residents what they thought of our plans for working "
        "with communities: three priorities and eight building blocks.",
        listing_summary="The 2014 consultation on our proposed Communities Strategy.",
        opens_at=datetime.datetime(2014, 6, 23, 0, 0, tzinfo=LONDON),
        closes_at=datetime.datetime(2014, 9, 1, 23, 59, tzinfo=LONDON),
        body=loader.stream(
            [
                (
                    "paragraph",
                    "<p>Less money for services meant we needed to focus the help we give "
                    "communities. We proposed to help communities support the people who "
                    "need it most, and to help community groups design and run local "
                    "services, including some we could no longer afford to run.</p>"
                    "<p>We set out eight building blocks: the things that need to be in "
                    "place for a community to be strong and resilient.</p>",
                ),
            ]
        ),
        other_ways_to_respond=OTHER_WAYS,
        time_to_complete="about 10 minutes",
        how_answers_are_used="Your answers will shape the final strategy and its delivery plan.",
        survey=SURVEY_2014,
        ask_about_you=True,
        ask_equality=True,
    )
    strategy_2014.topics.set([communities, voluntary])
    strategy_2014.save_revision().publish()

    now = timezone.now().astimezone(LONDON)
    opened = (now - datetime.timedelta(days=14)).replace(hour=9, minute=0, second=0, microsecond=0)
    closes = (opened + datetime.timedelta(weeks=12)).replace(hour=23, minute=59)
    drop_in = (now + datetime.timedelta(days=10)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    approach = loader.page(
        index,
        ConsultationPage,
        "communities-approach-2022-26",
        title="Our Communities Approach 2022 to 2026",
        introduction="Tell us what you think of our draft approach to working with "
        "communities over the next four years.",
        listing_summary="Our draft approach to working with communities: have your say.",
        opens_at=opened,
        closes_at=closes,
        body=loader.stream(
            [
                (
                    "paragraph",
                    "<p>Our draft approach builds on what communities did during the "
                    "pandemic. It is about how we work with you, not only what we do.</p>"
                    "<p>It has three principles: <b>prevention</b> (helping people to help "
                    "themselves and each other), <b>engagement</b> (listening, and designing "
                    "solutions with communities) and <b>catalysts</b> (supporting voluntary "
                    "groups and town and parish councils to lead).</p>",
                ),
                (
                    "callout",
                    {
                        "text": "<p>We are listening for 12 weeks. You can answer the survey, "
                        "come to a group discussion, or email us.</p>"
                    },
                ),
            ]
        ),
        events=loader.stream(
            [
                (
                    "event",
                    {
                        "title": "Drop-in discussion: communities and the voluntary sector",
                        "starts_at": drop_in.strftime("%Y-%m-%dT%H:%M:%S"),
                        "ends_at": drop_in.replace(hour=16).strftime("%Y-%m-%dT%H:%M:%S"),
                        "place": "County Hall, Glenfield, Leicestershire LE3 8RA",
                        "accessibility": "Step-free entrance and accessible toilets. Hearing "
                        "loop in the meeting room. Ask us for an interpreter.",
                        "booking_url": "",
                    },
                ),
            ]
        ),
        other_ways_to_respond=OTHER_WAYS,
        time_to_complete="about 10 minutes",
        how_answers_are_used="We will read every answer. What you tell us will shape the "
        "final approach, which goes to the Cabinet and then the County Council.",
        survey=with_easy_read_wording(SURVEY_2022, loader),
        ask_about_you=True,
        ask_equality=True,
        **easy_read_fields(loader),
        confirmation_text="<p>We will publish a summary of what people told us, and what we "
        "changed, on this page after the engagement closes.</p>",
    )
    approach.topics.set([communities])
    approach.save_revision().publish()
    loader.say("  consultations: the 2014 strategy (closed) and the 2022-26 approach (open)")
