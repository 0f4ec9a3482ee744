"""Demo strategies: Leicestershire's 2014 Communities Strategy in full, and the
draft Communities Approach 2022 to 2026 as the current strategy.

Names, figures and dates come from the council's documents in shared/seeds;
every sentence is written for this site.
"""

from strategy import demo_easy_read
from strategy.models import (
    BuildingBlockPage,
    CommunitiesModelPage,
    ForewordPage,
    PriorityBuildingBlock,
    PriorityPage,
    StrategyPage,
    StrategySectionPage,
)

# The 2022-26 Communities Approach ---------------------------------------------

APPROACH_INTRODUCTION = (
    "Our draft plan for how the county council will work alongside Leicestershire's "
    "communities, voluntary groups and town and parish councils from 2022 to 2026."
)

APPROACH_PRINCIPLES = [
    (
        "Prevention",
        "We will help people to look after themselves and each other before problems "
        "grow. That means the information and advice we give must be easy to find, easy "
        "to understand and arrive when people need it, so that fewer people need our "
        "services later.",
    ),
    (
        "Engagement",
        "We will listen first. Our departments and partners will work together, take "
        "their lead from residents and communities, and build trust through conversation, "
        "so that answers are shaped and agreed locally.",
    ),
    (
        "Catalysts",
        "Voluntary and community groups, social enterprises and town and parish councils "
        "will get the support and the freedom they need to work together and run a wide "
        "range of services and activities for people and places.",
    ),
]

APPROACH_BACKGROUND = [
    ("heading", {"text": "What the last strategy achieved", "size": "h2"}),
    (
        "paragraph",
        "<p>Our Communities Strategy for 2017 to 2021 ends in 2021. Under it we:</p><ul>"
        "<li>paid Voluntary Action Leicestershire, the Rural Community Council and the "
        "Cooperative and Social Development Agency to support voluntary groups and social "
        "enterprises</li><li>worked closely with town and parish councils through their "
        "county association</li><li>built on people's and places' strengths when we planned "
        "services</li><li>helped the growing number of groups writing neighbourhood "
        "plans</li><li>started a county-wide approach to tackling loneliness</li></ul>",
    ),
    ("heading", {"text": "During the pandemic", "size": "h2"}),
    (
        "paragraph",
        "<p>When Covid-19 arrived, the county council hosted the Local Resilience Forum and "
        "led its work with voluntary, faith and community groups. Our Communities Fund "
        "helped groups cope with the cost of the pandemic and keep helping people who "
        "needed them: across three rounds it made 379 grants worth almost £2.6 million.</p>"
        "<p>A Communities Board, with officers from every department of the council, now "
        "oversees this work and keeps the strategy up to date.</p>",
    ),
    ("heading", {"text": "What shaped the new approach", "size": "h2"}),
    (
        "paragraph",
        "<ul><li>what we learned from the ways of working that already made a difference"
        "</li><li>how much communities and voluntary groups did before and during the "
        "pandemic</li><li>recovery from the pandemic, and the government's aims to 'build "
        "back better' and 'level up'</li></ul><p>The new approach builds on the priorities "
        "of the earlier strategies and rests on two themes from the last one: starting from "
        "the strengths communities already have, and social action.</p>",
    ),
]

APPROACH_ENGAGEMENT = [
    (
        "paragraph",
        "<p>The Cabinet agreed on 26 October 2021 that we should ask people what they think "
        "of this draft. We are doing that for 12 weeks, from 1 November 2021 to 21 January "
        "2022.</p><p>We want to hear from residents, voluntary and faith groups, town and "
        "parish councils, our partners in the public sector, the Leicestershire Equalities "
        "Challenge Group and our own staff. Tell us about times when communities helped "
        "themselves, or when working together made a difference.</p>",
    ),
    ("heading", {"text": "How to take part", "size": "h2"}),
    (
        "paragraph",
        "<ul><li>answer our online questionnaire</li><li>join a group discussion</li>"
        "<li>email us your views at future@leics.gov.uk</li></ul><p>We will also share "
        "news through Leicestershire Matters, our website, social media and briefings for "
        "groups and organisations.</p>",
    ),
    ("heading", {"text": "What happens next", "size": "h2"}),
    (
        "table",
        {
            "caption": "When the new approach is due to be agreed",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [
                    ["When", "What happens"],
                    ["November 2021 to January 2022", "We talk with communities and partners"],
                    ["February 2022", "We write the final draft"],
                    ["March 2022", "The Cabinet considers the final draft"],
                    ["May 2022", "The County Council is asked to approve it"],
                ],
            },
        },
    ),
]

# The 2014 Communities Strategy --------------------------------------------------

STRATEGY_2014_INTRODUCTION = (
    "How the county council proposed in June 2014 to work with Leicestershire's communities "
    "as its money for them shrank: three priorities, eight building blocks, and a model "
    "that ties them together."
)

STRATEGY_2014_VISION = (
    "Leading Leicestershire by working with our communities and partners for the benefit "
    "of everyone."
)

FOREWORD = [
    (
        "paragraph",
        "<p>As the Cabinet member responsible for communities, I am glad to introduce a new "
        "way for the council to work with the people of Leicestershire. Everyone in the "
        "public sector faces the same squeeze: less money, more people who need help, and "
        "higher expectations of the help they get.</p>"
        "<p>We have always tried to help local areas tackle what matters most to them. "
        "Now we have hard choices to make. We must put our support behind the community "
        "activity that helps us deliver our priorities, while still helping communities to "
        "help themselves wherever we can.</p>"
        "<p>We are changing how we plan and run services, and we are asking you to work "
        "with us so that every pound we still have goes as far as it can. To be honest, "
        "that will mean communities doing more: running some services, and finding "
        "volunteers to help people in need. In return, communities will have more say "
        "over services, more chances to take part, and more control over their own "
        "future.</p>",
    ),
]

OVERVIEW = [
    (
        "paragraph",
        "<p>This strategy describes how the county council will work with communities in a "
        "very different public sector: both communities of place, such as a village or "
        "an estate, and communities of interest, such as carers or a faith group. There is "
        "less money, more demand, and big changes under way in public services and in "
        "welfare.</p>"
        "<p>We are not starting from nothing. Snow, flood and heritage wardens, composting "
        "champions and volunteers with the youth offending service already show what "
        "people do alongside the council.</p>",
    ),
    ("heading", {"text": "Our vision", "size": "h2"}),
    (
        "quote",
        {
            "quote": "Leading Leicestershire by working with our communities and partners for "
            "the benefit of everyone.",
            "attribution": "The county council's vision",
        },
    ),
    (
        "paragraph",
        "<p>Six strategic imperatives sit under the vision. Two of them matter most here:</p>"
        "<ul><li>support and protect the people and communities who are most vulnerable"
        "</li><li>enable and support communities, individuals and families</li></ul>"
        "<p>To balance the books and still protect those most at risk, we will put more into "
        "prevention and early help, and less into a single offer for everyone. Support will "
        "be aimed at the people and places that need it most.</p>",
    ),
    ("heading", {"text": "Three priorities", "size": "h2"}),
    (
        "paragraph",
        "<ol><li>Build the strength of communities so that they can support themselves and "
        "people who are vulnerable, and so need public services less.</li><li>Help "
        "community groups take on services, including some the council runs now, and design "
        "and run services alongside us.</li><li>Help Leicestershire's voluntary and "
        "community organisations become strong providers in a varied market, and buy "
        "services from them well.</li></ol>"
        "<p>The Communities Model shows how these priorities fit with the building blocks "
        "beneath them.</p>",
    ),
]

CASE_FOR_CHANGE = [
    ("heading", {"text": "Less money", "size": "h2"}),
    (
        "paragraph",
        "<p>The county council must save at least £110 million by 2018: about a third of "
        "its budget. Savings on that scale mean changing how every service is run, "
        "including running some with communities and buying others differently.</p>",
    ),
    ("heading", {"text": "More people who need help", "size": "h2"}),
    (
        "paragraph",
        "<p>People are living longer and spending a smaller part of their lives in work, "
        "so more years are spent relying on costly services. The same change means more "
        "people with time to volunteer and to run community projects.</p>"
        "<p>Health and care services overlap most when people move between home, care and "
        "hospital. Keeping people well at home, and out of hospital beds, needs councils "
        "and the NHS to plan together, and communities and voluntary groups have a big part "
        "to play in prevention.</p>",
    ),
    ("heading", {"text": "Public services are being reformed", "size": "h2"}),
    (
        "paragraph",
        "<p>The welfare state is getting smaller. Schools and GP practices have more "
        "freedom. Communities, charities, social enterprises and businesses are being asked "
        "to run services that only the public sector used to provide, sometimes taking on "
        "buildings and land to do so. The role of councils is changing with them.</p>",
    ),
    ("heading", {"text": "Reducing demand", "size": "h2"}),
    (
        "paragraph",
        "<p>Running services more cheaply is not enough: fewer people need to need them. "
        "Most public money goes on services for people who are vulnerable, such as older "
        "people, disabled people, people with learning disabilities and children in care. "
        "That is where demand grows fastest, and where communities can help most by "
        "supporting people before they need a service, or for longer without one.</p>"
        "<p>People also want more choice. Personal budgets let adults, and families of "
        "disabled children, choose the care that suits them, and most people would rather "
        "be supported at home and close by than in a central building.</p>",
    ),
    ("heading", {"text": "Why a communities strategy", "size": "h2"}),
    (
        "paragraph",
        "<ul><li><strong>No organisation can do this alone.</strong> The public sector, "
        "voluntary groups and communities need to plan and buy services together.</li>"
        "<li><strong>We need to reach people earlier.</strong> Communities know who is "
        "starting to struggle, and why, before they need a service.</li><li><strong>Strong "
        "communities need fewer costly services.</strong> Building up people, places and "
        "local voluntary groups means fewer people reaching health and care services.</li>"
        "<li><strong>Our help will be more targeted.</strong> We will put what we have "
        "where it makes the most difference, and help everyone else to help themselves."
        "</li><li><strong>Make every Leicestershire pound count.</strong> That means "
        "using all the money and volunteer time in a community, and the part county "
        "councillors and council staff play where they live.</li></ul>",
    ),
    (
        "callout",
        {
            "text": "<p>With less money, fewer services will reach fewer people. This strategy "
            "is about what we do, who does it and how, and what residents and the council "
            "can fairly expect of each other.</p>"
        },
    ),
]

BACKGROUND = [
    (
        "paragraph",
        "<p>Many people, community groups and town and parish councils already see that "
        "public services must change, and want to help shape what comes next.</p>",
    ),
    ("heading", {"text": "What people told us", "size": "h2"}),
    (
        "paragraph",
        "<p>Two pieces of listening shaped this strategy:</p><ul><li>our county-wide "
        "consultation on how to change our budget, which had more than 7,200 replies from "
        "residents, partners and staff</li><li>a survey of more than 140 people and "
        "organisations about what they expected communities and individuals to do in "
        "future</li></ul>",
    ),
    (
        "quote",
        {
            "quote": "We need an honest conversation about cuts. Communities should work out "
            "which services they most want to keep, and what they could do to keep them.",
            "attribution": "The message we heard, in our words",
        },
    ),
    ("heading", {"text": "Three strands of work", "size": "h2"}),
    (
        "paragraph",
        "<ul><li><strong>Reducing demand over the long term:</strong> helping communities "
        "become strong enough to find their own ways of supporting people who are "
        "vulnerable, so that fewer people need costly services.</li><li><strong>Communities "
        "running services, sooner:</strong> finding services that a community could take "
        "over or add to, such as keeping a building open for longer hours, and helping "
        "them make it work.</li><li><strong>The voluntary sector:</strong> helping "
        "voluntary organisations become strong providers alongside individuals, "
        "communities, social businesses and private firms.</li></ul>",
    ),
]

MODEL_BODY = [
    ("heading", {"text": "How the council will use the model", "size": "h2"}),
    (
        "paragraph",
        "<p>Whenever a department proposes to change, cut or stop a service, it will show "
        "that it has talked with voluntary groups and community representatives about what "
        "communities could do: helping fewer people need the service by stepping in early, "
        "or designing and running it in future.</p>"
        "<p>Communities, and the town and parish councils that speak for them, will need "
        "some extra investment at first, on an 'invest to save' basis, to build their "
        "confidence, knowledge and skills. They will also need practical help and advice, "
        "from us or our voluntary sector partners, for example with finding and keeping "
        "volunteers.</p>"
        "<p>Above all we will talk early and honestly with communities about which "
        "services matter most to them, and about the chances and risks of running things "
        "differently.</p>",
    ),
]

MODEL_LEVELS = {
    "foundation_text": "<p>Everything rests on people making good choices for "
    "themselves, such as living more healthily and thinking about where and how they live, "
    "and looking out for others. Looking after our own and our neighbours' physical and "
    "mental wellbeing keeps problems from growing until a service is needed.</p>",
    "building_blocks_text": "<p>Eight things need to be in place for a community to be "
    "strong and resilient enough to support people who are vulnerable and to take on "
    "services. Each building block has its own page saying what communities and the "
    "council will do. More actions will be added to the delivery plan as the council's 24 "
    "transformation priorities take shape, with the plan in place by October 2014.</p>",
    "priorities_text": "<p>The building blocks serve three priorities. The first two are "
    "about communities; the third makes sure the voluntary sector can play its part.</p>",
    "interface_text": "<p>Where services meet communities and individuals matters more "
    "and more. Local Area Coordination is one of the ways we will make that meeting point "
    "work.</p><p>Local Area Coordinators live and work in the community, know the local GP "
    "practices well, and each support 50 to 65 people and their families at a time. They "
    "are a single, easy-to-reach contact who helps people, particularly disabled people, "
    "frail older people and people with mental health problems, before they reach a "
    "crisis, and who helps them settle when they leave a service such as Supporting "
    "Leicestershire Families. A trial began at eight learning sites across the two "
    "Clinical Commissioning Group areas in summer 2014.</p><p>Clinical Commissioning "
    "Groups are groups of GPs who plan and buy local health services. Local Area "
    "Coordination is part of the prevention offer in Leicestershire's Better Care plan, "
    "which pools health and social care money.</p>",
}

PRIORITIES = [
    {
        "slug": "supporting-vulnerable-people",
        "title": "Communities support vulnerable individuals and families",
        "introduction": "Help communities become strong enough to look after themselves and "
        "people who are vulnerable, so that fewer people need public services.",
        "role_of_communities": "<p>Communities know what can make a person or a family "
        "vulnerable at different times in their lives. Friends, family and neighbours offer "
        "plenty of informal help, and local activities and events keep people physically and "
        "mentally well and bring the community together.</p>",
        "role_of_council": "<p>The council and its partners share one understanding of "
        "vulnerability and what causes it at each stage of life. Public services know about, "
        "and refer people to, the help that is there: First Contact, Local Area "
        "Coordination, Leicestershire Welfare Provision, Dementia Friends and Keep Safe "
        "Places among them.</p>",
        "actions": [
            "Agree a shared understanding of vulnerability and of what vulnerable people in "
            "Leicestershire need.",
            "Produce a vulnerability toolkit and training to go with it.",
            "Run a campaign showing what communities and individuals can do to support "
            "vulnerable people and prevent vulnerability in future.",
            "Bring together one package of preventive support: Local Area Coordination, "
            "Leicestershire Welfare Provision, First Contact, Dementia Friendly Communities "
            "and Keep Safe Places.",
            "Test Local Area Coordination at eight learning sites from September 2014.",
        ],
        "blocks": [1, 3, 5, 6, 7],
    },
    {
        "slug": "designing-and-delivering-services",
        "title": "Communities design and deliver services",
        "introduction": "Help community groups take on services, including some the county "
        "council runs now, and design and run services alongside us.",
        "role_of_communities": "<p>Community groups, town and parish councils and voluntary "
        "organisations help design and run important services, particularly those the "
        "council hands over or runs with them. They know what they are responsible for, and "
        "get the advice, support and money they need.</p>",
        "role_of_council": "<p>Councillors and staff know the different ways a service can "
        "be run and want to design and run services with communities. We agree which "
        "activities communities and voluntary groups are best placed to run, and we have "
        "the tools to hand services over.</p>",
        "actions": [
            "Look at other ways of running a service, and what communities and voluntary "
            "groups could do, every time a service is redesigned.",
            "Involve communities, town and parish councils and voluntary groups in planning "
            "changes to services, in the same way each time but suited to each place.",
            "Offer a package of support for taking on services: models, a toolkit, good "
            "examples and people to contact.",
            "Check every major change to a service for its effect on equality and human rights.",
            "Agree how we will respond when a group uses its 'right to challenge'.",
            "Agree how we will support social businesses, including staff who leave the "
            "council to run a service themselves.",
        ],
        "blocks": [1, 2, 4, 6, 7, 8],
    },
    {
        "slug": "commissioning-the-voluntary-sector",
        "title": "Effective commissioning of the voluntary sector",
        "introduction": "Help voluntary and community organisations become strong providers "
        "in a varied market, and buy services from them well.",
        "role_of_communities": "<p>Local, county-wide and national voluntary organisations "
        "run services well, including services the council hands over or treats as a "
        "priority. They work in a lively market alongside individuals, communities, social "
        "businesses and private firms, understand what the council wants to buy, and help "
        "to shape it.</p>",
        "role_of_council": "<p>Council staff buy services well from voluntary and community "
        "groups, based on a shared picture of what the population needs and clear outcomes "
        "agreed in advance.</p>",
        "actions": [
            "Make sure the council's commissioning programme recognises voluntary and "
            "community groups alongside other providers.",
            "When buying from the voluntary sector, put the council's priorities first, "
            "especially early help and handing services over.",
            "Look for social, economic and environmental value in everything the council buys.",
            "Manage every contract with voluntary and community organisations well.",
            "Work with the county's infrastructure organisation to develop the voluntary "
            "and community sector.",
        ],
        "blocks": [1, 2, 3, 8],
    },
]

BUILDING_BLOCKS = [
    {
        "slug": "understanding-community-needs",
        "title": "Understand community needs and priorities",
        "introduction": "Communities and the council know, from evidence, what people need.",
        "role_of_communities": "<p>Communities of place, including town and parish "
        "councils, and communities of interest have a clear picture, based on evidence, of "
        "what every part of their community needs, especially people who are vulnerable or "
        "seldom heard.</p>",
        "role_of_council": "<p>What we learn about local needs is shared, so that decisions "
        "are made for a place rather than for one department or organisation. Community "
        "champions tell us what is happening on the ground, which helps us design "
        "services.</p>",
        "actions": [
            "Advise and support communities on how to find out what local people need.",
            "Share what we know about local needs and priorities with partners and communities.",
            "Use that knowledge, with other evidence, to make decisions, including about "
            "changing services.",
        ],
    },
    {
        "slug": "engaging-with-decision-makers",
        "title": "Active engagement with decision makers",
        "introduction": "Communities can reach the people who make decisions before those "
        "decisions are made.",
        "role_of_communities": "<p>Communities often get the chance to speak to service "
        "providers and decision makers while there is still time to change things, "
        "including at forums that bring community and voluntary groups together. Community "
        "champions link services and residents.</p>",
        "role_of_council": "<p>We focus our engagement on the council's priorities and "
        "bring decision makers and community champions to it. Public meetings cover the "
        "issues that the council and the community both think matter, and we co-ordinate "
        "them so that people are not asked the same thing too often. The Leicestershire "
        "Equalities Challenge Group, chaired independently, challenges us from outside.</p>",
        "actions": [
            "Build a new way of engaging residents into service planning and change, as "
            "part of our consultation, engagement and communications strategy.",
            "Agree good practice for engaging people when services are handed over or changed.",
            "Give voluntary and community groups the chance to put the community's views "
            "to decision makers.",
            "Ask the Leicestershire Equalities Challenge Group to test every major change "
            "of policy or service, including our equality and human rights impact "
            "assessments.",
        ],
    },
    {
        "slug": "communicating-clearly",
        "title": "Effective, clear and regular communication",
        "introduction": "An open, two-way conversation between the council and communities.",
        "role_of_communities": "<p>Communities hear from us in many ways, and each invites "
        "a reply. People know how to suggest a better way of doing something and how to "
        "raise a worry. We tell them promptly what changed because of what they said, even "
        "when it is not what they hoped for.</p>",
        "role_of_council": "<p>The council and its partners speak with one voice, so "
        "residents do not have to work out who does what. What we learn from consultations "
        "shapes services and what we buy. Community champions and others help spread the "
        "word, encourage people to change habits and share good examples.</p>",
        "actions": [
            "Write a communications plan for our work with communities.",
            "Agree which channels we use to reach communities and hear from them, such as "
            "Leicestershire Matters, forum alerts, social media, newsletters and email "
            "bulletins.",
            "Use those channels to share good practice.",
        ],
    },
    {
        "slug": "town-and-parish-councils",
        "title": "Active and empowered town and parish councils",
        "introduction": "Town and parish councils support vulnerable people and run services.",
        "role_of_communities": "<p>Town and parish councils help people who are vulnerable "
        "and run services the county council hands over. A group of 'vanguard' councils try "
        "out new ideas with us on shared priorities, with small sums of money to invest in "
        "them where it saves money later.</p>",
        "role_of_council": "<p>Every department values local councils and works well with "
        "them and with their association. We meet and talk with them regularly, and they "
        "help design and run a wide range of priority services.</p>",
        "actions": [
            "Align the contract with the Leicestershire and Rutland Association of Local "
            "Councils with the council's priorities for change.",
            "Work with a group of 'vanguard' town and parish councils to try out new ways of "
            "running services.",
            "Plan and hold events and conferences with local councils.",
            "Co-ordinate what we tell local councils, so they hear one consistent message.",
        ],
    },
    {
        "slug": "community-champions",
        "title": "Network of community champions",
        "introduction": "Trained volunteers and councillors speak up for their communities.",
        "role_of_communities": "<p>Every community has volunteer 'community champions', "
        "trained and supported to work with their county councillor. They stand up for what "
        "people and the community need, and point people to help early. County, district "
        "and town and parish councillors lead their communities through change and "
        "encourage people to act on local priorities.</p>",
        "role_of_council": "<p>The council and its partners value the champions and their "
        "county councillor, and work through them to reach communities and understand "
        "their needs.</p>",
        "actions": [
            "Train and support county councillors to lead and speak for their communities "
            "through difficult times.",
            "Find, train and support volunteer community champions to work with the 55 "
            "county councillors.",
            "Focus the Think Leicestershire programme on training councillors, town and "
            "parish councils and other community champions.",
        ],
    },
    {
        "slug": "volunteers",
        "title": "Formal and informal volunteers",
        "introduction": "It is easy to volunteer, and volunteers feel valued.",
        "role_of_communities": "<p>Every community has volunteers: some help a neighbour or "
        "a local event, others volunteer through schemes such as Good Neighbour schemes or "
        "by helping to run a service. People understand why volunteering matters, "
        "particularly to support vulnerable people or keep a service going, and find it "
        "easy to start.</p>",
        "role_of_council": "<p>All council departments and our partners value volunteers "
        "and offer one joined-up range of opportunities, putting support for vulnerable "
        "people and services run by communities first. Volunteering helps people who are "
        "far from work to get back into it. Volunteers' efforts are thanked, celebrated and "
        "rewarded.</p>",
        "actions": [
            "Bring volunteering into the council's services, with consistent messages, a "
            "network of volunteer managers and our Volunteering Policy.",
            "Co-ordinate volunteering across Leicestershire through the partnership "
            "Volunteering Strategy and Action Plan.",
            "Recruit Community Coaches, Difference Makers and other volunteers to support "
            "vulnerable people and services run by communities.",
            "Look at rewards for volunteers other than money, such as training and recognition.",
        ],
    },
    {
        "slug": "community-hubs",
        "title": "Physical and virtual community hubs",
        "introduction": "Places, in buildings and online, where community life comes together.",
        "role_of_communities": "<p>Ideally every community has at least one building that "
        "acts as a hub for activities and services, including support for vulnerable people. "
        "Communities are encouraged, and helped where possible, to have a presence online, "
        "such as a community website, and make good use of Think Leicestershire's tools.</p>",
        "role_of_council": "<p>The council and its partners use these hubs and look for "
        "chances to bring public and community services together under one roof. Partners "
        "decide together where hubs are most needed in Leicestershire.</p>",
        "actions": [
            "Map the hubs in every community in Leicestershire.",
            "Look for more chances to share buildings and to run services through community hubs.",
            "Reshape our advice service for community buildings around vulnerable people and "
            "services run by communities.",
            "Write a new community ICT strategy for 2015 to 2016 and beyond.",
            "Promote Think Leicestershire's online resources.",
        ],
    },
    {
        "slug": "support-advice-and-training",
        "title": "Access to support, advice and training",
        "introduction": "Groups get the tools, training and funding they need.",
        "role_of_communities": "<p>Community and voluntary groups can use online tools and "
        "information, and get face-to-face help to grow their skills. Applying for money is "
        "simple and open. Groups understand why we favour projects that meet the council's "
        "priorities, and have a voice in decisions, for example on grant panels.</p>",
        "role_of_council": "<p>The council encourages communities to take charge and solve "
        "their own problems, with a clear set of tools, and keeps face-to-face support for "
        "the communities that need it most. Grants go to priority work and are joined up "
        "across departments and partners, with no overlap between funds.</p>",
        "actions": [
            "Fund communities through two new Shire Community Grants schemes, Community "
            "Solutions and Participatory Grants, and look at bringing other grants into "
            "them.",
            "Check how our grants help deliver our priorities and the outcomes we want.",
            "Look for more support to help community and voluntary groups deliver our priorities.",
            "Find other national and local funding to help communities do more.",
        ],
    },
]


def load_approach_2022(loader, home):
    approach = loader.page(
        home,
        StrategyPage,
        "communities-approach-2022-26",
        title="Our Communities Approach 2022 to 2026",
        introduction=APPROACH_INTRODUCTION,
        period="2022 to 2026",
        status=StrategyPage.Status.DRAFT,
        is_current=True,
        superseded_by=None,
        vision="",
        principles=loader.stream(
            ("principle", {"name": name, "description": description})
            for name, description in APPROACH_PRINCIPLES
        ),
        listing_summary="Our draft plan for working with communities from 2022 to 2026, "
        "built on three principles: prevention, engagement and catalysts.",
        show_in_menus=True,
        **demo_easy_read.approach_2022(loader),
    )
    loader.page(
        approach,
        StrategySectionPage,
        "background",
        title="Background",
        introduction="What the last strategy achieved, what the pandemic taught us, and what "
        "shaped this approach.",
        body=loader.stream(APPROACH_BACKGROUND),
    )
    loader.page(
        approach,
        StrategySectionPage,
        "have-your-say",
        title="Have your say on the draft",
        introduction="How to tell us what you think of the draft, and when it is due to be agreed.",
        body=loader.stream(APPROACH_ENGAGEMENT),
    )
    return approach


def load_strategy_2014(loader, home, successor):
    strategy = loader.page(
        home,
        StrategyPage,
        "communities-strategy-2014",
        title="Communities Strategy 2014",
        introduction=STRATEGY_2014_INTRODUCTION,
        period="From June 2014",
        status=StrategyPage.Status.SUPERSEDED,
        is_current=False,
        superseded_by=successor,
        vision=STRATEGY_2014_VISION,
        listing_summary="Our 2014 strategy for working with communities: three priorities "
        "and eight building blocks.",
        show_in_menus=False,
    )
    loader.page(
        strategy,
        ForewordPage,
        "foreword",
        title="Foreword",
        introduction="Why the council is changing how it works with communities.",
        body=loader.stream(FOREWORD),
        author_name="Councillor Pam Posnett",
        author_role="Cabinet Lead Member for Communities",
    )
    sections = [
        ("overview", "Overview and vision", "What this strategy is for, and our vision.", OVERVIEW),
        (
            "case-for-change",
            "The case for change",
            "Why the council cannot carry on as before.",
            CASE_FOR_CHANGE,
        ),
        (
            "background",
            "The background",
            "What residents told us, and the three strands of our work.",
            BACKGROUND,
        ),
    ]
    for slug, title, introduction, body in sections:
        loader.page(
            strategy,
            StrategySectionPage,
            slug,
            title=title,
            introduction=introduction,
            body=loader.stream(body),
        )
    loader.page(
        strategy,
        CommunitiesModelPage,
        "communities-model",
        title="The Communities Model",
        introduction="Four levels that show how the strategy fits together, from people "
        "helping themselves at the bottom to where services meet communities at the top.",
        body=loader.stream(MODEL_BODY),
        foundation_heading="Individuals and communities help themselves and others",
        interface_heading="The interface between services and communities",
        **MODEL_LEVELS,
    )
    blocks = []
    for data in BUILDING_BLOCKS:
        blocks.append(
            loader.page(
                strategy,
                BuildingBlockPage,
                data["slug"],
                title=data["title"],
                introduction=data["introduction"],
                listing_summary=data["introduction"],
                role_of_communities=data["role_of_communities"],
                role_of_council=data["role_of_council"],
                key_actions=loader.stream(("action", action) for action in data["actions"]),
            )
        )
    # Priorities come after the building blocks in the loader so that their links
    # can be set on the first run; they are moved before them in the page tree.
    first_block = blocks[0]
    for data in PRIORITIES:
        # Keep the links a priority already has, so that a second run changes nothing.
        existing = strategy.get_children().filter(slug=data["slug"]).type(PriorityPage).first()
        kept = (
            {link.building_block_id: link for link in existing.specific.building_block_links.all()}
            if existing is not None
            else {}
        )
        links = []
        for order, number in enumerate(data["blocks"]):
            block = blocks[number - 1]
            link = kept.get(block.pk) or PriorityBuildingBlock(building_block=block)
            link.sort_order = order
            links.append(link)
        priority = loader.page(
            strategy,
            PriorityPage,
            data["slug"],
            title=data["title"],
            introduction=data["introduction"],
            listing_summary=data["introduction"],
            role_of_communities=data["role_of_communities"],
            role_of_council=data["role_of_council"],
            key_actions=loader.stream(("action", action) for action in data["actions"]),
            building_block_links=links,
            **demo_easy_read.priority_2014(loader, data["slug"]),
        )
        first_block.refresh_from_db()
        if priority.path > first_block.path:
            priority.move(first_block, pos="left")
    return strategy


def load(loader):
    home = loader.home
    approach = load_approach_2022(loader, home)
    load_strategy_2014(loader, home, successor=approach)
    loader.say("  strategies: Communities Strategy 2014 and Communities Approach 2022 to 2026")
