from types import SimpleNamespace

import pytest
import wagtail_factories
from wagtail.models import Collection

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from case_studies.models import CaseStudyImage
from strategy.factories import BuildingBlockPageFactory, PriorityPageFactory, StrategyPageFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Pictures and their renditions go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def picture(description):
    """A picture in the image library, with its description (the default alt text)."""
    return wagtail_factories.ImageFactory(
        title=f"{description} (photo)",
        description=description,
        collection=Collection.get_first_root_node(),
    )


def case_study(index, image_description, **fields):
    """A case study whose listing picture is also the first picture of its gallery."""
    image = picture(image_description)
    page = CaseStudyPageFactory(parent=index, listing_image=image, **fields)
    CaseStudyImage.objects.create(page=page, image=image, sort_order=0)
    return page


@pytest.fixture
def index(home):
    return CaseStudyIndexPageFactory(parent=home, slug="case-studies")


@pytest.fixture
def case_studies(index):
    """Five case studies with pictures, linked to the priorities and building
    blocks of a small strategy, in three districts and with four funding sources.

    The youth café and the footpath are in Oakham and both show the parish
    councils building block; only the café was paid for by the Village Grant
    Fund. The footpath and the good neighbour scheme had money from the county
    council. The library shares nothing with the footpath."""
    strategy = StrategyPageFactory(parent=index.get_parent(), title="Stronger Together")
    vulnerable = PriorityPageFactory(parent=strategy, title="Villages support vulnerable people")
    services = PriorityPageFactory(parent=strategy, title="Villages run services")
    parish = BuildingBlockPageFactory(parent=strategy, title="Town and parish councils")
    volunteers = BuildingBlockPageFactory(parent=strategy, title="Volunteers")
    hubs = BuildingBlockPageFactory(parent=strategy, title="Community hubs")
    youth_cafe = case_study(
        index,
        "Teenagers painting a wall in a bright room",
        title="Whissendine Youth Café",
        place="Whissendine",
        district="Oakham",
        listing_summary="The parish council made room for the village's youth café.",
        background="<p>The pavilion was too small for the youth café.</p>",
        benefits="<p>More activities, and a room other groups use too.</p>",
        who_was_involved="<p>Parish councillors, two youth workers and the café's members.</p>",
        support_given="<p>The council helped with the grant application.</p>",
        funding_amount=9250,
        funding_source="Village Grant Fund",
        outcomes="<p>Fewer complaints about young people in the village.</p>",
        next_steps="<p>Two more villages want to do the same.</p>",
        quote="We chose the colours ourselves. It is our place.",
        quote_speaker="Youth worker, Whissendine",
        priorities=[services, vulnerable],
        building_blocks=[parish, hubs],
    )
    footpath = case_study(
        index,
        "A new gravel path beside a hedge",
        title="Langham footpath",
        place="Langham",
        district="Oakham",
        funding_amount=9311,
        funding_source="Rutland County Council",
        priorities=[services],
        building_blocks=[parish, volunteers],
    )
    good_neighbours = case_study(
        index,
        "A volunteer carrying shopping to a front door",
        title="Ketton good neighbour scheme",
        place="Ketton",
        district="Ketton",
        funding_amount=3847,
        funding_source="Rutland County Council",
        priorities=[vulnerable],
        building_blocks=[volunteers],
    )
    dementia_cafe = case_study(
        index,
        "People talking over coffee and cake",
        title="Uppingham memory café",
        place="Uppingham",
        district="Uppingham",
        funding_source="Supermarket sponsorship",
        priorities=[vulnerable],
        building_blocks=[volunteers],
    )
    library = case_study(
        index,
        "Shelves of books in a village hall",
        title="Empingham community library",
        place="Empingham",
        district="Ketton",
        funding_source="",
        building_blocks=[hubs],
    )
    return SimpleNamespace(
        strategy=strategy,
        vulnerable=vulnerable,
        services=services,
        parish=parish,
        volunteers=volunteers,
        hubs=hubs,
        youth_cafe=youth_cafe,
        footpath=footpath,
        good_neighbours=good_neighbours,
        dementia_cafe=dementia_cafe,
        library=library,
        all=[youth_cafe, footpath, good_neighbours, dementia_cafe, library],
    )
