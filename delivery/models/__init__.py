from .funding import FundedProject, FundingProgrammePage, FundingRound
from .measures import Measure
from .pages import (
    ActionBuildingBlock,
    ActionCaseStudy,
    ActionConsultation,
    ActionMeasure,
    ActionPage,
    ActionPriority,
    DeliveryPlanPage,
    ProgressReportPage,
    ProgressUpdate,
    WorkstreamPage,
)

__all__ = [
    "ActionBuildingBlock",
    "ActionCaseStudy",
    "ActionConsultation",
    "ActionMeasure",
    "ActionPage",
    "ActionPriority",
    "DeliveryPlanPage",
    "FundedProject",
    "FundingProgrammePage",
    "FundingRound",
    "Measure",
    "ProgressReportPage",
    "ProgressUpdate",
    "WorkstreamPage",
]
