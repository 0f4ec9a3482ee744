"""The models of consultations, one module per concern:

- ``settings``: the "Consultation rules" site setting;
- ``snippets``: the topics residents filter consultations by;
- ``responses``: what residents sent (responses, answers, themes, equality
  answers, saved part-way surveys); it knows nothing of pages or routes;
- ``pages``: the finder and the consultation page, with their statuses;
- ``councils``: which council (Wagtail ``Site``) a staff group works for.

Everything is re-exported here, so ``from consultations.models import X``
works for every name. Inside the app, import from the module that holds the
name (``consultations.models.responses``), not from here.
"""

from ..blocks import EventBlock, HeadlineFigureBlock
from ..validation import locked_survey_problems
from .councils import CouncilStaffGroup
from .pages import (
    CLOSED,
    FORTHCOMING,
    OPEN,
    RESULTS,
    STATUS_LABELS,
    ConsultationIndexPage,
    ConsultationPage,
    open_consultations,
    ordered_by_status,
)
from .responses import (
    REFERENCE_ALPHABET,
    VERSION_EASY_READ,
    VERSION_STANDARD,
    VERSIONS,
    Answer,
    EqualityAnswer,
    OfficerLogEntry,
    Response,
    SavedSurvey,
    Theme,
    new_reference,
)
from .settings import ConsultationSettings
from .snippets import ConsultationTopic

__all__ = [
    "CLOSED",
    "FORTHCOMING",
    "OPEN",
    "REFERENCE_ALPHABET",
    "RESULTS",
    "STATUS_LABELS",
    "VERSIONS",
    "VERSION_EASY_READ",
    "VERSION_STANDARD",
    "Answer",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationSettings",
    "ConsultationTopic",
    "CouncilStaffGroup",
    "EqualityAnswer",
    "EventBlock",
    "HeadlineFigureBlock",
    "OfficerLogEntry",
    "Response",
    "SavedSurvey",
    "Theme",
    "locked_survey_problems",
    "new_reference",
    "open_consultations",
    "ordered_by_status",
]
