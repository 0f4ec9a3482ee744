from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe


def csrf_failure(request, reason=""):
    """A form was sent without a valid security token (usually an old tab)."""
    return TemplateResponse(request, "pages/csrf_failure.html", status=403)


@require_safe
def brand_css(request):
    """The council's brand colour as a style sheet of this site (the Content
    Security Policy allows style sheets from the site itself, not inline
    styles): the stripe under the header. Its address carries the colour, so
    it may be kept for a day."""
    from core.colours import HEX
    from core.models import CouncilSettings

    colour = CouncilSettings.for_request(request).brand_colour
    rules = ""
    if colour and HEX.match(colour):
        rules = f".govuk-generic-header.app-brand-stripe{{border-bottom:10px solid {colour}}}\n"
    response = HttpResponse(rules, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response
