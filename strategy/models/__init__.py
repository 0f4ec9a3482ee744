from .pages import (
    BuildingBlockPage,
    CommunitiesModelPage,
    ForewordPage,
    PriorityBuildingBlock,
    PriorityPage,
    StrategyPage,
    StrategySectionPage,
)

__all__ = [
    "BuildingBlockPage",
    "CommunitiesModelPage",
    "ForewordPage",
    "PriorityBuildingBlock",
    "PriorityPage",
    "StrategyPage",
    "StrategySectionPage",
]
