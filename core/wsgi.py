"""The site's WSGI application: Django's, with every request read as UTF-8.

Django takes the character set a request declares in its Content-Type as the
encoding of its query and form while it builds the request, before any
middleware runs. A character set that is not a text encoding (``base64``,
``hex``, ``zlib``) or that always fails (``undefined``) then raises right there,
and the WSGI server answers a bare 500 without any of the site's headers. The
site speaks UTF-8 only: the declared character set is kept in
``content_params``, where ``core.errors.FormEncodingMiddleware`` refuses a form
in another one with the 400 page, and is never used to decode anything.
"""

import django
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.utils.http import parse_header_parameters


class UTF8Request(WSGIRequest):
    def _set_content_type_params(self, meta):
        self.content_type, self.content_params = parse_header_parameters(
            meta.get("CONTENT_TYPE", "")
        )


class UTF8WSGIHandler(WSGIHandler):
    request_class = UTF8Request


def get_wsgi_application():
    django.setup(set_prefix=False)
    return UTF8WSGIHandler()
