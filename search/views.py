import datetime
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import F
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from modelsearch.query import Fuzzy, PlainText
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from core.chrome_cache import remembered, remembered_each
from core.locales import active_locale
from core.sites import site_pages, site_paths_q
from search.models import SearchTermDay
from search.text import han_bigrams, has_han, highlight

MAX_QUERY_LENGTH = 200
# Each word (or pair of Chinese characters) is one more term of the database
# query, nested one level deeper: a pasted paragraph must not nest hundreds.
MAX_QUERY_TERMS = 32
RESULTS_PER_PAGE = 10

# The kinds of page a resident can narrow results to. "Other pages" is
# everything not named here.
TYPE_GROUPS = [
    (
        "strategy",
        _("Strategy"),
        [
            "strategy.StrategyPage",
            "strategy.ForewordPage",
            "strategy.StrategySectionPage",
            "strategy.CommunitiesModelPage",
        ],
    ),
    ("priority", _("Priorities"), ["strategy.PriorityPage"]),
    ("building-block", _("Building blocks"), ["strategy.BuildingBlockPage"]),
    ("case-study", _("Case studies"), ["case_studies.CaseStudyPage"]),
    ("consultation", _("Consultations"), ["consultations.ConsultationPage"]),
    ("event", _("Events"), ["events.EventPage"]),
    ("other", _("Other pages"), []),
]

# Terms that look like personal details are never recorded in the statistics.
PERSONAL = re.compile(r"@|\d{5,}|\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b", re.IGNORECASE)


def page_models(labels):
    found = []
    for label in labels:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


def clean_query(raw):
    query = (raw or "").replace("\x00", "")
    query = "".join(ch for ch in query if ch.isprintable())
    return " ".join(" ".join(query.split())[:MAX_QUERY_LENGTH].split()[:MAX_QUERY_TERMS])


def first_terms(words):
    """The first MAX_QUERY_TERMS different words, in order."""
    return " ".join(list(dict.fromkeys(words.split()))[:MAX_QUERY_TERMS])


def pages_of_type(queryset, type_key):
    if type_key == "other":
        named = [label for key, _label, labels in TYPE_GROUPS for label in labels]
        return queryset.not_type(*page_models(named))
    for key, _label, labels in TYPE_GROUPS:
        if key == type_key:
            return queryset.type(*page_models(labels))
    return queryset


def run_search(queryset, query):
    """Search the pages, with the fallbacks each language needs. Double quotes
    mean nothing to residents' searches here, and SQLite's full-text search
    refuses an unmatched one: they are spaces."""
    query = query.replace('"', " ").strip()
    if not query:
        return []
    if has_han(query):
        # Chinese: the pages index overlapping character pairs; so does the query.
        pairs = han_bigrams(query)
        other_words = " ".join(w for w in query.split() if not has_han(w))
        terms = first_terms(f"{pairs} {other_words}")
        return list(queryset.search(PlainText(terms, operator="and")))
    results = list(queryset.search(query, operator="and"))
    if not results and connection.vendor == "postgresql":
        # Polish typed without diacritics, and inflected words: trigram
        # similarity on accent-free text (search/migrations/0001).
        results = list(queryset.search(Fuzzy(query, unaccent=True)))
    return results


def promoted_pages(pages, query):
    """Pages staff pinned to this query (Search promotions in the admin), in their order."""
    picks = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query), page__isnull=False
    ).order_by("sort_order")
    ids = list(picks.values_list("page_id", flat=True))
    if not ids:
        return []
    found = {page.pk: page for page in pages.filter(id__in=ids).specific()}
    return [found[pk] for pk in ids if pk in found]


def record(query, found_something):
    term = query.lower()[:100]
    if not term or PERSONAL.search(term):
        return
    try:
        SearchTermDay.record(term, get_language(), timezone.localdate(), found_something)
        add_hit(term)
    except DatabaseError:
        # Statistics must never stop a resident searching.
        pass


def add_hit(term):
    """Wagtail's count of searches for the term (its search promotions report
    popular terms from it): one query once the term has a row for today."""
    today = timezone.now().date()  # the day as Wagtail's own add_hit takes it
    hits = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(term), date=today
    )
    if not hits.update(hits=F("hits") + 1):
        Query.get(term).add_hit(today)


def matching_ids(request, locale, type_key, query):
    """The ids of the pages found, staff's picks first, and of the picks: kept
    (core/chrome_cache.py) until anything changes, so that a query asked again,
    or its next page, costs no search."""
    pages = Page.objects.live().public().filter(site_paths_q(request), locale=locale)
    promoted = [page.pk for page in promoted_pages(pages, query)]
    picked = set(promoted)
    searched = run_search(pages_of_type(pages, type_key), query)
    return promoted, promoted + [page.pk for page in searched if page.pk not in picked]


@require_safe
def search(request):
    """Search the live, public pages of the resident's language on this council's site."""
    query = clean_query(request.GET.get("q"))
    type_key = request.GET.get("type", "")
    if type_key not in {key for key, _label, _models in TYPE_GROUPS}:
        type_key = ""
    locale = active_locale()
    site = Site.find_for_request(request)
    promoted_ids, ids = [], []
    if query:
        promoted_ids, ids = remembered(
            "search",
            lambda: matching_ids(request, locale, type_key, query),
            getattr(site, "pk", None),
            locale.pk,
            type_key,
            hashlib.sha256(query.encode()).hexdigest(),
        )
        if request.GET.get("page") in (None, "", "1"):
            record(query, bool(ids))
    paginator = Paginator(ids, RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("page"))
    found = shown_results(request, site, locale, results_page.object_list)
    results_page.object_list = [found[pk] for pk in results_page.object_list if pk in found]
    items = [
        {
            "result": result,
            "summary": highlight(result.summary, query),
            "promoted": result.pk in promoted_ids,
        }
        for result in results_page
    ]
    params = {"q": query}
    if type_key:
        params["type"] = type_key
    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "search_query": query,
            "type_key": type_key,
            "types": [(key, label) for key, label, _models in TYPE_GROUPS],
            "results": results_page,
            "items": items,
            "paginator": paginator,
            "page_query": urlencode(params),
            "strategy": current_strategy(locale, request) if query and not items else None,
            # The footer is the same at /search/ whatever was asked (kept_tags).
            "kept_address": True,
        },
    )


@dataclass(frozen=True)
class Result:
    """What a search result shows of a page, kept until anything changes
    (core/chrome_cache.py), or until its label would say something else."""

    pk: int
    title: str
    url: str
    label: str
    summary: str
    label_changes_at: datetime.datetime | None = None

    def still_true(self):
        return self.label_changes_at is None or timezone.now() < self.label_changes_at


def shown_results(request, site, locale, ids):
    """The results shown, by page id: those not kept are fetched in one go,
    each as its own type (the label and summary are its own)."""

    def build(missing):
        pages = Page.objects.filter(pk__in=missing).specific()
        return {
            page.pk: Result(
                pk=page.pk,
                title=page.title,
                url=page.get_url(request=request) or "",
                label=str(result_label(page)),
                summary=getattr(page, "search_summary", lambda: "")(),
                label_changes_at=getattr(page, "search_label_changes_at", lambda: None)(),
            )
            for page in pages
        }

    return remembered_each(
        "search-result",
        ids,
        build,
        getattr(site, "pk", None),
        locale.pk,
        get_language(),
        still_true=Result.still_true,
    )


def current_strategy(locale, request=None):
    """The current strategy in the resident's language (or English), for the
    "no results" page."""
    try:
        model = apps.get_model("strategy", "StrategyPage")
    except LookupError:
        return None
    current = site_pages(model.objects.live().public().filter(is_current=True), request)
    return current.filter(locale=locale).first() or current.order_by("path").first()


def result_label(page):
    label = getattr(page, "search_result_label", None)
    if callable(label):
        return label()
    return page.specific_class._meta.verbose_name.capitalize()
