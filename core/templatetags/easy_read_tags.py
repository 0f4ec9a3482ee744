from django import template

from core.addresses import absolute_url
from core.easy_read import sentences as split_sentences

register = template.Library()


@register.filter
def sentences(text):
    return split_sentences(str(text or ""))


@register.inclusion_tag("components/easy_read_credits.html")
def easy_read_credits(page):
    """Credits for the pictures on an Easy Read page, where their licence asks for it."""
    from core.models import ImageCredit

    image_ids = {
        child.value["picture"].pk
        for child in page.easy_read or []
        if child.block_type == "row" and child.value.get("picture")
    }
    credits = ImageCredit.objects.filter(image_id__in=image_ids).exclude(attribution="")
    return {"attributions": sorted({credit.attribution for credit in credits})}


@register.simple_tag(takes_context=True)
def easy_read_url(context, page, absolute=False):
    """The address of a page's Easy Read version: a path on the requested Site
    (an absolute address for a page on another Site), or with ``absolute=True``
    always absolute, on the requested host."""
    request = context.get("request")
    if page is None or not getattr(page, "has_easy_read", False):
        return ""
    url = page.get_easy_read_url(request=request)
    return absolute_url(url, request) if absolute else url


PICTURE_SIZE = "width-200"


@register.simple_tag(takes_context=True)
def easy_read_survey_pictures(context, page):
    """The pictures chosen for one Easy Read survey page ("start", "check" or
    "confirmation") under Settings → Easy Read survey pictures, by idea: one
    query for the pictures and their renditions."""
    from wagtail.images import get_image_model

    from core.models import EasyReadSurveyPictures

    request = context.get("request")
    if request is None:
        return {}
    ids = EasyReadSurveyPictures.for_request(request).picture_ids(page)
    images = get_image_model().objects.filter(pk__in=[pk for pk in ids.values() if pk])
    by_id = {image.pk: image for image in images.prefetch_renditions(PICTURE_SIZE)}
    return {name: by_id.get(pk) for name, pk in ids.items()}


@register.simple_tag
def easy_read_picture(image):
    """A picture beside an Easy Read sentence that says what it shows: no alt
    text (screen readers would say the same thing twice)."""
    if image is None:
        return ""
    return image.get_rendition(PICTURE_SIZE).img_tag(
        {"class": "app-easy-read-survey__idea-picture", "alt": ""}
    )


@register.inclusion_tag("components/easy_read_credits.html")
def picture_credits(pictures):
    """Credits for the pictures shown (a mapping of pictures, as above), where
    their licence asks for one."""
    from core.models import ImageCredit

    ids = {image.pk for image in (pictures or {}).values() if image is not None}
    if not ids:
        return {"attributions": []}
    credits = ImageCredit.objects.filter(image_id__in=ids).exclude(attribution="")
    return {"attributions": sorted({credit.attribution for credit in credits})}
