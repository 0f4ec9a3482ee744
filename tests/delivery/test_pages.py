"""What residents see on a delivery plan's pages, and the rules staff work to."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from delivery.factories import (
    ActionPageFactory,
    ProgressReportPageFactory,
    WorkstreamPageFactory,
    add_update,
)
from delivery.models import (
    ActionPage,
    DeliveryPlanPage,
    FundingProgrammePage,
    ProgressReportPage,
    ProgressUpdate,
    WorkstreamPage,
)
from delivery.status import Status
from home.models import HomePage

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def main_of(html):
    return html[html.index("<main") : html.index("</main>")]


def text_of(html):
    """The words as read aloud: tags removed, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_an_action_shows_what_will_be_done_who_leads_it_and_when(client, plan):
    text = text_of(main_of(html_of(client, plan.support.url)))
    for words in [
        "Action plan 2015",
        "3.1 Support voluntary groups",
        "Something the council will do.",
        "Lead team or partner Voluntary Action Leicestershire",
        "Starts 1 January 2015",
        "Due 31 March 2016",
        "Priority it serves Communities support people",
        "Building block it serves Volunteers",
    ]:
        assert words in text, words


def test_status_is_shown_in_words_on_a_tag(client, plan):
    html = main_of(html_of(client, plan.buses.url))
    assert re.search(r'<strong class="govuk-tag govuk-tag--yellow[^"]*">At risk</strong>', html)
    assert "since 1 February 2015" in text_of(html)
    html = main_of(html_of(client, plan.hubs.url))
    assert re.search(r'<strong class="govuk-tag govuk-tag--grey[^"]*">Not started</strong>', html)


@pytest.mark.parametrize(
    "status,words",
    [
        ("not_started", "Not started"),
        ("on_track", "On track"),
        ("at_risk", "At risk"),
        ("delayed", "Delayed"),
        ("done", "Done"),
        ("stopped", "Stopped"),
    ],
)
def test_every_status_has_its_words(client, plan, status, words):
    action = add_update(plan.hubs, date=datetime.date(2015, 3, 1), status=status, text="Now.")
    assert action.status == status
    html = main_of(html_of(client, action.url))
    assert re.search(rf'<strong class="govuk-tag [^"]*">{words}</strong>', html)


def test_the_status_is_the_latest_update_that_gives_one(plan):
    action = ActionPage.objects.get(pk=plan.buses.pk)
    assert action.status == Status.AT_RISK
    # An update without a status changes nothing; an older one changes nothing.
    action = add_update(action, date=datetime.date(2015, 3, 1), text="Still looking.")
    assert action.status == Status.AT_RISK
    action = add_update(action, date=datetime.date(2014, 1, 1), status="done", text="Old news.")
    assert action.status == Status.AT_RISK
    action = add_update(action, date=datetime.date(2015, 3, 2), status="delayed", text="Snow.")
    assert action.status == Status.DELAYED


def test_the_history_shows_each_change_of_status_with_its_date(client, plan):
    html = main_of(html_of(client, plan.buses.url))
    history = html[html.index('id="status-history"') :]
    history = history[: history.index("</table>")]
    assert text_of(history).endswith("From Status 1 December 2014 On track 1 February 2015 At risk")
    timeline = text_of(html[html.index('id="progress"') : html.index('id="status-history"')])
    # Newest first, each with its date and the status it changed to.
    assert timeline.index("1 February 2015 Status changed to At risk A driver left.") < (
        timeline.index("1 December 2014 Status changed to On track Routes chosen.")
    )


def test_a_measure_is_a_table_of_its_figures_and_a_chart_hidden_from_assistive_technology(
    client, plan
):
    html = main_of(html_of(client, plan.support.url))
    measure = html[html.index('id="measures"') :]
    measure = measure[: measure.index("</section>")]
    table = measure[measure.index("<table") : measure.index("</table>")]
    assert text_of(table) == (
        "Voluntary groups supported: figures When Figure "
        "Baseline, 1 April 2014 0 groups 28 February 2015 847 groups "
        "Target, 31 March 2016 1,000 groups"
    )
    chart = measure[measure.index("<figure") : measure.index("</figure>")]
    assert 'aria-hidden="true"' in chart
    # Each bar has its figure written beside it, so nothing depends on the bars.
    assert text_of(chart) == (
        "Baseline, 1 April 2014 0 groups 28 February 2015 847 groups "
        "Target, 31 March 2016 1,000 groups"
    )
    assert 'width="85%"' in chart and 'width="100%"' in chart
    assert "£450,000" in text_of(html)


def test_a_measure_counts_only_published_actions(client, plan):
    other = ActionPageFactory(
        parent=plan.page,
        measures=[plan.groups],
        updates=[{"date": datetime.date(2015, 3, 20), "measure": plan.groups, "value": 900}],
    )
    assert "900 groups" in html_of(client, plan.support.url)
    other.unpublish()
    assert "900 groups" not in html_of(client, plan.support.url)


def test_an_update_needs_words_a_status_or_a_figure(plan):
    update = ProgressUpdate(action=plan.hubs, date=datetime.date(2015, 1, 1))
    with pytest.raises(ValidationError, match="Say what happened"):
        update.full_clean(exclude=["translation_key", "locale"])
    update.value = 5
    with pytest.raises(ValidationError, match="Choose the measure"):
        update.full_clean(exclude=["translation_key", "locale"])
    update.value, update.measure = None, plan.groups
    with pytest.raises(ValidationError, match="Give the measure"):
        update.full_clean(exclude=["translation_key", "locale"])


def test_the_due_date_comes_after_the_start(plan):
    action = ActionPage.objects.get(pk=plan.hubs.pk)
    action.due_date = datetime.date(2014, 1, 1)
    with pytest.raises(ValidationError, match="due date"):
        action.full_clean()


def test_a_workstream_lists_its_actions(client, plan):
    workstream = WorkstreamPageFactory(parent=plan.page, title="Prevention", slug="prevention")
    ActionPageFactory(parent=workstream, title="Easy to find advice", slug="advice")
    text = text_of(main_of(html_of(client, workstream.url)))
    assert "Prevention" in text and "Led by Communities Board" in text
    assert "Easy to find advice Status: Not started" in text


def test_where_each_page_goes():
    assert set(DeliveryPlanPage.allowed_parent_page_models()) == {HomePage}
    assert set(DeliveryPlanPage.allowed_subpage_models()) == {
        ActionPage,
        WorkstreamPage,
        ProgressReportPage,
        FundingProgrammePage,
    }
    assert set(FundingProgrammePage.allowed_parent_page_models()) == {DeliveryPlanPage}
    assert set(FundingProgrammePage.allowed_subpage_models()) == set()
    assert set(ActionPage.allowed_parent_page_models()) == {DeliveryPlanPage, WorkstreamPage}
    assert set(ActionPage.allowed_subpage_models()) == set()
    assert set(WorkstreamPage.allowed_subpage_models()) == {ActionPage}


def test_a_progress_report_checks_its_period(plan):
    report = ProgressReportPageFactory(parent=plan.page)
    report.period_end = datetime.date(2014, 1, 1)
    with pytest.raises(ValidationError, match="end of the period"):
        report.full_clean()
