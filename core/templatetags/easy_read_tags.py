from django import template

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
