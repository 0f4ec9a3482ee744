from django import template
from django.db.models import Q

from case_studies.models import CaseStudyIndexPage, related_case_studies
from core.links import localize
from core.locales import active_locale, default_locale
from core.sites import site_pages

register = template.Library()


@register.inclusion_tag("components/related_case_studies.html", takes_context=True)
def case_studies_for(context, strategy_page, filter_name, limit=3):
    """Case studies that show a priority or building block, with a link to all of
    them on the filtered case study index. ``filter_name`` is "priority" or
    "building_block".

    A translated case study keeps pointing at the English priorities (as
    wagtail-localize copies chosen pages), so case studies are found by the
    English original's links, and each is shown in the resident's language
    where it is translated (core.links)."""
    request = context.get("request")
    field = "priorities" if filter_name == "priority" else "building_blocks"
    condition = Q(**{f"{field}__translation_key": strategy_page.translation_key}) & Q(
        locale=default_locale()
    )
    queryset = related_case_studies(condition, limit=None, site=strategy_page)
    shown = localize(list(queryset[:limit]), request, specific=True)
    total = len(shown) if len(shown) < limit else queryset.count()
    locale = active_locale()
    index = (
        site_pages(CaseStudyIndexPage.objects.live(), strategy_page).filter(locale=locale).first()
    )
    chosen = strategy_page
    if strategy_page.locale_id != locale.pk:
        chosen = strategy_page.get_translation_or_none(locale)
    all_url = None
    if index is not None and chosen is not None:
        all_url = f"{index.get_url(request=request)}?{filter_name}={chosen.pk}"
    return {
        "case_studies": shown,
        "total": total,
        "all_url": all_url,
        "subject": strategy_page.title,
        "request": request,
    }
