"""Email updates to many subscribers: how long the editor's request that
publishes a consultation's results takes (it only queues the fan-out), and
how long the background worker takes to send them all.

    .venv/bin/python bench/email_updates.py [SUBSCRIBERS]   # default 5000

Builds a throwaway SQLite database (or uses DATABASE_URL) with a home page
and a consultation with SUBSCRIBERS confirmed subscribers in the
seven languages, publishes its results through the Wagtail admin's own edit
view (a real POST, signed in as a superuser), then runs the worker
(``db_worker --batch``) in this process with Django's in-memory email backend
as the sink, and checks that each subscriber got exactly one email. Not run
in CI: see bench/README.md.
"""

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "council_site.settings.test")
os.environ["TASK_BACKEND"] = "database"  # the fan-out and the emails wait for the worker
workdir = tempfile.mkdtemp(prefix="email-updates-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("MEDIA_ROOT", f"{workdir}/media")

import django  # noqa: E402

django.setup()

from collections import Counter  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from wagtail.test.utils.form_data import rich_text  # noqa: E402

from consultations.factories import (  # noqa: E402
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    survey_with_ids,
)
from home.setup import ensure_site  # noqa: E402
from subscriptions.models import CONSULTATION, Notification, Subscription  # noqa: E402
from tests.consultations.admin_forms import consultation_form_data  # noqa: E402
from tests.consultations.test_admin import three_sections  # noqa: E402
from tests.signing_in import force_login_verified  # noqa: E402

LANGUAGES = ["en", "gu", "pa", "bn", "ur", "zh-hant", "pl"]


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def build(count):
    call_command("migrate", verbosity=0)
    home = ensure_site().root_page
    index = ConsultationIndexPageFactory(parent=home, slug="have-your-say")
    now = timezone.now()
    page = ConsultationPageFactory(
        parent=index,
        title="Bench: library opening hours",
        slug="bench-library-opening-hours",
        survey=survey_with_ids(three_sections()),
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
    )
    confirmed = now - datetime.timedelta(days=20)
    Subscription.objects.bulk_create(
        [
            Subscription(
                kind=CONSULTATION,
                subject_key=str(page.translation_key),
                email=f"subscriber{n}@example.org",
                language=LANGUAGES[n % len(LANGUAGES)],
                root_url="http://127.0.0.1:8000",
                confirmed_at=confirmed,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    return page


def publish_results(page):
    """The editor's POST to the admin's edit view, ticking "results published"."""
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    client = Client(HTTP_HOST="127.0.0.1")
    force_login_verified(client, user)
    data = consultation_form_data(
        page.title,
        page.slug,
        three_sections(),
        timezone.localtime(page.opens_at),
        timezone.localtime(page.closes_at),
        results_published="on",
        results=rich_text("<p>We kept the library open on Saturdays.</p>"),
    )
    url = f"/admin/pages/{page.pk}/edit/"
    client.get(url)
    started = time.perf_counter()
    response = client.post(url, data)
    elapsed = time.perf_counter() - started
    if response.status_code != 302:
        raise SystemExit(f"The publish was refused ({response.status_code}): check the form data")
    return elapsed


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    say(f"Building a site and {count} confirmed subscribers in {workdir} ...")
    page = build(count)
    request_time = publish_results(page)
    queued = DBTaskResult.objects.filter(task_path="subscriptions.events.fan_out").count()
    say(f"Publish request: {request_time * 1000:.0f} ms ({queued} fan-out task queued)")

    mail.outbox = []
    started, cpu_started = time.perf_counter(), time.process_time()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    worker_time = time.perf_counter() - started
    worker_cpu = time.process_time() - cpu_started
    per_address = Counter(message.to[0] for message in mail.outbox)
    batches = DBTaskResult.objects.filter(task_path="subscriptions.events.send_updates").count()
    say(
        f"Worker: {len(mail.outbox)} emails in {worker_time:.1f} s "
        f"({len(mail.outbox) / worker_time:.0f} a second; {worker_cpu:.1f} s of CPU), "
        f"in {batches} batches"
    )
    say(f"Notifications recorded as sent: {Notification.objects.filter(outcome='sent').count()}")
    assert len(per_address) == count and set(per_address.values()) == {1}, "not one each"

    publish_again = publish_results_again(page)
    say(f"Second publish: {publish_again * 1000:.0f} ms; emails after it: {len(mail.outbox)}")


def publish_results_again(page):
    get_user_model().objects.filter(username="bench").delete()
    elapsed = publish_results(page)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    return elapsed


if __name__ == "__main__":
    main()
