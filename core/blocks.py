"""Content blocks shared by the site's pages, each drawn with GOV.UK Frontend markup."""

import copy
import hashlib
import unicodedata
import uuid

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "link", "document-link", "ol", "ul"]

BLOCK_TEMPLATES = "components/streamfield/blocks/"


def anchor(text):
    """An id to link to a heading by: the heading's words joined by hyphens.
    Django's slugify keeps Latin letters only, and so made empty ids of
    headings in Gujarati, Punjabi, Bengali, Urdu and Chinese: those keep their
    own letters, combining vowel signs included, and a heading with no letters
    at all gets an id from its text's hash."""
    text = str(text or "")
    if text.isascii():
        slug = slugify(text)
    else:
        words, word = [], []
        for character in unicodedata.normalize("NFC", text).lower():
            if unicodedata.category(character)[0] in "LMN":
                word.append(character)
            elif word:
                words.append("".join(word))
                word = []
        if word:
            words.append("".join(word))
        slug = "-".join(words)
    if slug:
        return slug[:80].rstrip("-")
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return f"section-{digest}"


class HeadingValue(blocks.StructValue):
    def anchor(self):
        return anchor(self.get("text"))


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=150)
    size = blocks.ChoiceBlock(
        choices=[("h2", "Heading (level 2)"), ("h3", "Subheading (level 3)")],
        default="h2",
        help_text="Use level 2 for the main parts of a page and level 3 inside them.",
    )

    class Meta:
        icon = "title"
        template = BLOCK_TEMPLATES + "heading.html"
        value_class = HeadingValue
        preview_value = {"text": "What we are proposing", "size": "h2"}
        description = "A heading that starts a new part of the page."


class CalloutBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "link"])

    class Meta:
        icon = "warning"
        template = BLOCK_TEMPLATES + "callout.html"
        label = "Call-out"
        preview_value = {"text": "The consultation closes on 1 September."}
        description = "Draws attention to one important point (GOV.UK inset text)."


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(
        required=False, help_text="Who said it, for example 'Volunteer, Birstall Youth Café'."
    )

    class Meta:
        icon = "openquote"
        template = BLOCK_TEMPLATES + "quote.html"
        preview_value = {
            "quote": "The café gave us somewhere to go.",
            "attribution": "A young person",
        }


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the picture shows for someone who cannot see it. "
        "Leave empty only if the picture is decoration and adds nothing.",
        required=False,
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="Tick only if the picture is decoration: screen readers will skip it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = BLOCK_TEMPLATES + "image.html"
        label = "Image"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("alt_text") and not value.get("decorative"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Describe the picture, or tick 'decorative' if it adds nothing."
                    )
                }
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, help_text="Leave empty to use the document's own title."
    )
    description = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = BLOCK_TEMPLATES + "document.html"
        label = "Document link"


class AccordionSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150)
    summary = blocks.CharBlock(required=False, max_length=200)
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = BLOCK_TEMPLATES + "accordion.html"
        description = "Sections that open and close. Without JavaScript, every section shows."


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        max_length=200, help_text="Say what the table shows. Screen readers read this first."
    )
    table = TableBlock(
        table_options={
            "contextMenu": [
                "row_above",
                "row_below",
                "col_left",
                "col_right",
                "remove_row",
                "remove_col",
                "undo",
                "redo",
            ]
        }
    )

    class Meta:
        icon = "table"
        template = BLOCK_TEMPLATES + "table.html"
        label = "Table"

    # wagtail-localize leaves a TableBlock's cells out of a translation (it does
    # not know the block): these give it the caption and each cell that has
    # text, as strings to translate, and put the translations back in place.

    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        segments = []
        if value.get("caption"):
            segments.append(StringSegmentValue("caption", value["caption"]))
        for row_index, row in enumerate((value.get("table") or {}).get("data") or []):
            for col_index, cell in enumerate(row or []):
                if isinstance(cell, str) and cell.strip():
                    segments.append(StringSegmentValue(f"table.{row_index}.{col_index}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        table = copy.deepcopy(value.get("table") or {})
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["caption"] = text
                continue
            kind, _dot, where = segment.path.partition(".")
            row_index, _dot, col_index = where.partition(".")
            if kind == "table" and row_index.isdigit() and col_index.isdigit():
                table["data"][int(row_index)][int(col_index)] = text
        value["table"] = table
        return value


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        template=BLOCK_TEMPLATES + "rich_text.html",
        icon="pilcrow",
        label="Text",
    )
    callout = CalloutBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    table = CaptionedTableBlock()
    document = DocumentLinkBlock()
    accordion = AccordionBlock()


def with_block_ids(block, value, path="survey"):
    """Raw StreamField data with an id on every stream child and list item.

    Content written as raw data (demo content, imports) has no ids, and
    wagtail-localize needs them to find each translatable string. Missing ids
    are derived from the position and key, so loading the same content twice
    gives the same ids (and translations stay attached)."""

    def new_id(where):
        # The prefix only salts the ids; it stays as it was when this lived in
        # consultations, so that ids made then do not change.
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"consultations:{where}"))

    if isinstance(block, blocks.StreamBlock):
        children = []
        for index, child in enumerate(value or []):
            if child.get("type") not in block.child_blocks:
                continue
            inner = child["value"]
            key = inner.get("key", "") if isinstance(inner, dict) else ""
            where = f"{path}/{index}:{child['type']}:{key}"
            children.append(
                {
                    "type": child["type"],
                    "value": with_block_ids(block.child_blocks[child["type"]], inner, where),
                    "id": child.get("id") or new_id(where),
                }
            )
        return children
    if isinstance(block, blocks.ListBlock):
        items = []
        for index, item in enumerate(value or []):
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                inner, item_id = item["value"], item.get("id")
            else:
                inner, item_id = item, None
            where = f"{path}/{index}"
            items.append(
                {
                    "type": "item",
                    "value": with_block_ids(block.child_block, inner, where),
                    "id": item_id or new_id(where),
                }
            )
        return items
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: with_block_ids(block.child_blocks[name], child, f"{path}.{name}")
            if name in block.child_blocks
            else child
            for name, child in value.items()
        }
    return value
