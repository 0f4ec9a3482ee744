"""An Atom feed of a plan's progress updates, newest first, at the plan's
address followed by ``feed/``. Links are absolute, built from the host the
request came to (Django's ``RequestSite``: this site does not use
django.contrib.sites)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Measure, ProgressUpdate

FEED_LENGTH = 50


class ProgressFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, plan):
        super().__init__()
        self.plan = plan

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.plan

    def title(self, plan):
        return _("Progress updates: %(plan)s") % {"plan": plan.title}

    def subtitle(self, plan):
        return plan.introduction

    def link(self, plan):
        return plan.get_url(request=self.request)

    def feed_url(self, plan):
        return plan.get_url(request=self.request) + "feed/"

    def items(self, plan):
        actions = plan.live_actions().values_list("pk", flat=True)
        updates = list(
            ProgressUpdate.objects.filter(action_id__in=list(actions))
            .select_related("action")
            .order_by("-date", "-sort_order", "-pk")[:FEED_LENGTH]
        )
        measures = Measure.objects.in_bulk({u.measure_id for u in updates if u.measure_id})
        for update in updates:
            update.shown_measure = measures.get(update.measure_id)
        return updates

    def item_title(self, update):
        if update.status:
            return _("%(action)s: now %(status)s") % {
                "action": update.action.title,
                "status": update.status_label.lower(),
            }
        return update.action.title

    def item_description(self, update):
        parts = [update.text] if update.text else []
        if update.shown_measure is not None and update.value is not None:
            parts.append(
                f"{update.shown_measure.name}: {update.shown_measure.figure(update.value)}"
            )
        if update.status:
            parts.append(_("Status: %(status)s") % {"status": update.status_label})
        return " ".join(parts)

    def item_link(self, update):
        return f"{update.action.get_url(request=self.request)}#update-{update.pk}"

    def item_pubdate(self, update):
        return timezone.make_aware(datetime.datetime.combine(update.date, datetime.time(9)))

    def item_updateddate(self, update):
        return self.item_pubdate(update)
