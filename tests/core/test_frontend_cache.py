"""Every change that shows on public pages tells the caching proxy to forget
the pages of that site's host (core/frontend_cache.py): checked against a fake
proxy that records the requests it is sent."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from wagtail.models import Locale, Site

from consultations.models import ConsultationTopic
from core.factories import StandardPageFactory
from core.models import CouncilSettings

pytestmark = pytest.mark.django_db


class FakeProxy:
    def __init__(self):
        self.requests = []
        recorded = self.requests

        class Handler(BaseHTTPRequestHandler):
            def answer(self):
                recorded.append((self.command, self.headers["Host"], self.path))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_BAN = do_PURGE = do_GET = answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def bans(self):
        return [(method, host) for method, host, _ in self.requests]


@pytest.fixture
def proxy():
    fake = FakeProxy()
    fake.thread.start()
    backends = {"proxy1": {"BACKEND": "core.frontend_cache.HostBanBackend", "LOCATION": fake.url}}
    with override_settings(WAGTAILFRONTENDCACHE=backends):
        yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def site(home):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "council.example", 443
    site.save()
    return site


BAN_THE_SITE = [("BAN", "council.example")]


def test_publishing_a_page_bans_its_site(site, home, proxy, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, slug="parks", title="Parks")
    proxy.requests.clear()
    page.title = "Parks and open spaces"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert proxy.bans() == BAN_THE_SITE


def test_nothing_is_sent_for_a_draft(site, home, proxy, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, slug="parks", title="Parks")
    proxy.requests.clear()
    page.title = "Not yet"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert proxy.bans() == []


def test_unpublishing_a_page_bans_its_site(site, home, proxy, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, slug="parks", title="Parks")
    proxy.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert proxy.bans() == BAN_THE_SITE


def test_moving_a_page_bans_the_site(site, home, proxy, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, slug="parks", title="Parks")
    other = StandardPageFactory(parent=home, slug="leisure", title="Leisure")
    proxy.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(other, pos="last-child")
    # Wagtail's own purge of the moved page's address and ours: both the host.
    assert set(proxy.bans()) == set(BAN_THE_SITE)


def test_publishing_a_translation_bans_its_site(
    site, home, proxy, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home, slug="parks", title="Parks")
    polish, _ = Locale.objects.get_or_create(language_code="pl")
    home.copy_for_translation(polish)
    translated = page.copy_for_translation(polish)
    proxy.requests.clear()
    translated.title = "Parki"
    with django_capture_on_commit_callbacks(execute=True):
        translated.save_revision().publish()
    assert proxy.bans() == BAN_THE_SITE


def test_a_snippet_change_bans_every_site(site, home, proxy, django_capture_on_commit_callbacks):
    Site.objects.create(hostname="other.example", port=443, root_page=home)
    with django_capture_on_commit_callbacks(execute=True):
        topic = ConsultationTopic.objects.create(name="Parks", slug="parks")
        topic.name = "Parks and gardens"
        topic.save()
    # One ban per site, however many saves in one transaction.
    assert sorted(proxy.bans()) == [("BAN", "council.example"), ("BAN", "other.example")]


def test_a_site_setting_change_bans_that_site_only(
    site, home, proxy, django_capture_on_commit_callbacks
):
    Site.objects.create(hostname="other.example", port=443, root_page=home)
    council = CouncilSettings.for_site(site)
    with django_capture_on_commit_callbacks(execute=True):
        council.phone = "01572 000000"
        council.save()
    assert proxy.bans() == BAN_THE_SITE


def test_a_proxy_that_is_down_does_not_stop_the_change(
    site, home, django_capture_on_commit_callbacks
):
    backends = {
        "proxy1": {
            "BACKEND": "core.frontend_cache.HostBanBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    page = StandardPageFactory(parent=home, slug="parks", title="Parks")
    page.title = "Parks and open spaces"
    with (
        override_settings(WAGTAILFRONTENDCACHE=backends),
        django_capture_on_commit_callbacks(execute=True),
    ):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Parks and open spaces"


def test_without_a_proxy_nothing_is_queued(site, home, django_capture_on_commit_callbacks):
    from core.chrome_cache import forget_now

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ConsultationTopic.objects.create(name="Parks", slug="parks")
    # Only the kept look-ups' generation moves on (core/chrome_cache.py): no purge.
    assert callbacks == [forget_now]
