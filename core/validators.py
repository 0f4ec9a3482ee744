"""Checks shared by every form that reads what a resident typed."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# The longest address the database keeps (Django's EmailField, RFC 5321's
# 254-character path): Django's own check lets addresses of up to 320 through.
MAX_EMAIL_LENGTH = 254


def is_email_address(value):
    """Whether ``value`` is an email address that can be stored and sent to."""
    if not value or len(value) > MAX_EMAIL_LENGTH:
        return False
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def validate_single_line(value):
    """Text that goes into an email's subject or a header: a line break there
    would let the sender write headers of their own."""
    if "\r" in value or "\n" in value:
        raise ValidationError("Line breaks are not allowed here.", code="line_break")


def whole_number(text, max_digits=9):
    """The number a resident or an address gave as plain digits (0-9 only), or
    None. ``str.isdigit()`` accepts "²" and "①", which ``int()`` refuses, and
    ``int()`` refuses thousands of digits."""
    text = (text or "").strip()
    if not text or len(text) > max_digits or not text.isascii() or not text.isdigit():
        return None
    return int(text)
