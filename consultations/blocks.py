"""The content blocks of the consultation page: its events, and the headline
figures of "You said" (counted live by ``consultations.headlines``)."""

from wagtail.blocks import (
    CharBlock,
    DateTimeBlock,
    RegexBlock,
    StructBlock,
    TextBlock,
    URLBlock,
)

from .survey.blocks import KeyBlock


class EventBlock(StructBlock):
    title = CharBlock(max_length=150, help_text="For example 'Drop-in session'.")
    starts_at = DateTimeBlock()
    ends_at = DateTimeBlock(required=False)
    place = TextBlock(help_text="Where it is, with the full address.")
    accessibility = TextBlock(
        required=False,
        default="",
        help_text="Step-free access, hearing loop, parking, toilets, interpreters on request.",
    )
    booking_url = URLBlock(required=False, help_text="Optional: where to book a place.")

    class Meta:
        icon = "date"
        template = "components/consultations/event.html"
        label = "Event"


class HeadlineFigureBlock(StructBlock):
    """One figure in "You said", counted live from the responses."""

    question_key = KeyBlock(help_text="The key of the question the figure comes from.")
    statement_code = KeyBlock(
        required=False,
        help_text="For a grid question: the code of the statement (for example priority_1).",
    )
    option_codes = RegexBlock(
        regex=r"^\s*[a-z][a-z0-9_]*(\s*,\s*[a-z][a-z0-9_]*)*\s*$",
        max_length=250,
        help_text="The option codes to count together, separated by commas, for example "
        "'strongly_agree, agree'.",
        error_messages={"invalid": "Give option codes separated by commas."},
    )
    description = CharBlock(
        max_length=200,
        help_text="What the figure means, after the percentage: for example 'agreed with "
        "priority 1'.",
    )

    class Meta:
        icon = "table"
        label = "Headline figure"
