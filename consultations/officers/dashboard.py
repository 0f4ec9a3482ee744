"""Holding the council to its promise: the admin dashboard's list of
consultations whose results are late or due soon.

The council promises to publish what it heard and did within
``ConsultationSettings.results_due_weeks`` of a consultation closing. Register
the panel from wagtail_hooks.py:

    hooks.register("construct_homepage_panels", add_results_due_panel)
"""

import datetime
import math
from dataclasses import dataclass

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Site

from ..models.pages import ConsultationIndexPage, ConsultationPage
from ..models.settings import ConsultationSettings

DUE_SOON = datetime.timedelta(weeks=4)


@dataclass
class ResultsDue:
    page: ConsultationPage
    due_at: datetime.datetime
    now: datetime.datetime

    @property
    def overdue(self):
        return self.due_at <= self.now

    @property
    def weeks_late(self):
        """Whole weeks past the due date (0 in the first week)."""
        return max((self.now - self.due_at).days // 7, 0)

    @property
    def days_left(self):
        """Days until the due date, counting a part day as a day."""
        return max(math.ceil((self.due_at - self.now) / datetime.timedelta(days=1)), 0)


def results_due(now=None, site=None):
    """Consultations in the default language without published results:
    ``(overdue, due_soon)``. Overdue ones closed more than the site's
    ``results_due_weeks`` ago, most overdue first; due-soon ones fall due within
    the next four weeks, soonest first."""
    now = now or timezone.now()
    site = site or Site.objects.filter(is_default_site=True).first()
    weeks = ConsultationSettings.for_site(site).results_due_weeks if site else 12
    allowed = datetime.timedelta(weeks=weeks)
    pages = ConsultationPage.objects.filter(
        locale=Locale.get_default(),
        results_published=False,
        closes_at__lte=now + DUE_SOON - allowed,
    ).defer_streamfields()
    if site is not None:
        pages = pages.descendant_of(site.root_page)
    overdue, due_soon = [], []
    for page in pages.order_by("closes_at", "pk"):
        item = ResultsDue(page=page, due_at=page.closes_at + allowed, now=now)
        (overdue if item.overdue else due_soon).append(item)
    return overdue, due_soon


class ResultsDuePanel(Component):
    """The dashboard panel: shown to staff who can edit at least one of the
    consultations listed, each linking to its edit page."""

    name = "results_due"
    template_name = "consultations/admin/results_due_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        site = Site.find_for_request(request)
        overdue, due_soon = results_due(site=site)

        def editable(items):
            return [
                item for item in items if item.page.permissions_for_user(request.user).can_edit()
            ]

        overdue, due_soon = editable(overdue), editable(due_soon)
        settings = ConsultationSettings.for_site(site) if site else None
        index = ConsultationIndexPage.objects.filter(locale=Locale.get_default()).first()
        runs_consultations = bool(
            index and index.permissions_for_user(request.user).can_add_subpage()
        )
        return {
            # Staff who run consultations see the promise kept, too.
            "shown": bool(overdue or due_soon or runs_consultations),
            "overdue": overdue,
            "due_soon": due_soon,
            "weeks": settings.results_due_weeks if settings else 12,
            "request": request,
        }


def add_results_due_panel(request, panels):
    panels.append(ResultsDuePanel())
