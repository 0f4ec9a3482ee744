"""A plan's open data under the Open Government Licence: its actions with
their status, and their progress updates with the measures' figures, as CSV
and JSON at stable addresses below the plan (``data/actions/csv/``,
``data/progress-updates/json/`` ...), listed on ``data/``."""

from django.http import Http404
from django.template.response import TemplateResponse

from core.opendata import FORMATS, LICENCE, data_response

from .models import Measure, ProgressUpdate
from .overview import PlanOverview
from .status import Status

DATASETS = ["actions", "progress-updates"]


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
    return data_response(
        ROWS[dataset](plan, request),
        dataset=dataset,
        about={"plan": plan.title},
        request=request,
        filename=f"{plan.slug}-{dataset}",
        file_format=file_format,
    )


def consultations_with_figures(plan):
    """The consultations that led to the plan's actions whose headline figures
    are published, in the plan's language where translated, by title: their
    figures are listed with the plan's datasets. Two queries at most."""
    from consultations.models import ConsultationPage
    from strategy.models.mixins import in_locale

    pages = (
        ConsultationPage.objects.live()
        .public()
        .filter(delivery_action_links__action__in=plan.live_actions().values("pk"))
        .distinct()
    )
    pages = in_locale(
        [page for page in pages if page.has_published_figures()], plan.locale_id, ConsultationPage
    )
    return sorted(pages, key=lambda page: page.title)


def data_page(plan, request):
    context = plan.get_context(request)
    context["datasets"] = DATASETS
    context["licence"] = LICENCE
    context["consultations"] = consultations_with_figures(plan)
    return TemplateResponse(request, "pages/delivery_plan_data.html", context)
