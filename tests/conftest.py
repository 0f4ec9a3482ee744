import os
from io import StringIO

import pytest
from django.core.management import call_command

from home.models import HomePage

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# the browser tests' fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def load_demo():
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the demo site, as a resident would see it."""
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture
def demo(db):
    """The demo site's home page (reloaded if a transactional test emptied the database)."""
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        load_demo()
        home = HomePage.objects.get(locale__language_code="en")
    return home
