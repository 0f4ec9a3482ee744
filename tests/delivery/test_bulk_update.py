"""The bulk update of a plan's actions from a CSV file, in the admin: a
preview of each change and each bad row, nothing saved until the whole file
is good, then every row saved and published at once with one log entry."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from delivery.bulk_update import LOG_ACTION
from delivery.factories import ActionPageFactory
from delivery.models import ActionPage, ProgressUpdate
from tests.signing_in import force_login_verified

pytestmark = pytest.mark.django_db
HEADER = "action,date,status,note,measure,value\n"


@pytest.fixture
def editor(client):
    """An editor who may publish: in Wagtail's Moderators group."""
    user = get_user_model().objects.create_user(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    force_login_verified(client, user)
    return user


def address(plan):
    return f"/admin/delivery/plans/{plan.page.pk}/bulk-update/"


def upload(client, plan, text, name="progress.csv", encoding="utf-8"):
    data = text.encode(encoding) if isinstance(text, str) else text
    return client.post(address(plan), {"file": SimpleUploadedFile(name, data, "text/csv")})


def token_in(response):
    found = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    return found.group(1) if found else None


def problems(response):
    """The rows named as bad, with their reasons, in the order shown."""
    html = response.content.decode()
    found = re.findall(r'<th scope="row">(Row \d+|The file)</th><td>([^<]*)</td>', html)
    return [(line, unescape(message)) for line, message in found]


@pytest.fixture
def thirty(plan):
    """The plan with 30 actions, numbered 1 to 30 (the fixture's three first)."""
    for number, action in enumerate([plan.support, plan.buses, plan.hubs], start=1):
        action.reference = str(number)
        action.save_revision().publish()
    for number in range(4, 31):
        ActionPageFactory(parent=plan.page, title=f"Action {number}", reference=str(number))
    return plan


def thirty_rows(bad=()):
    rows = []
    for number in range(1, 31):
        row = f"{number},2015-03-{number:02d},on track,Progress on action {number},,"
        if number == 1:
            row = "1,2015-03-01,done,Finished.,groups,900"
        rows.append(bad.get(number, row) if bad else row)
    return HEADER + "\n".join(rows) + "\n"


def test_a_file_with_two_bad_rows_saves_nothing_and_names_both(client, editor, thirty):
    before = ProgressUpdate.objects.count()
    text = thirty_rows(
        bad={
            5: "55,2015-03-05,on track,No such action,,",
            13: "13,2015-03-13,going well,Said differently,,",
        }
    )
    response = upload(client, thirty, text)
    assert response.status_code == 200
    found = problems(response)
    assert [line for line, _ in found] == ["Row 6", "Row 14"]  # the header is row 1
    assert "Unknown action '55'" in found[0][1]
    assert "Unknown status 'going well'" in found[1][1] and "On track" in found[1][1]
    assert "nothing has been changed" in response.content.decode()
    assert token_in(response) is None
    assert ProgressUpdate.objects.count() == before
    assert not PageLogEntry.objects.filter(action=LOG_ACTION).exists()


def test_the_fixed_file_saves_all_thirty_with_one_log_entry(client, editor, thirty):
    before = ProgressUpdate.objects.count()
    preview = upload(client, thirty, thirty_rows(), name="march-2015.csv")
    html = preview.content.decode()
    assert "march-2015.csv: 30 actions to update" in html
    assert "Nothing has been saved yet" in html
    # Each change is shown: the status before and after, the figure.
    assert "On track &rarr; <strong>Done</strong>" in html
    assert "Voluntary groups supported: 900 groups" in html
    assert ProgressUpdate.objects.count() == before

    published = []

    def heard(sender, instance, **kwargs):
        published.append(instance.pk)

    page_published.connect(heard)
    logged_before = PageLogEntry.objects.count()
    try:
        response = client.post(address(thirty), {"token": token_in(preview)})
    finally:
        page_published.disconnect(heard)
    assert response.status_code == 302
    assert ProgressUpdate.objects.count() == before + 30
    actions = ActionPage.objects.child_of(thirty.page)
    assert sorted(actions.values_list("status", flat=True)) == ["done"] + ["on_track"] * 29
    support = ActionPage.objects.get(pk=thirty.support.pk)
    latest = support.updates_in_order()[-1]
    assert (latest.text, latest.value, latest.measure_id) == ("Finished.", 900, thirty.groups.pk)
    # Published as an editor's change is: a new live revision by the editor,
    # announced by Wagtail's signal (which the frontend cache purge hears).
    assert support.live_revision.user == editor
    assert not support.has_unpublished_changes
    assert len(set(published)) == 30
    # One entry in the log, naming the file and the count.
    assert PageLogEntry.objects.count() == logged_before + 1
    entry = PageLogEntry.objects.get(action=LOG_ACTION)
    assert entry.page_id == thirty.page.pk and entry.user == editor
    assert entry.data == {"file": "march-2015.csv", "rows": 30}
    assert "Updated 30 actions from the file march-2015.csv" in entry.message
    # The public plan shows the change at once.
    public = client.get("/action-plan/").content.decode()
    assert "Finished." in client.get(support.url).content.decode()
    assert "Done" in public


@pytest.mark.parametrize(
    "row, reason",
    [
        ("3.1,31/02/2015,on track,,,", "'31/02/2015' is not a date"),
        ("3.1,,on track,,,", "No date"),
        ("3.1,2999-01-01,on track,,,", "is in the future"),
        ("3.1,2015-03-01,,,groups,lots", "The value 'lots' is not a number"),
        ("3.1,2015-03-01,,,groups,1.234", "The value '1.234' is not a number"),
        ("3.1,2015-03-01,,,,900", "Say which measure the value is for"),
        (
            "3.1,2015-03-01,,,volunteers,12",
            "of 'Support voluntary groups': 2 (groups, money)",
        ),
        ("buses,2015-03-01,,,,12", "'Community bus routes' has none"),
        ("3.1,2015-03-01,,,,", "Nothing to change"),
        (",2015-03-01,done,,,", "No action"),
    ],
)
def test_each_bad_row_says_why(client, editor, plan, row, reason):
    response = upload(client, plan, HEADER + row + "\n")
    assert response.status_code == 200
    [(line, message)] = problems(response)
    assert line == "Row 2" and reason in message


def test_actions_are_found_by_reference_or_slug_and_statuses_by_word_or_code(client, editor, plan):
    text = (
        HEADER + "3.1,2015-03-01,AT RISK,,,\nbuses,1/3/2015,delayed,,,\nhubs,2015-03-01,,Began,,\n"
    )
    checked = upload(client, plan, text)
    assert problems(checked) == [] and token_in(checked)
    client.post(address(plan), {"token": token_in(checked)})
    statuses = dict(ActionPage.objects.child_of(plan.page).values_list("slug", "status"))
    assert statuses == {"support-groups": "at_risk", "buses": "delayed", "hubs": "not_started"}


def test_a_duplicate_row_is_refused(client, editor, plan):
    text = HEADER + "buses,2015-03-01,done,,,\nbuses,2015-03-02,stopped,,,\n"
    [(line, message)] = problems(upload(client, plan, text))
    assert line == "Row 3" and "already on row 2" in message


def test_a_file_not_in_utf8_is_refused_with_a_way_out(client, editor, plan):
    text = HEADER + "hubs,2015-03-01,,Café opened,,\n"
    [(line, message)] = problems(upload(client, plan, text, encoding="latin-1"))
    assert line == "The file" and "CSV UTF-8" in message


def test_excel_csv_utf8_with_its_byte_order_mark_is_read(client, editor, plan):
    text = HEADER + "hubs,2015-03-01,,Café opened,,\n"
    response = upload(client, plan, text, encoding="utf-8-sig")
    assert problems(response) == [] and "Café opened" in response.content.decode()


def test_missing_columns_are_named(client, editor, plan):
    [(line, message)] = problems(upload(client, plan, "reference,when\n3.1,2015-03-01\n"))
    assert line == "Row 1" and "missing: action, date" in message


def test_an_action_with_an_unpublished_draft_is_refused(client, editor, plan):
    draft = ActionPage.objects.get(pk=plan.hubs.pk)
    draft.title = "Open community hubs (draft)"
    draft.save_revision()
    [(line, message)] = problems(upload(client, plan, HEADER + "hubs,2015-03-01,done,,,\n"))
    assert "not published yet" in message


def test_the_file_is_checked_again_when_confirmed(client, editor, plan):
    preview = upload(client, plan, HEADER + "hubs,2015-03-01,done,,,\n")
    # Someone else starts a draft of the action between preview and confirm.
    ActionPage.objects.get(pk=plan.hubs.pk).save_revision()
    response = client.post(address(plan), {"token": token_in(preview)})
    assert response.status_code == 200 and "not published yet" in response.content.decode()
    assert ActionPage.objects.get(pk=plan.hubs.pk).status == "not_started"


def test_a_tampered_preview_saves_nothing(client, editor, plan):
    preview = upload(client, plan, HEADER + "hubs,2015-03-01,done,,,\n")
    response = client.post(address(plan), {"token": token_in(preview)[:-3] + "abc"}, follow=True)
    assert "upload the file again" in response.content.decode()
    assert ActionPage.objects.get(pk=plan.hubs.pk).status == "not_started"


def test_only_those_who_may_publish_the_plan_can_use_it(client, editor, plan):
    assert client.get(address(plan)).status_code == 200
    # An editor who may edit pages but not publish them (Wagtail's Editors),
    # and someone who may only use the admin.
    # Wagtail sends them back to the dashboard, saying they may not.
    editor.groups.set([Group.objects.get(name="Editors")])
    assert client.get(address(plan))["Location"] == "/admin/"
    assert upload(client, plan, HEADER + "hubs,2015-03-01,done,,,\n")["Location"] == "/admin/"
    editor.groups.clear()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert client.get(address(plan))["Location"] == "/admin/"
    assert ActionPage.objects.get(pk=plan.hubs.pk).status == "not_started"


def test_the_plan_has_a_button_for_it_in_the_explorer(admin_client, plan):
    html = admin_client.get(f"/admin/pages/{plan.page.pk}/").content.decode()
    assert address(plan) in html
    html = admin_client.get(f"/admin/pages/{plan.support.pk}/").content.decode()
    assert "bulk-update" not in html


HOSTILE_CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["3.1", "buses", "2015-03-01", "done", "groups", "1e999", "NaN", "=1+1"]),
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    raw=st.one_of(
        st.binary(max_size=300),
        st.lists(st.lists(HOSTILE_CELLS, max_size=8), max_size=6).map(
            lambda rows: (
                HEADER
                + "\n".join(",".join('"' + c.replace('"', '""') + '"' for c in row) for row in rows)
            )
        ),
        st.text(max_size=300),
    )
)
def test_hostile_files_never_break_it(client, editor, plan, raw):
    response = upload(client, plan, raw, name="x.csv")
    assert response.status_code == 200
    token = token_in(response)
    if token:
        assert client.post(address(plan), {"token": token}).status_code == 302
