"""Email updates, end to end: a resident subscribes to the open demo
consultation in Urdu and confirms from the email; staff publish the results
in the admin; the background worker sends exactly one Urdu email, whose
unsubscribe link works; a second publish sends nothing more.

The site is served here by a second gunicorn on the browser layer's database
whose tasks wait in the database queue (TASK_BACKEND=database) for the
worker, which the test runs; every email is a file (EMAIL_FILE_PATH)."""

import email
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from .conftest import (
    DESKTOP,
    LIVE_ENV,
    assert_no_axe_violations,
    live_manage,
    serve,
    sign_in_staff,
)

OPEN_2022 = "/ur/have-your-say/communities-approach-2022-26/"
RESIDENT = "resident.ur@example.org"


@pytest.fixture(scope="module")
def worker_site(live_site, tmp_path_factory):
    """The same site and database, its tasks left to the worker."""
    env = {**LIVE_ENV, "TASK_BACKEND": "database"}
    server, base_url = serve(env, tmp_path_factory.mktemp("worker") / "server.log")
    yield base_url, env
    server.terminate()
    server.wait(timeout=30)


def run_worker(env):
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
    )


def emails_to(env, address):
    """Every email written to the folder so far for ``address``, oldest first."""
    folder = Path(env["EMAIL_FILE_PATH"])
    found = []
    for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if raw.strip():
                message = email.message_from_bytes(raw.lstrip(), policy=policy.default)
                if message["To"] == address:
                    found.append(message)
    return found


def subject_of(message):
    return " ".join(str(message["Subject"]).split())  # unfolded


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message, words):
    return next(word for word in text_of(message).split() if words in word)


def urdu(text):
    with translation.override("ur"):
        return translation.gettext(text)


def test_a_resident_follows_a_consultation_in_urdu(browser, worker_site):
    base_url, env = worker_site
    context = browser.new_context(base_url=base_url, viewport=DESKTOP)
    page = context.new_page()
    page.goto(OPEN_2022)
    page.locator("a[href*='/ur/email-updates/consultation/']").click()
    assert page.locator("h1").inner_text() == urdu("Get email updates")
    assert page.locator("html").get_attribute("dir") == "rtl"
    subscribe = page.get_by_role("button", name=urdu("Subscribe"), exact=True)
    subscribe.click()  # no address yet
    summary = page.locator(".govuk-error-summary")
    assert urdu("Enter your email address") in summary.inner_text()
    assert_no_axe_violations(page)
    page.locator("#id_email").fill(RESIDENT)
    subscribe.click()
    assert page.locator("h1").inner_text() == urdu("Check your email")
    assert_no_axe_violations(page)

    assert emails_to(env, RESIDENT) == []  # the worker sends it, not the request
    run_worker(env)
    [confirmation] = emails_to(env, RESIDENT)
    assert subject_of(confirmation) == urdu("Confirm that you want email updates")
    page.goto(link_in(confirmation, "/ur/email-updates/confirm/"))
    assert page.locator("h1").inner_text() == urdu("You have subscribed")
    assert_no_axe_violations(page)
    context.close()

    staff = browser.new_context(base_url=base_url, viewport=DESKTOP)
    admin = staff.new_page()
    sign_in_staff(admin, "admin", "demo-admin-password")
    page_id = live_manage(
        "from consultations.models import ConsultationPage as P;"
        "print(P.objects.get(slug='communities-approach-2022-26',"
        " locale__language_code='en').pk)"
    )

    def publish_results():
        admin.goto(f"/admin/pages/{page_id}/edit/")
        admin.locator("#id_results_published").check()
        admin.locator("footer").get_by_role("button", name="More actions").first.click()
        admin.get_by_role("button", name="Publish", exact=True).click()
        admin.wait_for_load_state()
        assert "/edit/" not in admin.url

    publish_results()
    assert len(emails_to(env, RESIDENT)) == 1  # only the fan-out was queued
    run_worker(env)
    messages = emails_to(env, RESIDENT)
    assert len(messages) == 2
    results = messages[1]
    assert subject_of(results).startswith(urdu("We asked, you said, we did") + ": ")
    assert results["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    publish_results()  # the same results published again
    run_worker(env)
    assert len(emails_to(env, RESIDENT)) == 2
    staff.close()

    context = browser.new_context(base_url=base_url, viewport=DESKTOP)
    page = context.new_page()
    page.goto(link_in(results, "/ur/email-updates/unsubscribe/"))
    assert_no_axe_violations(page)
    page.locator("button.govuk-button--warning").click()
    assert page.locator("h1").inner_text() == urdu("You have unsubscribed")
    context.close()
    left = live_manage(
        "from subscriptions.models import Subscription as S;"
        f"print(S.objects.filter(email={RESIDENT!r}).count())"
    )
    assert left == "0"
