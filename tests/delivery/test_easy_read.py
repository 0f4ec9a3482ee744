"""The plan's Easy Read summary, "What we have done so far"."""

import pytest

from delivery.models import DeliveryPlanPage
from tests.core.test_easy_read import easy_read_rows

pytestmark = pytest.mark.django_db


def test_the_plan_links_to_its_easy_read_summary(client, plan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = plan.page.url + "easy-read/"
    assert f'href="{url}"' not in client.get(plan.page.url).content.decode()
    assert client.get(url).status_code == 404
    page = DeliveryPlanPage.objects.get(pk=plan.page.pk)
    page.easy_read_title = "What we have done so far"
    page.easy_read_introduction = "This is our plan. It says what we have done so far."
    page.easy_read = easy_read_rows(
        [("People together", "We helped 847 groups. Groups are people who help others.")]
    )
    page.save_revision().publish()
    assert f'href="{url}" rel="alternate"' in client.get(plan.page.url).content.decode()
    html = client.get(url).content.decode()
    assert "What we have done so far" in html and "We helped 847 groups." in html
    assert 'alt="People together"' in html
