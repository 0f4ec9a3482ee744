"""Demo case studies: the five in the 2014 Leicestershire strategy and four
from the Cambridgeshire community resilience report (March 2017). Facts and
figures come from those documents; the words are the site's own."""

from decimal import Decimal

from django.apps import apps

from case_studies import illustrations
from case_studies.models import CaseStudyImage, CaseStudyIndexPage, CaseStudyPage

INTRODUCTION = (
    "Real projects run by communities, with the help they had and what changed. Use the "
    "filters to find projects near you or ones that show a part of our strategy."
)

# Each priority and building block is found by a word in its title, so that the
# demo does not depend on how the strategy's pages are named in the address.
CASE_STUDIES = [
    {
        "slug": "market-harborough-dementia-cafe",
        "title": "Market Harborough Dementia Café",
        "place": "Market Harborough",
        "district": "Harborough",
        "summary": "A monthly café where people living with dementia and the family members "
        "who care for them meet, share information and take a break.",
        "background": "<p>Harborough district has the largest share of people aged 65 and "
        "over in the county. The NHS expects that by 2025 between 10 and 15% of "
        "Leicestershire families will be affected by dementia in some way.</p><p>Volunteers "
        "spent months talking to care groups before opening the café in 2011, to be sure "
        "there was a real gap. More than 120 people signed up as members after it opened "
        "in March 2011, and new members keep arriving.</p>",
        "benefits": "<p>Being told you have dementia can leave you and your family feeling "
        "alone. The café is one of very few places in the district that supports the person "
        "with dementia and their carer together.</p><ul><li>a library of books and leaflets "
        "for members</li><li>memory workshops at the monthly meetings</li><li>a 'Singing for "
        "Memories' group on the first Tuesday of each month</li><li>guest speakers, and "
        "always coffee, cake and conversation</li></ul>",
        "who": "<p>Local volunteers run the café. The NHS Community Mental Health Team "
        "helped to set it up and has a partnership agreement with it. Voluntary Action "
        "South Leicestershire gave advice in the early days.</p>",
        "support": "<p>The Rotary Club of Market Harborough and Robert Smyth Academy put on "
        "a Christmas concert each year, with the school's jazz band.</p>",
        "funding_amount": None,
        "funding_source": "Sainsbury's sponsorship",
        "outcomes": "<p>A two-year sponsorship from the local Sainsbury's paid for running "
        "costs and food, and some of its staff trained as café volunteers.</p>",
        "next_steps": "",
        "quote": "Everyone is welcome, and nobody has to explain themselves here.",
        "quote_speaker": "Café volunteer",
        "priorities": ["vulnerable"],
        "blocks": ["volunteer", "advice"],
        "picture": (
            illustrations.dementia_cafe,
            "Illustration: two people either side of a "
            "café table with a cup of coffee and a slice of cake.",
        ),
    },
    {
        "slug": "long-clawson-good-neighbour-scheme",
        "title": "Long Clawson Good Neighbour Scheme",
        "place": "Long Clawson",
        "district": "Melton",
        "summary": "Checked volunteers give neighbours practical help, company and lifts, "
        "arranged through one phone line open 12 hours a day.",
        "background": "<p>Anyone in the village can ask for help. A coordinator answers "
        "calls from 8am to 8pm every day and matches each request with one of the "
        "scheme's volunteers, all of whom have had a DBS check.</p>",
        "benefits": "<ul><li>company: a chat, a cup of tea, a game of Scrabble</li><li>help "
        "while recovering from illness: gardening, light housework, pets, the school run"
        "</li><li>lifts to hospital, the doctor, the dentist, the optician, the "
        "hairdresser and the shops</li><li>small jobs like changing a light bulb or moving "
        "furniture</li><li>help with letters, forms, email and the internet, and reading "
        "aloud for people who cannot see well</li></ul>",
        "who": "<p>Volunteers from the village, with a coordinator who takes the calls.</p>",
        "support": "<p>The county council gave a grant towards the scheme's costs.</p>",
        "funding_amount": Decimal("3847"),
        "funding_source": "Leicestershire County Council",
        "outcomes": "<p>Small, early help like this can stop a fall at home that would "
        "otherwise end in hospital. People often only turn to formal services once they "
        "need expensive care, so a neighbour's help reaches them sooner.</p>",
        "next_steps": "",
        "quote": "",
        "quote_speaker": "",
        "priorities": ["vulnerable"],
        "blocks": ["volunteer", "champion"],
        "picture": (
            illustrations.good_neighbour,
            "Illustration: two people talking on the path between two village houses.",
        ),
    },
    {
        "slug": "chalfont-st-giles-community-library",
        "title": "Chalfont St Giles community library",
        "place": "Chalfont St Giles, Buckinghamshire",
        "district": "Chiltern",
        "summary": "Volunteers took over a small village library, opened it for longer and "
        "grew its book stock, while it stayed part of the county's library network.",
        "background": "<p>Around 50 unpaid volunteers run the library, most of them "
        "retired. Two are on duty at any time, and most give half a day every two weeks. "
        "Skills in management, money, marketing and fundraising all help, as does access "
        "to advice on data protection and safeguarding.</p>",
        "benefits": "<ul><li>opening hours went up from 20 to 34.5 a week</li><li>the book "
        "stock grew by 60%</li><li>borrowing rose every year from 2007 to 2012</li><li>"
        "readers can still reserve any of more than 6 million books in the wider network"
        "</li></ul>",
        "who": "<p>The community library's volunteers and its chair.</p>",
        "support": "<p>The county council trained the volunteers on the library system and "
        "still runs refresher training when it is needed.</p>",
        "funding_amount": None,
        "funding_source": "",
        "outcomes": "<p>Residents use it just like any county library. The volunteers think "
        "the model suits a small, quiet library in a village with plenty of people who "
        "have time and skills; it would be harder in a busy town library in a deprived "
        "area.</p>",
        "next_steps": "",
        "quote": "What a volunteer-run library needs most is a strong community that wants "
        "to keep it open. It can be done.",
        "quote_speaker": "Chair of Chalfont St Giles Community Library",
        "priorities": ["design"],
        "blocks": ["volunteer", "hub"],
        "picture": (
            illustrations.community_library,
            "Illustration: a library bookcase of "
            "coloured books with a volunteer standing beside it.",
        ),
    },
    {
        "slug": "anstey-and-thurcaston-footpath",
        "title": "Anstey and Thurcaston footpath",
        "place": "Anstey and Thurcaston",
        "district": "Charnwood",
        "summary": "Two parish councils and 20 volunteers built a safe footpath between two "
        "villages that had only a 60 mph road or a two-mile walk over fields.",
        "background": "<p>An Anstey mother who walked her children to playgroup in "
        "Thurcaston first asked for the path. The road between the villages had no "
        "pavement and a 60 mph limit; the other way was two miles across fields.</p>",
        "benefits": "<p>People can now walk safely between the villages: parents with "
        "children, dog walkers, runners, pupils going home from Anstey Martin High School, "
        "and visitors to the riding school. There is less traffic on Anstey Lane.</p>",
        "who": "<p>Anstey Parish Council and Thurcaston and Cropston Parish Council ran the "
        "project through a joint committee. Anstey stored and moved the materials and got "
        "landowners' permission to cut back hedges; as a Quality Parish Council it could "
        "use the general power of competence. Thurcaston and Cropston found most of the "
        "volunteers, and 20 of them laid the path in September 2012 with two digger "
        "drivers.</p>",
        "support": "<p>The county council found out who owned the land, checked for phone "
        "lines and sewers, closed the road and looked into liability. A highways engineer "
        "was on site every day. Local businesses gave lunches, storage and a place to park.</p>",
        "funding_amount": Decimal("9311"),
        "funding_source": "Leicestershire County Council",
        "outcomes": "<p>The path was finished on time and on budget. Each parish council "
        "also put in £1,000.</p>",
        "next_steps": "<p>The parish councils look after the path under a legal agreement "
        "with the county council.</p>",
        "quote": "",
        "quote_speaker": "",
        "priorities": ["design"],
        "blocks": ["parish", "volunteer"],
        "picture": (
            illustrations.footpath,
            "Illustration: an adult and a child walking on a new footpath between two villages.",
        ),
    },
    {
        "slug": "birstall-youth-cafe",
        "title": "Birstall Youth Café",
        "place": "Birstall",
        "district": "Charnwood",
        "summary": "A grant helped Birstall Parish Council extend its pavilion so that its "
        "youth café could reach young people that other services find hard to reach.",
        "background": "<p>The parish council got planning permission to extend the pavilion "
        "and make more room for the youth café. The extension is built and in use.</p>",
        "benefits": "<p>The extra space means more activities, including an alternative "
        "curriculum for young people who are not getting on at school. Counselling and "
        "skills work now covers sexual health, tobacco, drugs and alcohol, and behaviour "
        "agreements. Other groups, such as family groups, use the building too.</p>",
        "who": "<p>All 20 parish councillors took an interest, and every contractor was "
        "local. Four youth workers and many of the café's young members helped design the "
        "inside, chose the flooring and painted the walls.</p>",
        "support": "<p>The county council's Big Society Grant Fund paid for the expansion.</p>",
        "funding_amount": Decimal("9250"),
        "funding_source": "Big Society Grant Fund",
        "outcomes": "<p>Anti-social behaviour in the village has fallen noticeably. The "
        "project shows that, with local leaders behind it, a community can tackle a problem "
        "it cares about.</p>",
        "next_steps": "<p>Mountsorrel, Barrow upon Soar and Anstey want to follow the same "
        "approach.</p>",
        "quote": "The young people painted these walls themselves. It is their place.",
        "quote_speaker": "Youth worker, Birstall",
        "priorities": ["design", "vulnerable"],
        "blocks": ["parish", "hub"],
        "picture": (
            illustrations.youth_cafe,
            "Illustration: the youth café building with two young people outside.",
        ),
    },
    {
        "slug": "warboys-timebank",
        "title": "Warboys Timebank",
        "place": "Warboys and Upwood",
        "district": "Huntingdonshire",
        "summary": "Neighbours swap time instead of money: an hour of help given earns an "
        "hour of help back.",
        "background": "<p>The local county councillor worked with the parish councils to "
        "set up a timebank, as part of a programme helping councillors build community "
        "capacity in their divisions.</p>",
        "benefits": "<p>Everyone's hour counts the same, so people who need help can also "
        "give it, which builds confidence and friendships.</p>",
        "who": "<p>The county councillor, the parish councils of Warboys and Upwood, and "
        "the timebank's members.</p>",
        "support": "<p>Cambridgeshire County Council's programme for councillors gave "
        "ideas and practical help.</p>",
        "funding_amount": None,
        "funding_source": "",
        "outcomes": "<p>The timebank is one of the examples Cambridgeshire reported to its "
        "committee in March 2017.</p>",
        "next_steps": "<p>The county's innovation fund has received a bid to spread "
        "timebanks across the county, especially for older and isolated people.</p>",
        "quote": "",
        "quote_speaker": "",
        "priorities": ["vulnerable"],
        "blocks": ["parish", "volunteer"],
        "picture": (
            illustrations.timebank,
            "Illustration: two people either side of a large clock face.",
        ),
    },
    {
        "slug": "brampton-village-hub",
        "title": "Brampton village hub",
        "place": "Brampton",
        "district": "Huntingdonshire",
        "summary": "A village planning a hub for older and disabled people, with a small "
        "library run by volunteers, computer help and befriending.",
        "background": "<p>Brampton is one of four community resilience learning sites in "
        "Cambridgeshire, where council officers help a community plan and run the "
        "activities it thinks matter most.</p>",
        "benefits": "<ul><li>a micro library</li><li>IT mentoring</li><li>a good "
        "neighbour and befriending scheme</li></ul>",
        "who": "<p>Brampton residents and volunteers, with library staff from the county "
        "council.</p>",
        "support": "<p>Library staff trained the volunteers to run their own library, "
        "which opened in March 2017 with spare stock from the council's catalogue and ten "
        "Kindle Fire tablets on loan for people with sight loss.</p>",
        "funding_amount": None,
        "funding_source": "",
        "outcomes": "<p>The library is open and run by volunteers.</p>",
        "next_steps": "<p>The innovation fund has a bid to develop the village hub "
        "further, for people who are lonely, vulnerable or close to crisis.</p>",
        "quote": "",
        "quote_speaker": "",
        "priorities": ["vulnerable", "design"],
        "blocks": ["hub", "advice"],
        "picture": (
            illustrations.village_hub,
            "Illustration: a village hall with lit windows and two people arriving.",
        ),
    },
    {
        "slug": "melbourn-edible-garden",
        "title": "Melbourn Edible Garden",
        "place": "Melbourn",
        "district": "South Cambridgeshire",
        "summary": "A school garden where pupils and neighbours grow food together, started "
        "with a small community grant.",
        "background": "<p>The local county councillor encouraged the village school to "
        "apply to the Cultivating Communities fund for an edible garden.</p>",
        "benefits": "<p>Children learn where food comes from, and the garden brings "
        "families and older neighbours into the school grounds.</p>",
        "who": "<p>The school, its pupils and families, and the county councillor.</p>",
        "support": "<p>Help with the grant application from the councillor.</p>",
        "funding_amount": None,
        "funding_source": "Cultivating Communities fund",
        "outcomes": "<p>Cambridgeshire reported the garden as a continuing success in March "
        "2017.</p>",
        "next_steps": "",
        "quote": "",
        "quote_speaker": "",
        "priorities": ["vulnerable"],
        "blocks": ["volunteer", "engagement"],
        "picture": (
            illustrations.edible_garden,
            "Illustration: a row of vegetable plants with red tomatoes in a raised bed.",
        ),
    },
    {
        "slug": "wisbech-time-credits",
        "title": "Wisbech Time Credits",
        "place": "Wisbech",
        "district": "Fenland",
        "summary": "Volunteers earn a time credit for each hour they give and spend it on "
        "activities, a scheme that started in Wisbech and spread across Cambridgeshire.",
        "background": "<p>Wisbech was the first town in Cambridgeshire to use time credits. "
        "The scheme then spread to Cambridge, Ely and Littleport, March, St Neots, "
        "Huntingdon and Chatteris.</p>",
        "benefits": "<p>People who had never volunteered before are giving their time: "
        "49% of members were not regular volunteers before they joined.</p>",
        "who": "<p>1,500 people in 70 organisations and teams.</p>",
        "support": "<p>Cambridgeshire County Council set up and expanded the scheme.</p>",
        "funding_amount": None,
        "funding_source": "",
        "outcomes": "<p>About 25,000 extra hours of volunteering. The scheme won a national "
        "award for excellence in community engagement.</p>",
        "next_steps": "",
        "quote": "",
        "quote_speaker": "",
        "priorities": ["vulnerable", "voluntary"],
        "blocks": ["volunteer"],
        "picture": (
            illustrations.time_credits,
            "Illustration: a time credit card with a gold coin, held up between two volunteers.",
        ),
    },
]


def find_pages(model_name, words):
    """Live English strategy pages whose titles contain each word (most recent
    strategy first), or nothing when the strategy app has no such page."""
    if not apps.is_installed("strategy"):
        return []
    model = apps.get_model("strategy", model_name)
    found = []
    for word in words:
        page = (
            model.objects.live()
            .filter(title__icontains=word, locale__language_code="en")
            .order_by("path")
            .first()
        )
        if page is not None and page not in found:
            found.append(page)
    return found


def load(loader):
    home = loader.home
    index = loader.page(
        home,
        CaseStudyIndexPage,
        "case-studies",
        title="Case studies",
        introduction=INTRODUCTION,
        listing_summary="Projects run by communities, with the help they had and what changed.",
        show_in_menus=True,
    )
    for data in CASE_STUDIES:
        draw, description = data["picture"]
        image = loader.image(
            f"{data['title']} (illustration)",
            f"{data['slug']}.svg",
            draw(),
            collection="Case studies",
            description=description,
        )
        loader.page(
            index,
            CaseStudyPage,
            data["slug"],
            title=data["title"],
            place=data["place"],
            district=data["district"],
            listing_summary=data["summary"],
            listing_image=image,
            background=data["background"],
            benefits=data["benefits"],
            who_was_involved=data["who"],
            support_given=data["support"],
            funding_amount=data["funding_amount"],
            funding_source=data["funding_source"],
            outcomes=data["outcomes"],
            next_steps=data["next_steps"],
            quote=data["quote"],
            quote_speaker=data["quote_speaker"],
            priorities=find_pages("PriorityPage", data["priorities"]),
            building_blocks=find_pages("BuildingBlockPage", data["blocks"]),
            gallery_images=[CaseStudyImage(image=image, caption="")],
        )
    loader.say(f"  case studies: {len(CASE_STUDIES)} under {index.url_path}")
