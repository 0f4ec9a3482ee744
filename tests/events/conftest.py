import pytest

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from events.factories import EventIndexPageFactory


@pytest.fixture
def events_index(home):
    return EventIndexPageFactory(parent=home, show_in_menus=True)


@pytest.fixture
def consultations_index(home):
    return ConsultationIndexPageFactory(parent=home, slug="have-your-say")


@pytest.fixture
def consultation(consultations_index):
    return ConsultationPageFactory(parent=consultations_index, title="Libraries", slug="libraries")


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()
