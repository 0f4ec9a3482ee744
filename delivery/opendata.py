"""A plan's open data under the Open Government Licence: its actions with
their status, and their progress updates with the measures' figures, as CSV
and JSON at stable addresses below the plan (``data/actions/csv/``,
``data/progress-updates/json/`` ...), listed on ``data/``."""

import csv
import io
import json

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse

from .models import Measure, ProgressUpdate
from .overview import PlanOverview
from .status import Status

LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
DATASETS = ["actions", "progress-updates"]
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def actions_rows(plan, request):
    overview = PlanOverview(plan)
    priorities = {p.translation_key: p.title for p in overview.priorities}
    blocks = {b.translation_key: b.title for b in overview.building_blocks}
    for action in overview.actions:
        yield {
            "id": action.pk,
            "reference": action.reference,
            "title": action.title,
            "url": request.build_absolute_uri(action.get_url(request=request)),
            "lead": action.lead,
            "status": action.status,
            "status_label": str(Status(action.status).label),
            "start_date": action.start_date.isoformat() if action.start_date else "",
            "due_date": action.due_date.isoformat() if action.due_date else "",
            "last_update": action.last_update.isoformat() if action.last_update else "",
            "priorities": "; ".join(priorities[k] for k in action.priority_keys if k in priorities),
            "building_blocks": "; ".join(blocks[k] for k in action.block_keys if k in blocks),
            "workstream": action.workstream.title if action.workstream else "",
        }


def updates_rows(plan, request):
    actions = {action.pk: action for action in plan.live_actions()}
    updates = list(
        ProgressUpdate.objects.filter(action_id__in=list(actions)).order_by("date", "pk")
    )
    measures = Measure.objects.in_bulk({u.measure_id for u in updates if u.measure_id})
    for update in updates:
        measure = measures.get(update.measure_id)
        yield {
            "action_id": update.action_id,
            "action": actions[update.action_id].title,
            "date": update.date.isoformat(),
            "status": update.status,
            "text": update.text,
            "measure": measure.slug if measure else "",
            "measure_name": measure.name if measure else "",
            "value": str(update.value) if update.value is not None else "",
            "unit": (measure.prefix or measure.unit) if measure else "",
        }


ROWS = {"actions": actions_rows, "progress-updates": updates_rows}


def dataset_response(plan, request, dataset, file_format):
    if dataset not in ROWS or file_format not in FORMATS:
        raise Http404
    rows = list(ROWS[dataset](plan, request))
    if file_format == "json":
        body = json.dumps(
            {
                "dataset": dataset,
                "plan": plan.title,
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
        fields = list(rows[0]) if rows else []
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            # Text a spreadsheet would run as a formula is kept as text.
            writer.writerow(
                {
                    k: f"'{v}" if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v
                    for k, v in row.items()
                }
            )
        response = HttpResponse(out.getvalue(), content_type=FORMATS["csv"])
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    response["Content-Disposition"] = f'inline; filename="{plan.slug}-{dataset}.{file_format}"'
    return response


def data_page(plan, request):
    context = plan.get_context(request)
    context["datasets"] = DATASETS
    context["licence"] = LICENCE
    return TemplateResponse(request, "pages/delivery_plan_data.html", context)
