"""The daily retention job removes personal details, and only them, from
consultations past their retention period, once, with an audit entry."""

import datetime
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.log_actions import LogActionRegistry
from wagtail.models import PageLogEntry

from consultations.factories import ConsultationPageFactory, every_type_survey
from consultations.models import Answer, EqualityAnswer, Response, SavedSurvey
from consultations.officers.log_actions import register_consultation_log_actions
from consultations.retention import LOG_ACTION, apply_retention, remove_personal_data

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def survey_with_personal_comments():
    survey = every_type_survey()
    for question in survey[0]["value"]["questions"]:
        if question["value"]["key"] == "comments":
            question["value"]["personal"] = True
    return survey


def closed_consultation(index, days_ago, retention_days=30):
    closes = NOW - datetime.timedelta(days=days_ago)
    return ConsultationPageFactory(
        parent=index,
        opens_at=closes - datetime.timedelta(days=60),
        closes_at=closes,
        retention_days=retention_days,
        survey=survey_with_personal_comments(),
    )


def respond(page, number):
    response = Response.objects.create(
        consultation_key=page.translation_key,
        page=page,
        reference=f"TEST-{page.pk}-{number}",
        submission_token=uuid.uuid4().hex,
        language="en",
        respondent_type="individual",
        district="blaby",
    )
    rows = [
        ("overall", "agreement", "", "agree", ""),
        ("principles", "grid", "prevention", "strongly_agree", ""),
        ("involved", "single_choice", "", "other", "A choir"),
        ("group_name", "short_text", "", "", "Birstall Youth Café"),
        ("comments", "long_text", "", "", "Ring me on 0116 000 0000, Jan Kowalski"),
        ("email", "email", "", "", "resident@example.org"),
        ("postcode", "postcode", "", "", "LE3 8RA"),
        ("area", "area", "", "charnwood", ""),
    ]
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question_key=key,
            question_type=kind,
            item_key=item,
            option_code=code,
            text=text,
        )
        for key, kind, item, code, text in rows
    )
    EqualityAnswer.objects.create(response=response, question_key="age_band", option_code="35_44")
    EqualityAnswer.objects.create(response=response, question_key="sex", option_code="female")
    return response


def save_part_way(page):
    return SavedSurvey.objects.create(
        token=uuid.uuid4().hex,
        journey_token=uuid.uuid4().hex,
        consultation_key=page.translation_key,
        page=page,
        email="resident@example.org",
        expires_at=NOW + datetime.timedelta(days=1),
    )


@pytest.fixture
def past(index):
    """Closed 40 days ago, kept for 30: due for cleaning."""
    page = closed_consultation(index, days_ago=40)
    for number in range(3):
        respond(page, number)
    save_part_way(page)
    return page


@pytest.fixture
def not_past(index):
    """Closed 10 days ago, kept for 30: not yet."""
    page = closed_consultation(index, days_ago=10)
    respond(page, 0)
    save_part_way(page)
    return page


def stored(page):
    answers = Answer.objects.filter(response__consultation_key=page.translation_key)
    return {
        "keys": sorted(set(answers.values_list("question_key", flat=True))),
        "answers": answers.count(),
        "equality": EqualityAnswer.objects.filter(
            response__consultation_key=page.translation_key
        ).count(),
        "saved": SavedSurvey.objects.filter(consultation_key=page.translation_key).count(),
        "cleaned": Response.objects.filter(
            consultation_key=page.translation_key, personal_data_removed_at__isnull=False
        ).count(),
    }


def test_past_its_retention_period_personal_data_goes_and_the_rest_stays(past):
    removal = remove_personal_data(past, now=NOW)
    assert removal.counts() == {
        "responses": 3,
        "equality_answers": 6,
        "contact_answers": 6,
        "personal_text_answers": 3,
        "saved_surveys": 1,
    }
    after = stored(past)
    assert after["keys"] == ["area", "group_name", "involved", "overall", "principles"]
    assert after["answers"] == 3 * 5
    assert after["equality"] == 0
    assert after["saved"] == 0
    assert after["cleaned"] == 3
    # The "other, please specify" text and unmarked free text are kept.
    kept = Answer.objects.filter(response__consultation_key=past.translation_key)
    assert set(kept.filter(question_key="involved").values_list("text", flat=True)) == {"A choir"}
    assert kept.filter(question_key="group_name").count() == 3
    assert Response.objects.filter(consultation_key=past.translation_key).count() == 3


def test_not_yet_past_its_retention_period_nothing_changes(past, not_past):
    before = stored(not_past)
    removals = apply_retention(now=NOW)
    assert past.pk in [removal.page.pk for removal in removals]
    assert not_past.pk not in [removal.page.pk for removal in removals]
    assert stored(not_past) == before
    # A day after its own period ends, it goes too.
    later = not_past.closes_at + datetime.timedelta(days=31)
    assert not_past.pk in [removal.page.pk for removal in apply_retention(now=later)]
    assert stored(not_past)["equality"] == 0


def test_running_it_again_does_nothing_and_logs_nothing(past):
    apply_retention(now=NOW)
    after_first = stored(past)
    entries = PageLogEntry.objects.filter(page=past, action=LOG_ACTION).count()
    assert entries == 1
    assert past.pk not in [removal.page.pk for removal in apply_retention(now=NOW)]
    assert stored(past) == after_first
    assert PageLogEntry.objects.filter(page=past, action=LOG_ACTION).count() == 1


def test_a_response_sent_later_is_cleaned_on_the_next_run(past):
    apply_retention(now=NOW)
    late = respond(past, 99)  # a paper response keyed in after the job ran
    removal = remove_personal_data(past, now=NOW)
    assert removal.responses == 1
    assert removal.equality_answers == 2
    late.refresh_from_db()
    assert late.personal_data_removed_at is not None


def test_the_audit_entry_holds_counts_and_never_the_content(past):
    apply_retention(now=NOW)
    entry = PageLogEntry.objects.get(page=past, action=LOG_ACTION)
    assert entry.data == {
        "responses": 3,
        "equality_answers": 6,
        "contact_answers": 6,
        "personal_text_answers": 3,
        "saved_surveys": 1,
    }
    assert entry.user is None
    text = str(entry.data)
    for secret in ["resident@example.org", "LE3 8RA", "Kowalski", "35_44"]:
        assert secret not in text
    registry = LogActionRegistry()
    registry.has_scanned_for_actions = True
    register_consultation_log_actions(registry)
    message = registry.formatters[LOG_ACTION].format_message(entry)
    assert "3 responses" in message
    assert "6 equality answers" in message


def test_the_command_reports_counts_and_a_dry_run_changes_nothing(past, not_past):
    before = stored(past)
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    report = out.getvalue()
    assert f"Would remove personal data from {past.title}" in report
    assert "3 responses, 6 equality answers, 6 email and postcode answers" in report
    assert "Dry run: nothing was changed." in report
    assert not_past.title not in report
    assert "resident@example.org" not in report
    assert stored(past) == before
    assert not PageLogEntry.objects.filter(page=past, action=LOG_ACTION).exists()

    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert f"Removed personal data from {past.title}" in out.getvalue()
    assert stored(past)["cleaned"] == 3

    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert past.title not in out.getvalue()


def test_translations_are_one_consultation_cleaned_with_the_source_survey(past):
    from wagtail.models import Locale

    polish = past.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    polish.save_revision().publish()
    response = respond(polish, 7)
    removals = [
        r for r in apply_retention(now=NOW) if r.page.translation_key == past.translation_key
    ]
    assert len(removals) == 1
    assert removals[0].page.pk == past.pk
    assert removals[0].responses == 4
    assert not Answer.objects.filter(response=response, question_key="comments").exists()


def test_responses_to_a_deleted_consultation_lose_their_free_text_after_a_year(index):
    page = closed_consultation(index, days_ago=10, retention_days=3650)
    old, recent = respond(page, 1), respond(page, 2)
    Response.objects.filter(pk=old.pk).update(submitted_at=NOW - datetime.timedelta(days=400))
    page.delete()
    assert Response.objects.filter(pk__in=[old.pk, recent.pk]).count() == 2

    removals = apply_retention(now=NOW)
    orphans = [r for r in removals if r.page is None]
    assert len(orphans) == 1 and orphans[0].responses == 1
    assert "responses to deleted consultations" in orphans[0].describe()
    kept = set(Answer.objects.filter(response=old).values_list("question_key", flat=True))
    assert {"overall", "principles", "involved"} <= kept
    assert not kept & {"group_name", "comments", "email", "postcode"}
    assert not EqualityAnswer.objects.filter(response=old).exists()
    assert Answer.objects.filter(response=recent, question_key="comments").exists()
    assert [r for r in apply_retention(now=NOW) if r.page is None] == []
