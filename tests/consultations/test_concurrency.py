"""Many final submissions at once, on PostgreSQL: every one stored whole, none twice.

The threads each use their own database connection, so they must see committed
data: the test runs outside the per-test transaction and removes what it made."""

import threading

import pytest
from django.contrib.sessions.models import Session
from django.db import connection, connections
from django.test import Client

from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    question,
    section,
    survey_with_ids,
)
from consultations.models import Answer, Response
from home.setup import ensure_site
from tests.conftest import MANY_RESIDENTS_FROM_ONE_ADDRESS

RESIDENTS = 200
THREADS = 20


def one_section_survey():
    return [
        section(
            "only",
            "Only",
            [
                question("yes_no", "agree", "Do you agree?"),
                question("short_text", "why", "Why?"),
                question("number", "score", "Score", min_value=0, max_value=1000),
            ],
        )
    ]


@pytest.mark.django_db
def test_the_survey_used_here_is_valid():
    """Also makes pytest-django create the test database when this module runs alone."""
    from consultations.survey.structure import SurveyBlock

    block = SurveyBlock()
    assert block.clean(block.to_python(one_section_survey()))


@pytest.mark.postgres
@pytest.mark.slow
def test_200_parallel_submissions_are_all_stored_whole(
    django_db_setup, django_db_blocker, settings
):
    for name, value in MANY_RESIDENTS_FROM_ONE_ADDRESS.items():
        setattr(settings, name, int(value))
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL")
        if not connection.settings_dict["NAME"].startswith("test_"):
            pytest.skip("the test database was not set up")
        home = ensure_site().root_page
        index = ConsultationIndexPageFactory(parent=home, slug="parallel-submissions")
        page = ConsultationPageFactory(
            parent=index,
            survey=survey_with_ids(one_section_survey()),
            ask_about_you=False,
            ask_equality=False,
        )
        clients = []
        try:
            run_residents(page, clients)
        finally:
            Response.objects.filter(consultation_key=page.translation_key).delete()
            keys = [client.session.session_key for client in clients]
            Session.objects.filter(session_key__in=keys).delete()
            index.delete()


def run_residents(page, clients):
    url = page.url + "survey/"
    # Each resident fills in the survey; then all of them send at once, and each
    # sends twice (a double click) to prove a replay stores nothing more.
    for number in range(RESIDENTS):
        client = Client()
        client.post(url + "only/", {"agree": "yes", "why": f"Resident {number}", "score": number})
        clients.append(client)

    barrier = threading.Barrier(THREADS)
    failures = []
    references = []
    lock = threading.Lock()

    def worker(batch):
        try:
            barrier.wait()
            for client in batch:
                first = client.post(url + "check/")
                second = client.post(url + "check/")
                confirmation = client.get(url + "confirmation/")
                if not (first.status_code == second.status_code == 302):
                    failures.append((first.status_code, second.status_code))
                text = confirmation.content.decode()
                start = text.index("HYS-")
                with lock:
                    references.append(text[start : start + 13])
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(repr(error))
        finally:
            connections.close_all()

    batches = [clients[i::THREADS] for i in range(THREADS)]
    threads = [threading.Thread(target=worker, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert failures == []
    stored = Response.objects.filter(consultation_key=page.translation_key)
    assert stored.count() == RESIDENTS
    assert len(references) == RESIDENTS
    assert set(references) == set(stored.values_list("reference", flat=True))
    answers_per_response = {r.pk: r.answers.count() for r in stored}
    assert set(answers_per_response.values()) == {3}  # whole: none partial
    assert Answer.objects.filter(response__in=stored, question_key="why").count() == RESIDENTS
