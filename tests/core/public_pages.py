"""One page of every public kind, built from the factories, for counting what
a page costs (test_query_budget.py).

``build_public_pages(home)`` returns the site's pages and ``public_paths``
the address of each public page type; ``add_listing_items(pages, kind, n)``
adds ``n`` more items to one listing (case studies, consultations, actions,
events, search results), each with its picture and links where the listing
shows them, so that a query made once per item shows up as a difference."""

import datetime
import itertools

import wagtail_factories
from django.utils import timezone

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    easy_read_rows,
)
from core.models import CouncilSettings, EasyReadIndexPage
from delivery.factories import (
    ActionPageFactory,
    DeliveryPlanPageFactory,
    MeasureFactory,
    ProgressReportPageFactory,
    WorkstreamPageFactory,
)
from events.factories import EventIndexPageFactory, EventPageFactory
from strategy.factories import (
    BuildingBlockPageFactory,
    CommunitiesModelPageFactory,
    ForewordPageFactory,
    PriorityPageFactory,
    StrategyPageFactory,
    StrategySectionPageFactory,
)

# Every item added to a listing carries this word, which search finds.
SEARCH_WORD = "lanterns"

_numbers = itertools.count(1)


def picture():
    return wagtail_factories.ImageFactory(title=f"Picture {next(_numbers)}")


def build_public_pages(home):
    # The council's logo, in every page's header.
    council = CouncilSettings.for_site(home.get_site())
    council.logo = picture()
    council.save()
    strategy = StrategyPageFactory(
        parent=home,
        slug="strategy",
        title="Stronger together",
        easy_read_title="Our plan",
        easy_read=easy_read_rows(),
    )
    foreword = ForewordPageFactory(parent=strategy, slug="foreword")
    section = StrategySectionPageFactory(parent=strategy, slug="vision")
    model = CommunitiesModelPageFactory(parent=strategy, slug="model")
    block = BuildingBlockPageFactory(
        parent=strategy, slug="volunteers", title="Volunteers", listing_image=picture()
    )
    priority = PriorityPageFactory(
        parent=strategy,
        slug="villages",
        title="Villages",
        building_blocks=[block],
        easy_read_title="Villages",
        easy_read=easy_read_rows(),
    )
    cases = CaseStudyIndexPageFactory(parent=home, slug="case-studies")
    consultations = ConsultationIndexPageFactory(
        parent=home, slug="have-your-say", show_in_menus=True
    )
    consultation = ConsultationPageFactory(
        parent=consultations,
        slug="open",
        title=f"Parks and {SEARCH_WORD}",
        easy_read_title="Our parks",
        easy_read=easy_read_rows(),
        listing_image=picture(),
    )
    events = EventIndexPageFactory(parent=home, slug="events", show_in_menus=True)
    plan = DeliveryPlanPageFactory(parent=home, slug="plan", strategy=strategy)
    workstream = WorkstreamPageFactory(parent=plan, slug="workstream")
    measure = MeasureFactory()
    report = ProgressReportPageFactory(parent=plan, slug="progress")
    easy_read_index = home.add_child(
        instance=EasyReadIndexPage(title="Easy Read", slug="easy-read-pages")
    )
    pages = {
        "home": home,
        "strategy": strategy,
        "foreword": foreword,
        "section": section,
        "model": model,
        "priority": priority,
        "block": block,
        "cases": cases,
        "consultations": consultations,
        "consultation": consultation,
        "events": events,
        "plan": plan,
        "workstream": workstream,
        "measure": measure,
        "report": report,
        "easy_read_index": easy_read_index,
    }
    for kind in LISTINGS:
        add_listing_items(pages, kind, 1)
    pages["case_study"] = pages["cases"].get_children().live().first().specific
    pages["action"] = pages["workstream"].get_children().live().first().specific
    pages["event"] = pages["events"].get_children().live().first().specific
    return pages


def add_listing_items(pages, kind, count):
    for _ in range(count):
        n = next(_numbers)
        if kind == "case_studies":
            CaseStudyPageFactory(
                parent=pages["cases"],
                title=f"Community project {n} with {SEARCH_WORD}",
                slug=f"project-{n}",
                listing_image=picture(),
                priorities=[pages["priority"]],
                building_blocks=[pages["block"]],
            )
        elif kind == "consultations":
            ConsultationPageFactory(
                parent=pages["consultations"],
                title=f"Consultation {n} on {SEARCH_WORD}",
                slug=f"consultation-{n}",
                listing_image=picture(),
                opens_at=timezone.now() - datetime.timedelta(days=n % 3 * 40),
                closes_at=timezone.now() + datetime.timedelta(days=30 - n % 3 * 40),
            )
        elif kind == "actions":
            ActionPageFactory(
                parent=pages["workstream"],
                title=f"Action {n}",
                slug=f"action-{n}",
                priorities=[pages["priority"]],
                building_blocks=[pages["block"]],
                measures=[pages["measure"]],
                consultations=[pages["consultation"]],
                updates=[
                    {"date": datetime.date(2015, 2, 1), "status": "on_track", "text": "Begun."},
                    {"date": datetime.date(2015, 3, 1), "measure": pages["measure"], "value": n},
                ],
            )
        elif kind == "events":
            EventPageFactory(
                parent=pages["events"],
                title=f"Drop-in {n}",
                slug=f"drop-in-{n}",
                part_of=[pages["consultation"]],
            )
        elif kind == "search":
            # Search finds case studies and consultations alike.
            add_listing_items(pages, "case_studies", 1)


LISTINGS = {
    "case_studies": "/case-studies/",
    "consultations": "/have-your-say/",
    "actions": "/plan/",
    "events": "/events/",
    "search": f"/search/?q={SEARCH_WORD}",
}


def public_paths(pages):
    """The address of every public page type, from the pages built above."""

    def url(name, suffix=""):
        return pages[name].url + suffix

    return {
        "home": "/",
        "home in Polish": "/pl/",
        "strategy": url("strategy"),
        "strategy part": url("section"),
        "foreword": url("foreword"),
        "communities model": url("model"),
        "priority": url("priority"),
        "building block": url("block"),
        "case study index": url("cases"),
        "case study index, filtered": url("cases", f"?priority={pages['priority'].pk}"),
        "case study": url("case_study"),
        "consultation finder": url("consultations"),
        "consultation": url("consultation"),
        "survey start": url("consultation", "survey/"),
        "survey step": url("consultation", "survey/views/"),
        "Easy Read consultation": url("consultation", "easy-read/"),
        "Easy Read strategy": url("strategy", "easy-read/"),
        "Easy Read priority": url("priority", "easy-read/"),
        "Easy Read index": url("easy_read_index"),
        "delivery plan": url("plan"),
        "workstream": url("workstream"),
        "action": url("action"),
        "progress report": url("report"),
        "delivery plan feed": url("plan", "feed/"),
        "events": url("events"),
        "event": url("event"),
        "event calendar file": url("event", "calendar/"),
        "standard page": "/accessibility-statement/",
        "contact page": "/contact/",
        "search": f"/search/?q={SEARCH_WORD}",
        "sitemap": "/sitemap.xml",
    }
