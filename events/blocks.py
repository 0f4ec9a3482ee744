"""The event page's repeating parts: the dates it was postponed from, and the
questions put to participants."""

from wagtail.blocks import CharBlock, DateBlock, StructBlock, TextBlock


class PostponementBlock(StructBlock):
    """A date the event was to be held on, and why it did not go ahead then."""

    date = DateBlock(help_text="The date it was to be held on.")
    reason = TextBlock(
        help_text="Why it was postponed, in plain words: for example 'Snow made the roads unsafe.'"
    )

    class Meta:
        icon = "date"
        label = "Postponement"


def question_block():
    return CharBlock(
        max_length=300,
        label="Question",
        icon="help",
        help_text="One question, as participants were asked it.",
    )
