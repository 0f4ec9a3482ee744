"""Open data under the Open Government Licence: a list of rows as a CSV or
JSON file at a stable address, with the licence in the file (JSON) and in a
``Link`` header (both). Used by the delivery plans' datasets and by the
consultations' published headline figures."""

import csv
import io
import json

from django.http import Http404, HttpResponse

LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
# Text a spreadsheet would run as a formula starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@")


def csv_safe(value):
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return f"'{value}"
    return "" if value is None else value


def data_response(rows, *, dataset, about, request, filename, file_format, fields=None):
    """``rows`` (dicts with the same keys) as CSV or JSON. ``about`` (a dict,
    such as ``{"plan": title}``) describes the dataset in the JSON; ``fields``
    names the CSV's columns when there may be no rows."""
    if file_format not in FORMATS:
        raise Http404
    rows = list(rows)
    if file_format == "json":
        body = json.dumps(
            {
                "dataset": dataset,
                **about,
                "publisher": str(request.get_host()),
                "licence": LICENCE,
                "rows": rows,
            },
            ensure_ascii=False,
            indent=1,
        )
        response = HttpResponse(body, content_type=FORMATS["json"])
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=fields or (list(rows[0]) if rows else []))
        writer.writeheader()
        for row in rows:
            writer.writerow({key: csv_safe(value) for key, value in row.items()})
        response = HttpResponse(out.getvalue(), content_type=FORMATS["csv"])
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    response["Content-Disposition"] = f'inline; filename="{filename}.{file_format}"'
    return response
