"""Figures as residents read them: '847 groups', '£450,000', in the active
language's digit grouping."""

from decimal import Decimal

from django.utils.formats import number_format


def plain_number(value):
    """A number with its grouping and no needless decimals: 450000 -> '450,000',
    12.50 -> '12.5'."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return number_format(value, 0, use_l10n=True, force_grouping=True)
    text = format(value.normalize(), "f")
    places = len(text.split(".")[1]) if "." in text else 0
    return number_format(value, places, use_l10n=True, force_grouping=True)


def figure_text(value, prefix="", unit=""):
    """The number with the measure's prefix and unit: '£450,000', '847 groups'."""
    if value is None:
        return ""
    text = f"{prefix}{plain_number(value)}"
    return f"{text} {unit}" if unit else text
