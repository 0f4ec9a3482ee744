"""Fixtures every test may use.

Database tests start from an empty site and build what they need from
factories: ``home`` is a small site (the English home page, the pages the
footer links to and the council's details). Only tests marked ``demo`` (the
demo's own tests) load the demo content, once, and run after the rest; the
browser layer builds its own demo database.
"""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from wagtail.models import Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.factories import ContactPageFactory, StandardPageFactory
from core.models import CouncilSettings
from home.models import HomePage
from home.setup import ensure_site
from tests.signing_in import force_login_verified

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# the browser tests' fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

COUNCIL = {
    "council_name": "Rutland County Council",
    "phone": "01572 722577",
    "email": "enquiries@rutland.example",
    "opening_hours": "Monday to Friday, 9am to 5pm",
    "postal_address": "Catmose\nOakham\nRutland\nLE15 6HP",
    # Leicestershire's districts under their codes (the demo's and the data
    # migration's list), which the tests' residents answer with.
    "districts": "Blaby\nCharnwood\nHarborough\nHinckley and Bosworth | hinckley_bosworth\n"
    "Melton\nNorth West Leicestershire\nOadby and Wigston | oadby_wigston",
}


BROWSER_TESTS = Path(__file__).parent / "browser"

# The per-client-address limits (limits/), lifted where one test client or one
# browser on 127.0.0.1 stands for hundreds of residents: the browser layer's
# site, the concurrency and outage runs. The limits have tests of their own
# (tests/consultations/test_public_limits.py, tests/core/test_contact_limits.py).
MANY_RESIDENTS_FROM_ONE_ADDRESS = {
    "PUBLIC_SURVEY_SUBMITS_PER_HOUR": "1000000",
    "PUBLIC_SAVE_EMAILS_PER_HOUR": "1000000",
    "PUBLIC_CONTACT_REQUESTS_PER_HOUR": "1000000",
    "PUBLIC_SUBSCRIBE_REQUESTS_PER_HOUR": "1000000",
}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Tests on the demo run last: the demo they load stays in the database.

    Run on several cores (``-n 2 --dist loadgroup``, as scripts/test.sh does),
    the browser layer stays on one worker, sharing its one live site, and the
    demo's tests on one worker, so the demo is loaded once."""
    items.sort(key=lambda item: item.get_closest_marker("demo") is not None)
    for item in items:
        if BROWSER_TESTS in Path(item.fspath).parents:
            item.add_marker(pytest.mark.xdist_group("browser"))
        elif item.get_closest_marker("demo"):
            item.add_marker(pytest.mark.xdist_group("demo"))


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """pytest-django's test databases, built once through the migrations and
    restored from a dump after that on PostgreSQL (tests/database_cache.py)."""
    from django.test.utils import setup_databases, teardown_databases

    from tests.database_cache import setup_databases_from_cache

    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        config = setup_databases_from_cache(
            setup_databases, verbosity=verbosity, interactive=False, serialized_aliases=set()
        )
    yield
    with django_db_blocker.unblock():
        end_stray_sessions(request)
        teardown_databases(config, verbosity=verbosity)


def end_stray_sessions(request):
    """Ends any other session still open on the PostgreSQL test database, which
    would stop Django dropping it, and names them in the run's warnings: a
    connection left behind by a thread or a helper process is a fault to find,
    not a reason to fail every test's teardown."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    name = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pid, application_name, state, left(query, 200) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        stray = cursor.fetchall()
        for pid, *_ in stray:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    if stray:
        import warnings

        warnings.warn(f"sessions left open on {name}, ended: {stray}", stacklevel=1)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: Wagtail keeps the list of Sites'
    root paths there, and a test that adds a Site must not leave it behind
    for the next one (its pages would get another host's absolute URLs)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def no_reference_index(request):
    """Wagtail's reference index (the admin's "used by" lists) is left alone
    while tests build their pages: refreshing it on every save took a quarter
    of the time a page factory takes, and no test reads it. A test that does
    is marked ``reference_index``."""
    if request.node.get_closest_marker("reference_index"):
        yield
        return
    with disable_reference_index_auto_update():
        yield


@pytest.fixture(autouse=True)
def english_first():
    """Each test starts in English, whatever language the one before ended in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def build_small_site():
    """The English home page served by the default site, the accessibility,
    privacy and cookies pages and the contact page, and the council's details
    pointing at them."""
    site = ensure_site()
    page = site.root_page.specific
    footer = {}
    for slug, title in [
        ("accessibility-statement", "Accessibility statement"),
        ("privacy", "Privacy notice"),
        ("cookies", "Cookies"),
    ]:
        existing = page.get_children().filter(slug=slug).first()
        footer[slug] = existing or StandardPageFactory(parent=page, slug=slug, title=title)
    contact = page.get_children().filter(slug="contact").first() or ContactPageFactory(
        parent=page, slug="contact", show_in_menus=True
    )
    council = CouncilSettings.for_site(site)
    for name, value in COUNCIL.items():
        setattr(council, name, value)
    council.accessibility_page = footer["accessibility-statement"]
    council.privacy_page = footer["privacy"]
    council.cookies_page = footer["cookies"]
    council.contact_page = contact
    council.save()
    return HomePage.objects.get(pk=page.pk)


@pytest.fixture(scope="session")
def small_site(django_db_setup, django_db_blocker):
    """The small site, built once and committed: each test's own changes to it
    are rolled back with the test."""
    with django_db_blocker.unblock():
        build_small_site()


@pytest.fixture
def home(small_site, db):
    """The small site's home page (built again inside the test if a test that
    commits its data emptied the database)."""
    home = HomePage.objects.filter(locale__language_code="en", depth=2).first()
    if home is None or not CouncilSettings.objects.filter(
        texts__council_name=COUNCIL["council_name"]
    ):
        home = build_small_site()
    return home


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's ``admin_client``, signed in with the password and then a
    code from the authenticator app, as every superuser must
    (``staff_logins``)."""
    client = Client()
    force_login_verified(client, admin_user)
    return client


def load_demo():
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture(scope="session")
def demo_loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def demo(demo_loaded, db):
    """Leicestershire's home page (the default Site's: the demo has two more
    councils), for tests marked ``demo`` (reloaded if a
    transactional test emptied the database)."""
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site is not None else None
    if not isinstance(home, HomePage) or not home.get_children().exists():
        load_demo()
        home = Site.objects.get(is_default_site=True).root_page.specific
    return home
