"""The public plan: counts of actions by status for each priority (and each
workstream), and the list of actions with a filter by status, priority,
building block, lead and workstream.

The filter is a GET form, so it works without JavaScript and every filtered
list has an address residents can share. A value the form does not know (a
mistyped or hostile address) is left out and the form says why; it never
causes an error page. The whole overview costs the same few queries however
many actions the plan has."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.filters import ChosenFiltersMixin
from strategy.models import BuildingBlockPage, PriorityPage, StrategyPage

from .localize import localized
from .models import (
    ActionBuildingBlock,
    ActionPriority,
    ProgressReportPage,
    ProgressUpdate,
    WorkstreamPage,
)
from .status import TAG_CLASSES, Status

FILTER_FIELDS = ["status", "priority", "building_block", "lead", "workstream"]


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    priority = forms.ChoiceField(label=_("Priority"), required=False)
    building_block = forms.ChoiceField(label=_("Building block"), required=False)
    lead = forms.ChoiceField(label=_("Lead team or partner"), required=False)
    workstream = forms.ChoiceField(label=_("Workstream"), required=False)

    def __init__(self, data, choices):
        super().__init__(data)
        any_choice = [("", _("Any"))]
        for name in FILTER_FIELDS:
            self.fields[name].choices = any_choice + choices.get(name, [])
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose one of the options in the list"
            )
        # A plan without workstreams, or without a strategy's priorities, has
        # nothing to choose there.
        for name in ("priority", "building_block", "workstream"):
            if not choices.get(name):
                del self.fields[name]


class PlanOverview:
    """Every published action of a plan with what the overview needs to know
    about it, loaded in a fixed number of queries."""

    def __init__(self, plan):
        self.plan = plan
        last_update = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date")
        self.actions = list(
            plan.live_actions().annotate(last_update=Subquery(last_update.values("date")[:1]))
        )
        ids = [action.pk for action in self.actions]
        self.priority_keys = self._keys(ActionPriority, "priority", ids)
        self.block_keys = self._keys(ActionBuildingBlock, "building_block", ids)
        strategy = None
        if plan.strategy_id:
            strategy = localized(
                [StrategyPage.objects.filter(pk=plan.strategy_id).defer_streamfields().first()],
                plan.locale_id,
                StrategyPage,
            )
            strategy = strategy[0] if strategy else None
        self.strategy = strategy
        parts = []
        if strategy is not None:
            parts = list(
                Page.objects.child_of(strategy)
                .live()
                .public()
                .exact_type(PriorityPage, BuildingBlockPage)
                .only("id", "title", "slug", "translation_key", "content_type_id", "path")
                .order_by("path")
            )
        priority_type = ContentType.objects.get_for_model(PriorityPage)
        self.priorities = [part for part in parts if part.content_type_id == priority_type.id]
        self.building_blocks = [part for part in parts if part.content_type_id != priority_type.id]
        for number, priority in enumerate(self.priorities, start=1):
            priority.number = number
        for number, block in enumerate(self.building_blocks, start=1):
            block.number = number
        self.workstreams = list(
            WorkstreamPage.objects.child_of(plan)
            .live()
            .public()
            # What its card shows too (core/models/mixins.py: summary).
            .only(
                "id",
                "title",
                "slug",
                "path",
                "url_path",
                "depth",
                "locale_id",
                "listing_summary",
                "search_description",
            )
            .order_by("path")
        )
        for action in self.actions:
            action.priority_keys = self.priority_keys.get(action.pk, set())
            action.block_keys = self.block_keys.get(action.pk, set())
            action.workstream = next(
                (ws for ws in self.workstreams if action.path.startswith(ws.path)), None
            )

    @staticmethod
    def _keys(model, field, ids):
        keys = {}
        rows = model.objects.filter(action_id__in=ids).values_list(
            "action_id", f"{field}__translation_key"
        )
        for action_id, key in rows:
            keys.setdefault(action_id, set()).add(key)
        return keys

    def leads(self):
        return sorted({action.lead for action in self.actions if action.lead})

    def choices(self):
        return {
            "status": list(Status.choices),
            "priority": [(p.slug, p.title) for p in self.priorities],
            "building_block": [(b.slug, b.title) for b in self.building_blocks],
            "lead": [(lead, lead) for lead in self.leads()],
            "workstream": [(ws.slug, ws.title) for ws in self.workstreams],
        }

    def counts(self, actions):
        counts = dict.fromkeys(Status.values, 0)
        for action in actions:
            counts[action.status] = counts.get(action.status, 0) + 1
        return {
            "cells": [
                {
                    "status": status,
                    "label": Status(status).label,
                    "tag_class": TAG_CLASSES[Status(status)],
                    "count": counts[status],
                }
                for status in Status.values
            ],
            "total": len(actions),
            "in_words": "; ".join(
                f"{Status(status).label}: {counts[status]}"
                for status in Status.values
                if counts[status]
            ),
        }

    def rows(self):
        """Counts by status for each priority and each workstream (an action that
        serves two priorities counts under each), and for the whole plan."""
        rows = []
        for priority in self.priorities:
            actions = [a for a in self.actions if priority.translation_key in a.priority_keys]
            rows.append(
                {
                    "kind": "priority",
                    "page": priority,
                    "label": priority.title,
                    "number": priority.number,
                    "filter": "priority",
                    **self.counts(actions),
                }
            )
        for workstream in self.workstreams:
            actions = [a for a in self.actions if a.workstream is workstream]
            rows.append(
                {
                    "kind": "workstream",
                    "page": workstream,
                    "label": workstream.title,
                    "filter": "workstream",
                    **self.counts(actions),
                }
            )
        return rows


class ActionFilter(ChosenFiltersMixin):
    def __init__(self, params, overview):
        self.overview = overview
        self.form = ActionFilterForm(
            {name: params.get(name, "") for name in FILTER_FIELDS}, overview.choices()
        )
        self.form.is_valid()
        # A filter with a value we do not know is left out, and the form says why.
        self.values = {
            name: self.form.cleaned_data.get(name)
            for name in FILTER_FIELDS
            if name in self.form.fields and self.form.cleaned_data.get(name)
        }
        self.results = [action for action in overview.actions if self.matches(action)]

    def matches(self, action):
        values = self.values
        if "status" in values and action.status != values["status"]:
            return False
        if "lead" in values and action.lead != values["lead"]:
            return False
        for name, pages, keys in (
            ("priority", self.overview.priorities, action.priority_keys),
            ("building_block", self.overview.building_blocks, action.block_keys),
        ):
            if name in values:
                wanted = {page.translation_key for page in pages if page.slug == values[name]}
                if not wanted & keys:
                    return False
        if "workstream" in values:
            workstream = action.workstream
            return workstream is not None and workstream.slug == values["workstream"]
        return True


# What plan_overview gives the template (DeliveryPlanPage.get_context reads them lazily).
PLAN_OVERVIEW_KEYS = (
    "overview",
    "status_rows",
    "row_kinds",
    "plan_totals",
    "statuses",
    "filter",
    "actions",
    "reports",
)


def plan_overview(plan, request):
    overview = PlanOverview(plan)
    action_filter = ActionFilter(request.GET, overview)
    rows = overview.rows()
    kinds = {row["kind"] for row in rows}
    return {
        "overview": overview,
        "status_rows": rows,
        "row_kinds": kinds.pop() if len(kinds) == 1 else "both",
        "plan_totals": overview.counts(overview.actions),
        "statuses": [(value, label, TAG_CLASSES[Status(value)]) for value, label in Status.choices],
        "filter": action_filter,
        "actions": action_filter.results,
        "reports": list(
            ProgressReportPage.objects.child_of(plan)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-period_end")
        ),
    }
