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
    consultations listed, each linking to its edit page. Staff of one council
    see only their council's (the pages they may edit); someone working for
    several councils sees each consultation with its council's name."""

    name = "results_due"
    template_name = "consultations/admin/results_due_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        # Every council's consultations that this member of staff may edit,
        # each due by its own council's rules, whichever host the admin is on.
        overdue, due_soon, weeks, seen = [], [], set(), set()
        for site in Site.objects.select_related("root_page").order_by(
            "-is_default_site", "site_name", "pk"
        ):
            site_overdue, site_due_soon = results_due(site=site)
            for items, found in ((overdue, site_overdue), (due_soon, site_due_soon)):
                for item in found:
                    if item.page.pk in seen:
                        continue
                    if item.page.permissions_for_user(request.user).can_edit():
                        seen.add(item.page.pk)
                        item.council = site.site_name or site.hostname
                        items.append(item)
                        weeks.add(ConsultationSettings.for_site(site).results_due_weeks)
        overdue.sort(key=lambda item: (item.due_at, item.page.pk))
        due_soon.sort(key=lambda item: (item.due_at, item.page.pk))
        runs_consultations = any(
            index.permissions_for_user(request.user).can_add_subpage()
            for index in ConsultationIndexPage.objects.filter(locale=Locale.get_default())
        )
        if not weeks:
            site = Site.find_for_request(request)
            weeks.add(ConsultationSettings.for_site(site).results_due_weeks if site else 12)
        return {
            # Staff who run consultations see the promise kept, too.
            "shown": bool(overdue or due_soon or runs_consultations),
            "overdue": overdue,
            "due_soon": due_soon,
            # One number when every council listed promises the same.
            "weeks": weeks.pop() if len(weeks) == 1 else None,
            "several_councils": len({item.council for item in overdue + due_soon}) > 1,
            "request": request,
        }


def add_results_due_panel(request, panels):
    panels.append(ResultsDuePanel())
