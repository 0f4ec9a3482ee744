from django.template.response import TemplateResponse


def csrf_failure(request, reason=""):
    """A form was sent without a valid security token (usually an old tab)."""
    return TemplateResponse(request, "pages/csrf_failure.html", status=403)
