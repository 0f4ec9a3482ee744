"""Demo responses: Leicestershire's to its closed 2014 Communities Strategy
consultation (its published "We asked, you said, we did" is content, in
consultations.yaml), and Staffordshire's to its open consultation (below).

360 made-up responses spread over the consultation's ten weeks, the seven
languages, both versions, the districts and the kinds of respondent, with
free text in several languages, equality answers for most, and two code lists
of themes that an analyst has tagged the free text with. Generated from a fixed
seed, so every run makes the same responses; each has a fixed reference
(DEMO-2014-0001 and so on) and is skipped if it is already there.
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from consultations.models import Answer, ConsultationPage, EqualityAnswer, Response, Theme
from consultations.survey.types import registry

LONDON = ZoneInfo("Europe/London")
SLUG = "communities-strategy-2014"
HOW_MANY = 360
SEED = 2014
REFERENCE = "DEMO-2014-{:04d}"
TOKEN = "demo-communities-strategy-2014-{:04d}"

OPENS = datetime.datetime(2014, 6, 23, 7, 0, tzinfo=LONDON)
CLOSES = datetime.datetime(2014, 9, 1, 23, 0, tzinfo=LONDON)

SCALE = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree", "dont_know"]
# How answers to each grid statement lean, in the order of SCALE.
STATEMENT_WEIGHTS = {
    "priority_1": (31, 40, 12, 8, 4, 5),
    "priority_2": (17, 31, 21, 16, 8, 7),
    "priority_3": (21, 37, 21, 10, 4, 7),
    "understand_needs": (30, 42, 14, 6, 3, 5),
    "engagement": (27, 40, 16, 8, 4, 5),
    "communication": (35, 41, 12, 6, 2, 4),
    "local_councils": (16, 30, 24, 15, 8, 7),
    "champions": (20, 35, 23, 10, 5, 7),
    "volunteers": (36, 42, 11, 5, 2, 4),
    "hubs": (25, 38, 19, 9, 4, 5),
    "support_advice": (33, 42, 13, 5, 3, 4),
}
PRIORITY_CODES = ["priority_1", "priority_2", "priority_3"]
BUILDING_BLOCK_CODES = [
    "understand_needs",
    "engagement",
    "communication",
    "local_councils",
    "champions",
    "volunteers",
    "hubs",
    "support_advice",
]

LANGUAGES = {"en": 75, "pl": 7, "ur": 4, "gu": 4, "pa": 4, "bn": 3, "zh-hant": 3}
RESPONDENT_TYPES = {
    "individual": 70,
    "organisation": 12,
    "town_parish_council": 8,
    "councillor": 4,
    "staff": 6,
}
DISTRICTS = {
    "blaby": 12,
    "charnwood": 22,
    "harborough": 12,
    "hinckley_bosworth": 13,
    "melton": 7,
    "north_west_leicestershire": 13,
    "oadby_wigston": 9,
    "elsewhere": 3,
}

# The themes analysts coded the free text with: {question key: {code: name}}.
THEMES = {
    "community_could_do": {
        "good_neighbours": "Good neighbour schemes",
        "local_services": "Running local services",
        "young_people": "Activities for young people",
        "older_people": "Older and lonely people",
        "green_spaces": "Green spaces and footpaths",
    },
    "support_needed": {
        "funding": "Funding and grants",
        "training": "Training and advice",
        "volunteers": "Finding volunteers",
        "information": "Information and a named contact",
    },
}

# What residents wrote, by question, language and theme. Made up for the demo.
COULD_DO = {
    "en": [
        (
            "good_neighbours",
            "We could set up a good neighbour scheme so that older people get lifts to the "
            "surgery and help with their shopping.",
        ),
        (
            "good_neighbours",
            "Our street already keeps an eye on two elderly neighbours. A proper scheme "
            "would reach more people.",
        ),
        (
            "local_services",
            "The village could run the library with volunteers if the council kept the "
            "building going.",
        ),
        (
            "local_services",
            "A community bus driven by local volunteers could take people to the market "
            "town twice a week.",
        ),
        (
            "young_people",
            "There is nothing for teenagers here. Parents could run a youth club in the "
            "church hall on Friday nights.",
        ),
        ("young_people", "We could start a homework club at the community centre after school."),
        ("older_people", "A weekly lunch club would stop older people being so lonely."),
        (
            "older_people",
            "We could run a memory café for people with dementia and the people who look "
            "after them.",
        ),
        ("green_spaces", "Volunteers could look after the footpaths and the play area."),
        ("green_spaces", "A litter pick once a month would bring neighbours together."),
    ],
    "easy_read": [
        ("older_people", "A club where older people can meet."),
        ("young_people", "More things for young people to do."),
        ("good_neighbours", "Help people who live next door."),
        ("green_spaces", "Keep the park clean."),
    ],
    "pl": [
        (
            "good_neighbours",
            "Możemy pomagać starszym sąsiadom w zakupach i w dojazdach do lekarza.",
        ),
        ("young_people", "Rodzice mogliby prowadzić zajęcia dla dzieci w soboty rano."),
        ("older_people", "Parafia mogłaby organizować spotkania dla osób samotnych."),
        ("local_services", "Chętnie pomożemy prowadzić bibliotekę, jeśli będzie szkolenie."),
    ],
    "ur": [
        ("older_people", "ہم مسجد میں بزرگوں کے لیے ہفتہ وار کھانے کا انتظام کر سکتے ہیں۔"),
        ("young_people", "نوجوانوں کے لیے کھیلوں کا کلب شروع کیا جا سکتا ہے۔"),
        (
            "good_neighbours",
            "پڑوسی ایک دوسرے کی خریداری اور ڈاکٹر کے پاس جانے میں مدد کر سکتے ہیں۔",
        ),
    ],
    "gu": [
        ("older_people", "અમે મંદિરમાં વડીલો માટે અઠવાડિયામાં એક વાર ભોજન ગોઠવી શકીએ."),
        ("young_people", "યુવાનો માટે રમતગમતની ક્લબ શરૂ કરી શકાય."),
        ("good_neighbours", "પડોશીઓ એકબીજાને ખરીદીમાં મદદ કરી શકે."),
    ],
    "pa": [
        ("older_people", "ਅਸੀਂ ਗੁਰਦੁਆਰੇ ਵਿੱਚ ਬਜ਼ੁਰਗਾਂ ਲਈ ਹਫ਼ਤਾਵਾਰੀ ਮਿਲਣੀ ਕਰ ਸਕਦੇ ਹਾਂ।"),
        ("young_people", "ਨੌਜਵਾਨਾਂ ਲਈ ਖੇਡਾਂ ਦਾ ਕਲੱਬ ਸ਼ੁਰੂ ਕੀਤਾ ਜਾ ਸਕਦਾ ਹੈ।"),
        ("good_neighbours", "ਗੁਆਂਢੀ ਇੱਕ ਦੂਜੇ ਦੀ ਖਰੀਦਦਾਰੀ ਵਿੱਚ ਮਦਦ ਕਰ ਸਕਦੇ ਹਨ।"),
    ],
    "bn": [
        ("older_people", "আমরা বয়স্কদের জন্য সাপ্তাহিক দুপুরের খাবারের আয়োজন করতে পারি।"),
        ("young_people", "তরুণদের জন্য একটি খেলাধুলার ক্লাব শুরু করা যায়।"),
        ("good_neighbours", "প্রতিবেশীরা একে অপরকে বাজার করতে সাহায্য করতে পারে।"),
    ],
    "zh-hant": [
        ("older_people", "我們可以每星期為長者舉辦午餐聚會。"),
        ("young_people", "可以為青少年開辦運動俱樂部。"),
        ("good_neighbours", "鄰居可以互相幫忙買菜和接送看醫生。"),
    ],
}
SUPPORT = {
    "en": [
        ("funding", "A small grant to get started, and help to apply for bigger funds later."),
        ("funding", "Help with insurance and with the cost of hiring the hall."),
        ("training", "Training for volunteers in first aid and safeguarding."),
        ("training", "Advice on becoming a charity and on keeping the accounts."),
        ("volunteers", "Help to find new volunteers. The same few people do everything."),
        ("volunteers", "Quicker checks for new volunteers, at no cost to small groups."),
        (
            "information",
            "One named person at the council to talk to, instead of being passed around.",
        ),
        (
            "information",
            "Tell us what is already happening nearby, so that we do not start from scratch.",
        ),
    ],
    "easy_read": [
        ("funding", "Some money to start."),
        ("information", "Letters in easy words."),
        ("training", "Someone to show us how."),
    ],
    "pl": [
        ("funding", "Niewielkie dofinansowanie na start i pomoc w wypełnianiu wniosków."),
        ("training", "Szkolenia dla wolontariuszy, najlepiej wieczorami."),
        ("information", "Informacje po polsku o tym, jak założyć grupę."),
    ],
    "ur": [
        ("funding", "شروع کرنے کے لیے تھوڑی سی مالی مدد۔"),
        ("information", "کونسل کی معلومات اردو میں بھی ملنی چاہییں۔"),
    ],
    "gu": [
        ("funding", "શરૂઆત કરવા માટે થોડી આર્થિક મદદ."),
        ("information", "ગુજરાતીમાં માહિતી મળે તો ઘણું સારું."),
    ],
    "pa": [
        ("funding", "ਸ਼ੁਰੂ ਕਰਨ ਲਈ ਥੋੜ੍ਹੀ ਮਾਲੀ ਮਦਦ।"),
        ("training", "ਵਲੰਟੀਅਰਾਂ ਲਈ ਸਿਖਲਾਈ।"),
    ],
    "bn": [
        ("funding", "শুরু করার জন্য সামান্য আর্থিক সাহায্য।"),
        ("information", "বাংলায় তথ্য পেলে অনেক সুবিধা হবে।"),
    ],
    "zh-hant": [
        ("funding", "開始時需要少量資助。"),
        ("information", "希望有中文資料說明怎樣成立小組。"),
    ],
}

AGE_BANDS = {
    "under_16": 1,
    "16_24": 6,
    "25_34": 12,
    "35_44": 17,
    "45_54": 20,
    "55_64": 20,
    "65_74": 16,
    "75_plus": 8,
}
ETHNIC_GROUPS = {
    "en": {"white": 86, "asian": 8, "black": 2, "mixed": 2, "other_ethnic_group": 2},
    "pl": {"white": 1},
    "ur": {"asian": 1},
    "gu": {"asian": 1},
    "pa": {"asian": 1},
    "bn": {"asian": 1},
    "zh-hant": {"asian": 1},
}
RELIGIONS = {
    "en": {
        "christian": 50,
        "no_religion": 36,
        "hindu": 4,
        "muslim": 4,
        "sikh": 3,
        "jewish": 1,
        "buddhist": 1,
        "other_religion": 1,
    },
    "pl": {"christian": 85, "no_religion": 15},
    "ur": {"muslim": 1},
    "gu": {"hindu": 80, "muslim": 15, "other_religion": 5},
    "pa": {"sikh": 85, "hindu": 10, "no_religion": 5},
    "bn": {"muslim": 85, "hindu": 15},
    "zh-hant": {"no_religion": 50, "buddhist": 30, "christian": 20},
}
PREFER_NOT = "prefer_not_to_say"


def pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def submitted_at(rng):
    """A busy first fortnight, a rush before the closing date, steady in between."""
    days = (CLOSES.date() - OPENS.date()).days
    roll = rng.random()
    if roll < 0.25:
        day = rng.randint(0, 13)
    elif roll < 0.45:
        day = rng.randint(days - 9, days)
    else:
        day = rng.randint(0, days)
    moment = datetime.datetime.combine(
        OPENS.date() + datetime.timedelta(days=day),
        datetime.time(rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59)),
        tzinfo=LONDON,
    )
    return min(max(moment, OPENS), CLOSES)


def agreement(rng, statement, lean):
    weights = list(STATEMENT_WEIGHTS[statement])
    # Some people agree with everything, some with little.
    if lean > 0:
        weights[0] += 15
        weights[1] += 10
    elif lean < 0:
        weights[3] += 10
        weights[4] += 8
    return rng.choices(SCALE, weights=weights)[0]


def written(rng, bank, language, version):
    """A free-text answer and its theme, in the language the resident answered
    in (so that the officers' pages mark its language truthfully)."""
    if language != "en":
        source = bank[language]
    elif version == "easy_read":
        source = bank["easy_read"]
    else:
        source = bank["en"]
    theme, text = rng.choice(source)
    return text, theme


def equality_answers(rng, language):
    if rng.random() > 0.8:
        return {}
    choices = {
        "age_band": AGE_BANDS,
        "sex": {"female": 55, "male": 45},
        "gender_identity": {"yes": 97, "no": 3},
        "disability": {"yes": 18, "no": 82},
        "ethnic_group": ETHNIC_GROUPS[language],
        "religion": RELIGIONS[language],
    }
    answers = {}
    for key, weights in choices.items():
        roll = rng.random()
        if roll < 0.08:
            answers[key] = PREFER_NOT
        elif roll < 0.93:
            answers[key] = pick(rng, weights)
    return answers


def generate():
    """Every demo response as plain data, the same on every run."""
    rng = random.Random(SEED)
    responses = []
    for number in range(1, HOW_MANY + 1):
        language = pick(rng, LANGUAGES)
        version = "easy_read" if rng.random() < (0.1 if language == "en" else 0.04) else "standard"
        lean = rng.choice([-1, 0, 0, 0, 1, 1])
        grid = [("priority_agreement", code, agreement(rng, code, lean)) for code in PRIORITY_CODES]
        grid += [
            ("building_block_agreement", code, agreement(rng, code, lean))
            for code in BUILDING_BLOCK_CODES
        ]
        texts = []
        if rng.random() < 0.45:
            texts.append(("community_could_do", *written(rng, COULD_DO, language, version)))
        if rng.random() < 0.35:
            texts.append(("support_needed", *written(rng, SUPPORT, language, version)))
        responses.append(
            {
                "number": number,
                "language": language,
                "version": version,
                "submitted_at": submitted_at(rng),
                "respondent_type": pick(rng, RESPONDENT_TYPES),
                "district": pick(rng, DISTRICTS),
                "grid": grid,
                "texts": texts,
                "equality": equality_answers(rng, language),
            }
        )
    return responses


def consultation():
    return ConsultationPage.objects.get(slug=SLUG, locale__language_code="en")


def store_new_responses(page, wanted, reference, token, fields=lambda item: {}):
    """Stores the generated responses to ``page`` that are not there yet, by
    reference (so loading again adds nothing); returns them and their ids by
    number."""
    prefix = reference.partition("{")[0]
    existing = set(
        Response.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
    )
    wanted = [item for item in wanted if reference.format(item["number"]) not in existing]
    Response.objects.bulk_create(
        Response(
            consultation_key=page.translation_key,
            page=page,
            reference=reference.format(item["number"]),
            submission_token=token.format(item["number"]),
            language=item["language"],
            submitted_at=item["submitted_at"],
            **fields(item),
        )
        for item in wanted
    )
    by_reference = dict(
        Response.objects.filter(
            reference__in=[reference.format(item["number"]) for item in wanted]
        ).values_list("reference", "pk")
    )
    ids = {item["number"]: by_reference[reference.format(item["number"])] for item in wanted}
    return wanted, ids


@transaction.atomic
def load_responses(page):
    """Create the demo responses that are not there yet; return how many."""
    wanted, ids = store_new_responses(
        page,
        generate(),
        REFERENCE,
        TOKEN,
        lambda item: {
            "version": item["version"],
            "respondent_type": item["respondent_type"],
            "district": item["district"],
        },
    )
    if not wanted:
        return 0
    answers, equality = [], []
    for item in wanted:
        response_id = ids[item["number"]]
        for key, statement, code in item["grid"]:
            answers.append(
                Answer(
                    response_id=response_id,
                    question_key=key,
                    question_type="grid",
                    item_key=statement,
                    option_code=code,
                )
            )
        for key, text, _theme in item["texts"]:
            answers.append(
                Answer(
                    response_id=response_id,
                    question_key=key,
                    question_type="long_text",
                    text=text,
                )
            )
        for key, code in item["equality"].items():
            equality.append(
                EqualityAnswer(response_id=response_id, question_key=key, option_code=code)
            )
    Answer.objects.bulk_create(answers, batch_size=500)
    EqualityAnswer.objects.bulk_create(equality, batch_size=500)
    tag_themes(page, wanted, ids)
    return len(wanted)


def tag_themes(page, created, ids):
    """The analysts' code lists, with the new free-text answers tagged."""
    themes = {}
    for question_key, names in THEMES.items():
        for code, name in names.items():
            themes[question_key, code], _ = Theme.objects.get_or_create(
                consultation_key=page.translation_key, question_key=question_key, name=name
            )
    text_answers = {
        (response_id, key): pk
        for pk, response_id, key in Answer.objects.filter(
            response_id__in=ids.values(), question_type="long_text"
        ).values_list("pk", "response_id", "question_key")
    }
    Through = Theme.answers.through
    links = []
    for item in created:
        response_id = ids[item["number"]]
        for key, _text, theme in item["texts"]:
            links.append(
                Through(theme_id=themes[key, theme].pk, answer_id=text_answers[response_id, key])
            )
    Through.objects.bulk_create(links, ignore_conflicts=True)


def load_leicestershire(loader):
    created = load_responses(consultation())
    loader.say(f"  {created} new demo responses to the 2014 consultation")


# Staffordshire: "What would help you do your bit?", open while the demo runs.
# A few dozen responses since it opened, in English and the languages
# Staffordshire offers, so that its analysts have something to read and export.

STAFFS_URL_PATH = "/staffordshire/have-your-say/doing-our-bit/"
STAFFS_HOW_MANY = 40
STAFFS_SEED = 2020
STAFFS_REFERENCE = "DEMO-STAFFS-{:04d}"
STAFFS_TOKEN = "demo-staffordshire-doing-our-bit-{:04d}"
STAFFS_LANGUAGES = {"en": 82, "pa": 6, "ur": 6, "pl": 6}
HELPED = {"regularly": 30, "now_and_then": 45, "not_yet": 25}
EASY_TO_HELP = (12, 30, 22, 20, 8, 8)  # in the order of SCALE
WHAT_WOULD_HELP = {
    "en": [
        "A list of the groups near me that need volunteers, and what they need.",
        "Evening and weekend volunteering, as I work during the day.",
        "Help for my mum to get online so that she can join the village group's chats.",
        "Someone to ring who can tell me where to start.",
        "Knowing that I can help for an hour now and then without signing up to every week.",
        "Small grants for street parties and litter picks.",
        "A lift to the community centre: there is no bus after six.",
        "Training in first aid and in keeping people safe.",
    ],
    "pa": [
        "ਨੇੜੇ ਦੇ ਗਰੁੱਪਾਂ ਦੀ ਜਾਣਕਾਰੀ ਪੰਜਾਬੀ ਵਿੱਚ ਮਿਲੇ ਤਾਂ ਚੰਗਾ ਹੋਵੇਗਾ।",
        "ਸ਼ਾਮ ਨੂੰ ਮਦਦ ਕਰਨ ਦੇ ਮੌਕੇ।",
    ],
    "ur": [
        "قریبی گروپوں کی معلومات اردو میں مل جائیں تو آسانی ہو گی۔",
        "ہفتے کے آخر میں مدد کرنے کے مواقع۔",
    ],
    "pl": [
        "Lista grup w okolicy, które szukają wolontariuszy.",
        "Informacje po polsku o tym, jak zacząć pomagać.",
    ],
}


def staffordshire_consultation():
    return ConsultationPage.objects.get(url_path=STAFFS_URL_PATH, locale__language_code="en")


def generate_staffordshire(opens, until):
    """Staffordshire's demo responses as plain data, submitted between
    ``opens`` and ``until``: the same for the same dates."""
    rng = random.Random(STAFFS_SEED)
    span = max((until - opens).total_seconds(), 60)
    responses = []
    for number in range(1, STAFFS_HOW_MANY + 1):
        language = pick(rng, STAFFS_LANGUAGES)
        said = {
            "helped_since_2020": pick(rng, HELPED),
            "easy_to_help": rng.choices(SCALE, weights=EASY_TO_HELP)[0],
        }
        if rng.random() < 0.6:
            said["what_would_help"] = rng.choice(WHAT_WOULD_HELP[language])
        responses.append(
            {
                "number": number,
                "language": language,
                "submitted_at": opens + datetime.timedelta(seconds=rng.uniform(0, span)),
                "said": said,
            }
        )
    return responses


@transaction.atomic
def load_staffordshire_responses(page):
    """Create Staffordshire's demo responses that are not there yet; return how many."""
    until = min(timezone.now(), page.closes_at) if page.closes_at else timezone.now()
    wanted, ids = store_new_responses(
        page, generate_staffordshire(page.opens_at, until), STAFFS_REFERENCE, STAFFS_TOKEN
    )
    survey = page.survey_definition
    answers = [
        Answer(response_id=ids[item["number"]], **row)
        for item in wanted
        for key, value in item["said"].items()
        for row in registry.type_of(survey.question(key)).answer_rows(survey.question(key), value)
    ]
    Answer.objects.bulk_create(answers, batch_size=500)
    return len(wanted)


def load_staffordshire(loader):
    created = load_staffordshire_responses(staffordshire_consultation())
    loader.say(f"  {created} new demo responses to Staffordshire's consultation")


# Each council's demo responses, by its folder under demo/content/.
COUNCILS = {"leicestershire": load_leicestershire, "staffordshire": load_staffordshire}


def load(loader, council=None):
    """The demo responses of one council (by its folder's name), or of every
    council that has them."""
    for name in [council] if council else COUNCILS:
        if name in COUNCILS:
            COUNCILS[name](loader)
