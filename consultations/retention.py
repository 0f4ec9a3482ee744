"""Removing residents' personal details once a consultation's retention period
has ended (``closes_at`` plus ``retention_days``).

For every response not yet cleaned it deletes the equality-monitoring answers,
the answers to email and postcode questions and to free-text questions that
staff marked as personal; it keeps every other answer, so the results still
count. It also deletes the consultation's saved part-way surveys (they hold an
email address). Each response is then marked ``personal_data_removed_at``, so
running it again does nothing: it is safe to run daily.

Every consultation processed gets one entry in Wagtail's audit log, with the
counts only, never the content.
"""

from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Locale

from .models.pages import ConsultationPage
from .models.responses import Answer, EqualityAnswer, Response, SavedSurvey
from .survey.types import registry

LOG_ACTION = "consultations.remove_personal_data"
# Responses whose consultation page was deleted have no closing date or survey
# to go by: a year after they were sent, all their free text goes too.
ORPHAN_RETENTION = timezone.timedelta(days=365)


@dataclass
class Removal:
    """What was (or, in a dry run, would be) removed from one consultation."""

    page: ConsultationPage | None = field(repr=False)
    responses: int = 0
    equality_answers: int = 0
    contact_answers: int = 0
    personal_text_answers: int = 0
    saved_surveys: int = 0

    @property
    def anything(self):
        return bool(self.responses or self.saved_surveys)

    def counts(self):
        counts = asdict(self)
        counts.pop("page")
        return counts

    def describe(self):
        where = (
            f"{self.page.title} (page {self.page.pk})"
            if self.page
            else "responses to deleted consultations"
        )
        return (
            f"{where}: {self.responses} responses, "
            f"{self.equality_answers} equality answers, {self.contact_answers} email and "
            f"postcode answers, {self.personal_text_answers} personal free-text answers, "
            f"{self.saved_surveys} saved surveys"
        )


def retention_ends(page):
    return page.closes_at + timezone.timedelta(days=page.retention_days)


def source_pages():
    """One page per consultation (per translation key): the one in the default
    language where there is one, otherwise the oldest."""
    default = Locale.get_default()
    pages = {}
    for page in ConsultationPage.objects.order_by("pk"):
        current = pages.get(page.translation_key)
        if current is None or (page.locale_id == default.pk and current.locale_id != default.pk):
            pages[page.translation_key] = page
    return list(pages.values())


def due_consultations(now=None):
    """The consultations whose retention period has ended, oldest first."""
    now = now or timezone.now()
    due = [page for page in source_pages() if retention_ends(page) <= now]
    return sorted(due, key=lambda page: (page.closes_at, page.pk))


def always_personal_types():
    """The question types whose stored answers are personal whatever the survey says."""
    return registry.names_where(always_personal=True)


def personal_question_keys(survey):
    """The keys of questions whose answers are personal data: (email and postcode
    questions, free-text questions marked as personal)."""
    contact, text = set(), set()
    for question in survey.questions():
        kind = registry.type_of(question)
        if kind.always_personal:
            contact.add(question.key)
        elif kind.free_text and question.personal:
            text.add(question.key)
    return contact, text


def remove_personal_data(page, now=None, dry_run=False):
    """Remove the personal data of one consultation's responses not yet cleaned."""
    contact_keys, text_keys = personal_question_keys(page.survey_definition)
    # Email and postcode answers are personal whatever the survey says now.
    is_contact = Q(question_type__in=always_personal_types()) | Q(question_key__in=contact_keys)
    return _remove(
        page,
        Response.objects.filter(
            consultation_key=page.translation_key, personal_data_removed_at__isnull=True
        ),
        is_contact,
        Q(question_key__in=text_keys) & ~is_contact,
        SavedSurvey.objects.filter(consultation_key=page.translation_key),
        now,
        dry_run,
    )


def remove_orphans_personal_data(now=None, dry_run=False):
    """Responses whose consultation no longer exists, sent more than a year
    ago: their equality answers and every email, postcode and free-text answer
    are removed, since no survey says which text is personal."""
    now = now or timezone.now()
    responses = Response.objects.filter(
        personal_data_removed_at__isnull=True, submitted_at__lte=now - ORPHAN_RETENTION
    ).exclude(consultation_key__in=ConsultationPage.objects.values("translation_key"))
    return _remove(
        None,
        responses,
        Q(question_type__in=always_personal_types()),
        Q(question_type__in=registry.names_where(free_text=True)),
        SavedSurvey.objects.none(),
        now,
        dry_run,
    )


def _remove(page, responses, is_contact, is_personal_text, saved, now, dry_run):
    """Count, and unless it is a dry run remove, the equality answers, the
    answers matching ``is_contact`` or ``is_personal_text`` and the saved
    surveys; mark the responses cleaned; one audit entry of counts, on the page
    (or, for a deleted consultation, on its first response)."""
    now = now or timezone.now()
    answers = Answer.objects.filter(response__in=responses)
    equality = EqualityAnswer.objects.filter(response__in=responses)
    with transaction.atomic():
        removal = Removal(
            page=page,
            responses=responses.count(),
            equality_answers=equality.count(),
            contact_answers=answers.filter(is_contact).count(),
            personal_text_answers=answers.filter(is_personal_text).count(),
            saved_surveys=saved.count(),
        )
        if dry_run or not removal.anything:
            return removal
        logged = page or responses.order_by("pk").first()
        answers.filter(is_contact | is_personal_text).delete()
        equality.delete()
        saved.delete()
        responses.update(personal_data_removed_at=now)
        log(logged, LOG_ACTION, data=removal.counts())
    return removal


def apply_retention(now=None, dry_run=False):
    """Clean every consultation past its retention period, and responses whose
    consultation was deleted; return what was removed where anything was."""
    now = now or timezone.now()
    removals = []
    for page in due_consultations(now):
        removal = remove_personal_data(page, now=now, dry_run=dry_run)
        if removal.anything:
            removals.append(removal)
    orphans = remove_orphans_personal_data(now=now, dry_run=dry_run)
    if orphans.anything:
        removals.append(orphans)
    return removals
