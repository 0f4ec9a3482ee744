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
    "Measure",
    "ProgressReportPage",
    "ProgressUpdate",
    "WorkstreamPage",
]
