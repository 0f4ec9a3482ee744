"""Colour contrast as WCAG 2.2 defines it, for the council's brand colour.

The brand colour is drawn as the stripe under the header (as GOV.UK's blue
stripe is), where it meets the page's text colour and, when a header link has
the keyboard focus, GOV.UK Frontend's yellow focus colour. Both must stand out
from it by at least 3:1, WCAG 2.2's ratio for parts of the interface and
graphics (success criterion 1.4.11, non-text contrast) and for a focus
indicator against what is next to it (2.4.13)."""

import re

from django.core.exceptions import ValidationError

TEXT_COLOUR = "#0b0c0c"
FOCUS_COLOUR = "#ffdd00"
MINIMUM_RATIO = 3.0
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def relative_luminance(hex_colour):
    """WCAG 2.2's relative luminance of ``#rrggbb``."""
    channels = []
    for start in (1, 3, 5):
        value = int(hex_colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    """WCAG 2.2's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_brand_colour(value):
    """Refuses a colour that is not ``#rrggbb``, or that the header's text or
    focus colour would not stand out from."""
    if not value:
        return
    if not HEX.match(value):
        raise ValidationError(
            "Write the colour as # and six hexadecimal digits, for example #1d70b8.",
            code="not_hex",
        )
    problems = []
    for name, other in (("the text colour", TEXT_COLOUR), ("the focus colour", FOCUS_COLOUR)):
        ratio = contrast_ratio(value, other)
        if ratio < MINIMUM_RATIO:
            problems.append(f"{ratio:.1f}:1 against {name} ({other})")
    if problems:
        raise ValidationError(
            f"This colour does not stand out enough: {' and '.join(problems)}; "
            f"it needs at least {MINIMUM_RATIO:.0f}:1 against both. Choose a mid-tone colour, "
            "darker than the yellow focus colour and lighter than the text, such as #1d70b8.",
            code="contrast",
        )
