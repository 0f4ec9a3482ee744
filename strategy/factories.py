import factory
import wagtail_factories
from wagtail import blocks
from wagtail_factories.blocks import BlockFactory

from strategy.models import (
    BuildingBlockPage,
    CommunitiesModelPage,
    ForewordPage,
    PriorityBuildingBlock,
    PriorityPage,
    StrategyPage,
    StrategySectionPage,
)


class TextBlockFactory(BlockFactory):
    class Meta:
        model = blocks.TextBlock


def key_actions_factory():
    """Key actions: pass ``key_actions__0__action="..."`` and so on."""
    return wagtail_factories.StreamFieldFactory({"action": TextBlockFactory})


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Communities strategy {n}")
    introduction = "How the council works with communities."
    status = StrategyPage.Status.IN_FORCE
    period = "2024 to 2028"

    class Meta:
        model = StrategyPage


class ForewordPageFactory(wagtail_factories.PageFactory):
    title = "Foreword"
    introduction = "Why this strategy matters."
    author_name = "Councillor Sam Example"
    author_role = "Cabinet Lead Member for Communities"

    class Meta:
        model = ForewordPage


class StrategySectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    introduction = "What this section is about."

    class Meta:
        model = StrategySectionPage


class CommunitiesModelPageFactory(wagtail_factories.PageFactory):
    title = "The Communities Model"
    introduction = "How the strategy fits together."
    foundation_text = "<p>People help themselves and each other.</p>"
    building_blocks_text = "<p>What needs to be in place.</p>"
    priorities_text = "<p>What we focus on.</p>"
    interface_text = "<p>Where services meet communities.</p>"

    class Meta:
        model = CommunitiesModelPage


class BuildingBlockPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Building block {n}")
    introduction = "Something communities need."
    role_of_communities = "<p>Communities run it.</p>"
    role_of_council = "<p>The council supports it.</p>"
    key_actions = key_actions_factory()

    class Meta:
        model = BuildingBlockPage


class PriorityPageFactory(wagtail_factories.PageFactory):
    """A priority. ``building_blocks=[...]`` links the given building blocks to it."""

    title = factory.Sequence(lambda n: f"Priority {n}")
    introduction = "Something the council focuses on."
    role_of_communities = "<p>Communities take part.</p>"
    role_of_council = "<p>The council helps.</p>"
    key_actions = key_actions_factory()

    class Meta:
        model = PriorityPage
        skip_postgeneration_save = True

    @factory.post_generation
    def building_blocks(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for order, block in enumerate(extracted):
            PriorityBuildingBlock.objects.create(
                priority=self, building_block=block, sort_order=order
            )


class PriorityBuildingBlockFactory(factory.django.DjangoModelFactory):
    priority = factory.SubFactory(PriorityPageFactory)
    building_block = factory.SubFactory(BuildingBlockPageFactory)

    class Meta:
        model = PriorityBuildingBlock
