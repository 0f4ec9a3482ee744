"""How many people get email updates, for the "Communications" group: a
dashboard panel of confirmed subscribers per consultation, topic and plan.
Counts only: no view anywhere lists the addresses."""

from django.db.models import Count
from wagtail.admin.ui.components import Component

from .models import Subscription
from .subjects import subject_for

PERMISSION = "subscriptions.view_subscriber_counts"


def subscriber_counts():
    """(kind, name, confirmed subscribers) for everything followed, most followed first."""
    rows = (
        Subscription.objects.filter(confirmed_at__isnull=False)
        .values("kind", "subject_key")
        .annotate(count=Count("pk"))
        .order_by("-count", "kind", "subject_key")
    )
    counts = []
    for row in rows:
        subject = subject_for(row["kind"], row["subject_key"])
        name = subject.name if subject else "(no longer published)"
        counts.append({"kind": row["kind"], "name": name, "count": row["count"]})
    return counts


class SubscriberCountsPanel(Component):
    name = "email_update_counts"
    template_name = "subscriptions/admin/counts_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        return {"counts": subscriber_counts()}


def add_counts_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(SubscriberCountsPanel())
