"""A closed consultation's published headline figures ("You said") as open
data under the Open Government Licence, at a stable address below the
consultation page: ``data/headline-figures/csv/`` and ``.../json/``.

The figures are the ones the public page shows, with the same small-number
rules (``headlines.headline_figures`` with the site's threshold): counts
rounded, a count under the threshold left empty with a note instead of a
share, a figure that too few answered left out. There is nothing to download
until staff publish the results."""

from django.http import Http404

from core.addresses import absolute_url
from core.opendata import data_response

from .headlines import headline_figures
from .models.settings import ConsultationSettings

DATASET = "headline-figures"
FIELDS = [
    "consultation",
    "consultation_url",
    "results_published",
    "question",
    "statement",
    "description",
    "people_who_answered",
    "people_who_chose",
    "percent",
    "note",
]


def headline_rows(page, request):
    threshold = ConsultationSettings.for_request(request).small_number_threshold
    url = absolute_url(page.get_url(request=request), request=request)
    published = page.results_date.isoformat() if page.results_date else ""
    for figure in headline_figures(page, threshold):
        yield {
            "consultation": page.title,
            "consultation_url": url,
            "results_published": published,
            "question": str(figure.question),
            "statement": str(figure.statement),
            "description": figure.description,
            "people_who_answered": figure.shown_total,
            "people_who_chose": figure.shown,
            "percent": figure.percent,
            "note": "" if figure.shown is not None else figure.numbers.text(figure.count),
        }


def headline_figures_response(page, request, file_format):
    if not page.has_published_figures():
        raise Http404
    return data_response(
        headline_rows(page, request),
        dataset=DATASET,
        about={"consultation": page.title},
        request=request,
        filename=f"{page.slug}-{DATASET}",
        file_format=file_format,
        fields=FIELDS,
    )
