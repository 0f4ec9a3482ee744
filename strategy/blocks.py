"""Content blocks that only the strategy's pages use."""

from wagtail import blocks


class KeyActionsBlock(blocks.StreamBlock):
    """The actions the council will take, one per item, in the order staff give them."""

    action = blocks.TextBlock(
        max_length=400,
        label="Action",
        help_text="One action in a sentence or two, for example 'Train volunteer "
        "community champions'.",
    )

    class Meta:
        icon = "list-ul"


class PrincipleBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=80, help_text="One or two words, for example 'Prevention'.")
    description = blocks.TextBlock(
        max_length=600, help_text="What this principle means, in plain words."
    )

    class Meta:
        icon = "pick"
        label = "Principle"
        description = "A principle that guides the whole strategy."


class PrinciplesBlock(blocks.StreamBlock):
    principle = PrincipleBlock()
