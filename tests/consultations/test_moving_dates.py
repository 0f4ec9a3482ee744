"""Moving the dates of a consultation that already has responses asks the
editor to confirm, and the page's history records it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from consultations.page_form import MOVE_DATES

from .admin_forms import consultation_form_data
from .test_admin import admin_client, answered, three_sections  # noqa: F401

pytestmark = pytest.mark.django_db


def move(client, page, days, **extra):
    opens = timezone.localtime(page.opens_at)
    closes = timezone.localtime(page.closes_at) + datetime.timedelta(days=days)
    data = consultation_form_data(page.title, page.slug, three_sections(), opens, closes, **extra)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_moving_the_dates_of_an_answered_consultation_asks_first(admin_client, answered):  # noqa: F811
    closes = answered.closes_at
    response = move(admin_client, answered, 14)
    assert response.status_code == 200
    page = response.content.decode()
    assert "already has 2 responses" in page
    assert "Tick this box to move its dates" in page
    answered.refresh_from_db()
    assert answered.closes_at == closes
    assert not PageLogEntry.objects.filter(action=MOVE_DATES).exists()


def test_confirmed_the_dates_move_and_the_history_says_so(admin_client, answered):  # noqa: F811
    closes = answered.closes_at
    response = move(admin_client, answered, 14, confirm_new_dates="on")
    assert response.status_code == 302
    answered.refresh_from_db()
    moved = closes + datetime.timedelta(days=14)
    assert answered.closes_at == moved.replace(second=0, microsecond=0)
    entry = PageLogEntry.objects.get(action=MOVE_DATES, page=answered)
    assert entry.data["responses"] == 2
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[answered.pk]))
    assert "Dates moved from" in history.content.decode()
    assert "with 2 responses" in history.content.decode()


def test_a_consultation_without_responses_moves_without_asking(admin_client, index):  # noqa: F811
    from consultations.factories import ConsultationPageFactory

    page = ConsultationPageFactory(parent=index, survey=three_sections())
    assert move(admin_client, page, 7).status_code == 302
    assert not PageLogEntry.objects.filter(action=MOVE_DATES).exists()


def test_saving_without_moving_the_dates_asks_nothing(admin_client, answered):  # noqa: F811
    assert move(admin_client, answered, 0).status_code == 302
    assert not PageLogEntry.objects.filter(action=MOVE_DATES).exists()
