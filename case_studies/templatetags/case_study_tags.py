from django import template
from django.db.models import Q

from case_studies.models import CaseStudyIndexPage, related_case_studies

register = template.Library()


@register.inclusion_tag("components/related_case_studies.html", takes_context=True)
def case_studies_for(context, strategy_page, filter_name, limit=3):
    """Case studies that show a priority or building block, with a link to all of
    them on the filtered case study index. ``filter_name`` is "priority" or
    "building_block"."""
    field = "priorities" if filter_name == "priority" else "building_blocks"
    queryset = related_case_studies(Q(**{field: strategy_page.pk}), limit=None)
    shown = list(queryset[:limit])
    total = len(shown) if len(shown) < limit else queryset.count()
    index = CaseStudyIndexPage.objects.live().filter(locale_id=strategy_page.locale_id).first()
    all_url = None
    if index is not None:
        all_url = (
            f"{index.get_url(request=context.get('request'))}?{filter_name}={strategy_page.pk}"
        )
    return {
        "case_studies": shown,
        "total": total,
        "all_url": all_url,
        "subject": strategy_page.title,
        "request": context.get("request"),
    }
