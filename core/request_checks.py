"""Requests refused before any view reads them."""

from django.core.exceptions import BadRequest


class RefuseNullCharacters:
    """A NUL character is never part of an address, a search or a filter that a
    person typed, and PostgreSQL refuses to compare text with one: a request
    with one in its path or query string gets the "problem with what you sent"
    page (400) instead of a server error. Forms refuse NUL in what is posted
    with a message beside the field."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A NUL character in the address")
        return self.get_response(request)
