import datetime
import random

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from case_studies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from consultations.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    easy_read_every_type_survey,
    easy_read_rows,
    random_response,
)
from events.factories import EventIndexPageFactory, EventPageFactory
from strategy.factories import (
    BuildingBlockPageFactory,
    CommunitiesModelPageFactory,
    ForewordPageFactory,
    PriorityPageFactory,
    StrategyPageFactory,
    StrategySectionPageFactory,
)
from tests.signing_in import force_login_verified


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Thousands of generated requests come from one test client: lift the
    per-address limits, so that each case reaches the checks it is meant to
    try (the limits have tests of their own: test_public_limits.py,
    test_contact_limits.py)."""
    for name in (
        "PUBLIC_SURVEY_SUBMITS_PER_HOUR",
        "PUBLIC_SAVE_EMAILS_PER_HOUR",
        "PUBLIC_CONTACT_REQUESTS_PER_HOUR",
        "EMAILS_PER_ADDRESS_PER_HOUR",
    ):
        setattr(settings, name, 10**6)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def whole_site(home, media_root):
    """One page of every kind a resident can reach: a strategy with its parts,
    case studies, an open consultation with a standard and an Easy Read survey
    and a closed one with responses."""
    strategy = StrategyPageFactory(parent=home, slug="strategy", title="Stronger Together")
    ForewordPageFactory(parent=strategy)
    StrategySectionPageFactory(parent=strategy)
    CommunitiesModelPageFactory(parent=strategy)
    block = BuildingBlockPageFactory(parent=strategy, title="Volunteers")
    priority = PriorityPageFactory(parent=strategy, title="Villages", building_blocks=[block])
    cases = CaseStudyIndexPageFactory(parent=home, slug="case-studies")
    CaseStudyPageFactory(
        parent=cases,
        title="Youth café",
        place="Oakham",
        priorities=[priority],
        building_blocks=[block],
    )
    index = ConsultationIndexPageFactory(parent=home, slug="have-your-say", show_in_menus=True)
    open_one = ConsultationPageFactory(
        parent=index,
        slug="open",
        survey=easy_read_every_type_survey(),
        easy_read_title="Our plan",
        easy_read=easy_read_rows(),
    )
    closed = ConsultationPageFactory(
        parent=index,
        slug="closed",
        opens_at=timezone.now() - datetime.timedelta(days=90),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    rng = random.Random(15)
    for page in (open_one, open_one, closed, closed, closed):
        random_response(page, rng, district="blaby")
    events = EventIndexPageFactory(parent=home, slug="events", show_in_menus=True)
    EventPageFactory(parent=events, slug="drop-in", part_of=[open_one])
    EventPageFactory(
        parent=events,
        slug="workshop",
        date=timezone.localdate() - datetime.timedelta(days=40),
        status="held",
        attendance=25,
        summary="<p>What people said.</p>",
        part_of=[closed],
    )
    return {"home": home, "open": open_one, "closed": closed, "index": index}


@pytest.fixture
def officer_client(db):
    """A client logged in as an administrator, who sees every officers' page."""
    user = get_user_model().objects.create_superuser("hostile-admin", "a@example.org", "pw-x")
    client = Client()
    force_login_verified(client, user)
    return client
