"""The public "We asked, you said, we did" section of a consultation page."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from consultations.headlines import headline_figures, questions_asked, sample_figures
from consultations.models.pages import RESULTS
from consultations.models.settings import ConsultationSettings

register = template.Library()


def published_on(value):
    """'Published 18 November 2014', the date in a <time> element, in the
    language's own date format (council_site/formats)."""
    when = format_html('<time datetime="{}">{}</time>', value.isoformat(), date_format(value))
    # The sentence is escaped and the date built by format_html.
    return mark_safe(conditional_escape(_("Published %(date)s")) % {"date": when})  # nosec B308 B703


@register.inclusion_tag("components/consultations/results.html", takes_context=True)
def we_asked_you_said_we_did(context, page):
    """Shown only once staff have published the results of a closed consultation.
    A preview shows sample figures, marked as such: editors may not see responses."""
    request = context.get("request")
    shown = page.status_at(timezone.now()) == RESULTS
    preview = bool(getattr(request, "is_preview", False))
    figures = []
    if shown and preview:
        figures = sample_figures(page)
    elif shown:
        settings = ConsultationSettings.for_request(request) if request else None
        threshold = settings.small_number_threshold if settings else 10
        figures = headline_figures(page, threshold)
    # On a page not yet translated, the content is English inside a <main lang="en">:
    # mark this section's own words with the resident's language.
    untranslated = page.locale.language_code != get_language()
    return {
        "shown": shown,
        "page": page,
        "figures": figures,
        "preview": preview,
        # Staff chose figures, but too few people answered any of them.
        "too_few": bool(page.results_headlines) and not figures,
        "asked": questions_asked(figures),
        "published": published_on(page.results_date) if page.results_date else "",
        "ui_lang": get_language() if untranslated else "",
        "ui_dir": "rtl" if get_language_bidi() else "ltr",
        "request": request,
    }
