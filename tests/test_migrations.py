"""A site built before the demo moved out of the apps upgrades without losing
pages, responses or translations: its database is taken back to the
migrations it had then, and forward again."""

import random

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale, Page

from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    random_response,
)
from consultations.models import Answer, Response
from strategy.factories import StrategyPageFactory

# The last migration, on the main branch before the demo app (December 2026),
# of each app that has migrated since.
BEFORE = [
    ("consultations", "0004_easy_read_survey"),
    ("core", "0001_initial"),
    ("home", "0001_initial"),
    ("strategy", "0001_initial"),
]


def migrate(targets):
    # The test's rows are inside its transaction, their foreign keys checked
    # at commit; PostgreSQL refuses to alter a table with checks still
    # pending, so they are made now, as a real upgrade's committed rows are.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.slow
def test_a_site_from_before_upgrades_without_losing_anything(home):
    # PostgreSQL changes schemas inside the test's transaction, so nothing is
    # flushed afterwards; SQLite cannot migrate inside a transaction.
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    strategy = StrategyPageFactory(parent=home, title="Stronger Together")
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, title="Libraries")
    random_response(consultation, random.Random(8), language="pl")
    polish = strategy.copy_for_translation(
        Locale.objects.get(language_code="pl"), copy_parents=True
    )
    polish.title = "Razem silniejsi"
    polish.save_revision().publish()

    def state():
        return (
            sorted(Page.objects.values_list("url_path", "title")),
            list(Response.objects.values_list("reference", "language")),
            sorted(Answer.objects.values_list("question_key", "item_key", "option_code", "text")),
        )

    before = state()
    migrate(BEFORE)
    migrate(latest())
    assert state() == before
    assert Page.objects.get(pk=polish.pk).title == "Razem silniejsi"
    assert Response.objects.count() == 1
