from datetime import timedelta

from django.db.models import Sum
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem

from search.models import SearchTermDay

PERMISSION = "wagtailsearchpromotions.add_searchpromotion"
REPORT_DAYS = 30


@permission_required(PERMISSION)
def search_terms_report(request):
    """What residents searched for in the last 30 days, and what found nothing."""
    since = timezone.localdate() - timedelta(days=REPORT_DAYS)
    rows = (
        SearchTermDay.objects.filter(day__gte=since)
        .values("term", "language_code")
        .annotate(searches=Sum("searches"), misses=Sum("searches_without_results"))
    )
    return TemplateResponse(
        request,
        "search/admin/search_terms.html",
        {
            "days": REPORT_DAYS,
            "most_searched": rows.order_by("-searches", "term")[:50],
            "found_nothing": rows.filter(misses__gt=0).order_by("-misses", "term")[:50],
        },
    )


@hooks.register("register_admin_urls")
def register_search_terms_url():
    return [path("reports/search-terms/", search_terms_report, name="search_terms_report")]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        "What residents search for", reverse("search_terms_report"), icon_name="search", order=900
    )
