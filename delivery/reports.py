"""A progress report for one period: each action's status at the end of the
period and its progress updates dated within it, grouped by priority (or
workstream), the counts of actions by status at the end of the period, and
the measures' figures of the period. A fixed number of queries, however many
actions the plan has."""

from django.utils.translation import gettext as _

from .localize import localized
from .models import Measure, ProgressUpdate
from .overview import PlanOverview
from .series import measure_figures, measure_values
from .status import TAG_CLASSES, HasStatus, Status


class ReportRow(HasStatus):
    def __init__(self, action, status, updates):
        self.action = action
        self.status = status
        self.updates = updates


# What report_context gives the template (ProgressReportPage.get_context reads them lazily).
REPORT_KEYS = ("plan", "groups", "counts", "total", "measures")


def report_context(report):
    plan = report.plan
    if plan is None:
        return {"plan": None, "groups": [], "measures": [], "counts": []}
    overview = PlanOverview(plan)
    ids = [action.pk for action in overview.actions]
    updates = ProgressUpdate.objects.filter(action_id__in=ids, date__lte=report.period_end)
    by_action = {}
    for update in updates.order_by("date", "sort_order", "pk"):
        by_action.setdefault(update.action_id, []).append(update)
    rows = {}
    for action in overview.actions:
        status = Status.NOT_STARTED
        in_period = []
        for update in by_action.get(action.pk, []):
            if update.status:
                status = update.status
            if update.date >= report.period_start:
                in_period.append(update)
        rows[action.pk] = ReportRow(action, status, in_period)

    groups = []
    placed = set()
    for priority in overview.priorities:
        members = [
            rows[a.pk] for a in overview.actions if priority.translation_key in a.priority_keys
        ]
        placed.update(row.action.pk for row in members)
        title = _("Priority %(number)s: %(title)s") % {
            "number": priority.number,
            "title": priority.title,
        }
        groups.append({"title": title, "page": priority, "rows": members})
    for workstream in overview.workstreams:
        members = [rows[a.pk] for a in overview.actions if a.workstream is workstream]
        placed.update(row.action.pk for row in members)
        groups.append({"title": workstream.title, "page": workstream, "rows": members})
    others = [rows[a.pk] for a in overview.actions if a.pk not in placed]
    if others:
        groups.append(
            {"title": _("Other actions") if groups else _("Actions"), "page": None, "rows": others}
        )
    groups = [group for group in groups if group["rows"]]

    counts = dict.fromkeys(Status.values, 0)
    for row in rows.values():
        counts[row.status] += 1

    # Figures of the period: the measures given a value by this plan's updates.
    measure_ids = {
        update.measure_id
        for updates in by_action.values()
        for update in updates
        if update.measure_id and update.date >= report.period_start
    }
    measures = localized(
        list(Measure.objects.filter(pk__in=measure_ids).order_by("name")),
        report.locale_id,
        Measure,
        live=False,
    )
    values = measure_values(measures, start=report.period_start, end=report.period_end)
    return {
        "plan": plan,
        "groups": groups,
        "counts": [
            {
                "status": status,
                "label": Status(status).label,
                "tag_class": TAG_CLASSES[Status(status)],
                "count": counts[status],
            }
            for status in Status.values
        ],
        "total": len(rows),
        "measures": [
            measure_figures(measure, values.get(measure.translation_key, []))
            for measure in measures
        ],
    }
