"""Keeping the plan current: the admin dashboard's list of actions whose last
progress update is older than ``DELIVERY_UPDATE_DUE_MONTHS`` (6 by default),
each linking to its edit page. Done and stopped actions need no more updates.
Register the panel from wagtail_hooks.py:

    hooks.register("construct_homepage_panels", add_overdue_updates_panel)
"""

import datetime

from django.conf import settings
from django.db.models import DateField, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from wagtail.admin.ui.components import Component

from core.locales import default_locale

from .models import ActionPage, ProgressUpdate
from .status import FINISHED


def months_allowed():
    return int(getattr(settings, "DELIVERY_UPDATE_DUE_MONTHS", 6))


def overdue_actions(today=None):
    """Published actions in the default language, not done or stopped, whose
    latest progress update (or, without one, their first publication) is
    older than the allowed months: oldest first. One query."""
    today = today or timezone.localdate()
    months = months_allowed()
    # Whole months back from today; the 31st of a short month is its last day.
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    day = min(today.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    cutoff = datetime.date(year, month, day)
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date")
    return (
        ActionPage.objects.live()
        .filter(locale=default_locale())
        .exclude(status__in=FINISHED)
        .defer_streamfields()
        .annotate(
            last_update=Coalesce(
                Subquery(latest.values("date")[:1]),
                Cast("first_published_at", output_field=DateField()),
            )
        )
        .filter(last_update__lt=cutoff)
        .order_by("last_update", "path")
    )


class OverdueUpdatesPanel(Component):
    """Shown to staff who can edit at least one of the actions listed."""

    name = "delivery_overdue_updates"
    template_name = "delivery/admin/overdue_updates_panel.html"
    order = 130

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        actions = [
            action
            for action in overdue_actions()
            if action.permissions_for_user(request.user).can_edit()
        ]
        return {
            "shown": bool(actions),
            "actions": actions,
            "months": months_allowed(),
            "request": request,
        }


def add_overdue_updates_panel(request, panels):
    panels.append(OverdueUpdatesPanel())
