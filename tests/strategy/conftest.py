from types import SimpleNamespace

import pytest

from strategy.factories import (
    BuildingBlockPageFactory,
    CommunitiesModelPageFactory,
    ForewordPageFactory,
    PriorityPageFactory,
    StrategyPageFactory,
    StrategySectionPageFactory,
)
from strategy.models import PriorityBuildingBlock


@pytest.fixture
def strategy(home):
    """A small strategy with every kind of part, in reading order: foreword,
    one section, the model, two priorities and three building blocks."""
    strategy = StrategyPageFactory(
        parent=home,
        title="Stronger Together",
        introduction="How we will work with Rutland's villages.",
        period="2024 to 2028",
        vision="Every village looks after its own.",
        principles=[
            ("principle", {"name": "Kindness", "description": "Neighbours help first."}),
            ("principle", {"name": "Openness", "description": "We say what we know."}),
        ],
    )
    foreword = ForewordPageFactory(
        parent=strategy,
        body=[("paragraph", "<p>A word from the lead member.</p>")],
        author_name="Councillor Ada Example",
        author_role="Lead Member for Villages",
    )
    section = StrategySectionPageFactory(
        parent=strategy,
        title="The case for change",
        introduction="Why things must change.",
        body=[
            ("heading", {"text": "Less money", "size": "h2"}),
            ("paragraph", "<p>We must save £5 million.</p>"),
        ],
    )
    model = CommunitiesModelPageFactory(
        parent=strategy,
        body=[("paragraph", "<p>How we use the model.</p>")],
        foundation_heading="People look after themselves",
        foundation_text="<p>Healthy choices come first.</p>",
        building_blocks_text="<p>Things that must be in place.</p>",
        priorities_text="<p>Where we focus.</p>",
        interface_heading="Where services meet villages",
        interface_text="<p>Village agents link people to help.</p>",
    )
    priorities = [
        PriorityPageFactory(
            parent=strategy,
            title="Villages support vulnerable people",
            introduction="Look after those at risk.",
            role_of_communities="<p>Neighbours notice who needs help.</p>",
            role_of_council="<p>The council trains volunteers.</p>",
            key_actions__0__action="Write a vulnerability toolkit.",
            key_actions__1__action="Train 50 volunteers.",
        ),
        PriorityPageFactory(parent=strategy, title="Villages run services"),
    ]
    blocks = [
        BuildingBlockPageFactory(
            parent=strategy,
            title="Village halls",
            introduction="Places to meet.",
            role_of_communities="<p>Villages keep their hall open.</p>",
            role_of_council="<p>The council helps with repairs.</p>",
            key_actions__0__action="Map every hall.",
        ),
        BuildingBlockPageFactory(parent=strategy, title="Volunteers"),
        BuildingBlockPageFactory(parent=strategy, title="Grants"),
    ]
    for order, block in enumerate(blocks[:2]):
        PriorityBuildingBlock.objects.create(
            priority=priorities[0], building_block=block, sort_order=order
        )
    PriorityBuildingBlock.objects.create(priority=priorities[1], building_block=blocks[0])
    return SimpleNamespace(
        page=strategy,
        foreword=foreword,
        section=section,
        model=model,
        priorities=priorities,
        blocks=blocks,
    )
