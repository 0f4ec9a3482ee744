"""The admin dashboard lists actions whose last progress update is older than
DELIVERY_UPDATE_DUE_MONTHS (6 by default)."""

import datetime

import pytest
from django.utils import timezone

from delivery.dashboard import overdue_actions
from delivery.factories import ActionPageFactory, add_update

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_actions_without_a_recent_update_are_listed_oldest_first(plan):
    today = datetime.date(2015, 9, 15)
    titles = [action.title for action in overdue_actions(today=today)]
    # Buses (last update 1 February 2015) and support (1 March 2015) are late;
    # hubs has no update, and was first published today.
    assert titles == ["Community bus routes", "Support voluntary groups"]
    assert [a.title for a in overdue_actions(today=datetime.date(2015, 8, 2))] == [
        "Community bus routes"
    ]


def test_done_and_stopped_actions_need_no_update(plan):
    add_update(plan.buses, date=datetime.date(2015, 3, 1), status="done", text="Running.")
    add_update(plan.support, date=datetime.date(2015, 3, 2), status="stopped", text="Ended.")
    assert list(overdue_actions(today=datetime.date(2016, 1, 1))) == []


def test_the_months_are_a_setting(plan, settings):
    settings.DELIVERY_UPDATE_DUE_MONTHS = 1
    titles = [a.title for a in overdue_actions(today=datetime.date(2015, 3, 15))]
    assert titles == ["Community bus routes"]


def test_the_panel_on_the_dashboard(admin_client, plan):
    ActionPageFactory(parent=plan.page, title="Never updated")
    html = admin_client.get("/admin/").content.decode()
    assert "Plan actions due a progress update" in html
    assert "Community bus routes" in html and "1 February 2015" in html
    assert "Never updated" not in html
