"""``{% kept "name" value ... %}...{% endkept %}``: a part of a page rendered
once and kept with the look-ups of core/chrome_cache.py, under the same
generation, so that any change to any page, Site, setting, image or the
council's words renders it afresh on the next request, on every app server.

Only on a page (``page`` in the context: not on an error page, whose
address anyone can make up) or a view at a fixed address that says so
(``kept_address``: search), and only for parts that depend on nothing but
the values given, the page's
language, the Site, the address and the day (never on the time of day, the
visitor or the query string: give what a part reads from those as values,
as a consultation gives its status). Never
kept: a preview (a draft shown under the live page's id), a signed-in
visitor's request, anything but a GET, and any part that came out carrying
a CSRF token (another visitor's token would fail them). A name that is
empty or None keeps nothing: the view's way to say "not this time"."""

import hashlib

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from core.chrome_cache import remembered

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        request = context.get("request")
        name = self.name.resolve(context)
        if not name or not keepable(context, request):
            return self.nodelist.render(context)
        parts = [
            request.get_host(),
            request.path,
            get_language(),
            # Kept for a day at most: "today" may show in a part given only
            # the values it needs for the time of day.
            timezone.localdate().isoformat(),
            *(identity(value.resolve(context)) for value in self.values),
        ]
        digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
        rendered = []

        def build():
            html = self.nodelist.render(context)
            rendered.append(html)
            # None: rendered afresh each time.
            # Kept as rendered: a SafeString, pickled and read back as one.
            return None if "csrfmiddlewaretoken" in html else html

        html = remembered("fragment", build, name, digest)
        if html is None:
            return rendered[0] if rendered else self.nodelist.render(context)
        return html


def identity(value):
    """A model instance by its kind and id (its repr is only its title)."""
    if hasattr(value, "_meta") and hasattr(value, "pk"):
        return f"{value._meta.label}:{value.pk}"
    return repr(value)


def keepable(context, request):
    if request is None or request.method != "GET" or getattr(request, "is_preview", False):
        return False
    # Only around a page that exists: the addresses kept are those of real
    # pages (and their routes), never whatever address someone makes up.
    # A view at an address of its own (search) says so with ``kept_address``.
    page = context.get("page")
    if getattr(page, "pk", None) is None and not context.get("kept_address"):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% kept %} needs a name")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
