"""The stored responses: one ``Response`` per resident, its ``Answer`` rows,
the analysts' ``Theme`` tags, the ``EqualityAnswer`` rows kept apart, and the
``SavedSurvey`` left part-way.

Responses are keyed by the consultation's ``translation_key``, question keys
and option codes, never by wording, so answers given in every language and in
Easy Read count together. Nothing here knows about pages or their routes.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.models import Page

VERSION_STANDARD = "standard"
VERSION_EASY_READ = "easy_read"
VERSIONS = [(VERSION_STANDARD, "Standard"), (VERSION_EASY_READ, "Easy Read")]

# How a response reached us: online through the survey, or keyed in by staff
# from a paper form, a phone call, an email or an event.
CHANNEL_ONLINE = "online"
CHANNELS = [
    (CHANNEL_ONLINE, "Online"),
    ("paper", "Paper form"),
    ("phone", "Phone"),
    ("email", "Email"),
    ("event", "At an event"),
]

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_reference():
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"HYS-{body[:4]}-{body[4:]}"


class Response(models.Model):
    """One resident's whole response, in any language or version."""

    consultation_key = models.UUIDField(
        db_index=True, help_text="The consultation's translation key: the same in every language."
    )
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reference = models.CharField(max_length=20, unique=True)
    submission_token = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=20)
    version = models.CharField(max_length=20, choices=VERSIONS, default=VERSION_STANDARD)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    # About you: kept on the response, apart from the answers.
    respondent_type = models.CharField(max_length=50, blank=True)
    district = models.CharField(max_length=50, blank=True)
    personal_data_removed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the retention job removed its personal details."
    )
    # Signs that a bot may have sent it, for officers to judge; such a response
    # is stored like any other, never dropped. Keys: "honeypot" (True: the
    # hidden field was filled in) and "too_fast" (the seconds the whole
    # survey took, under ``SURVEY_MIN_SECONDS``).
    review_flags = models.JSONField(default=dict, blank=True)
    # Keyed in by staff (any channel but online): who, when, and the paper
    # form's batch and serial number (one response per serial).
    channel = models.CharField(
        max_length=10, choices=CHANNELS, default=CHANNEL_ONLINE, db_index=True
    )
    keyed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    keyed_at = models.DateTimeField(null=True, blank=True)
    paper_batch = models.CharField(max_length=40, blank=True, default="")
    paper_serial = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        ordering = ["-submitted_at"]
        permissions = [
            ("view_response_answers", "Can see and export consultation answers"),
            ("view_equality_answers", "Can see equality-monitoring answers"),
            ("key_in_responses", "Can key in paper and phone responses"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_key", "paper_serial"],
                condition=~models.Q(paper_serial=""),
                name="consultations_response_one_per_serial",
            )
        ]

    def __str__(self):
        return self.reference

    @property
    def flagged(self):
        return bool(self.review_flags)

    def review_reasons(self):
        """The flags in words, for officers."""
        flags = self.review_flags or {}
        reasons = []
        if flags.get("honeypot"):
            reasons.append("a hidden field was filled in")
        if "too_fast" in flags:
            seconds = flags["too_fast"]
            reasons.append(f"completed in {seconds} second{'s' if seconds != 1 else ''}")
        return reasons


class Answer(models.Model):
    """One stored answer: a question key with, where it applies, a grid statement
    or ranked item (``item_key``), an option code, and a value."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_key = models.CharField(max_length=50)
    question_type = models.CharField(max_length=30)
    item_key = models.CharField(max_length=50, blank=True, default="")
    option_code = models.CharField(max_length=50, blank=True, default="")
    text = models.TextField(blank=True, default="")
    number = models.BigIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key", "item_key", "option_code"],
                name="consultations_answer_unique_part",
            )
        ]
        indexes = [models.Index(fields=["question_key", "option_code"])]

    def __str__(self):
        return f"{self.question_key}={self.option_code or self.text[:30]}"


class Theme(models.Model):
    """A theme analysts tag free-text answers with (their code list), per question."""

    consultation_key = models.UUIDField(db_index=True)
    question_key = models.CharField(max_length=50)
    name = models.CharField(max_length=100)
    answers = models.ManyToManyField(Answer, related_name="themes", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_key", "question_key", "name"],
                name="consultations_theme_unique_name",
            )
        ]

    def __str__(self):
        return self.name


class EqualityAnswer(models.Model):
    """An equality-monitoring answer, stored apart so that permissions can keep it
    from anyone not allowed to see it."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="equality_answers"
    )
    question_key = models.CharField(max_length=50)
    option_code = models.CharField(max_length=50)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_key"], name="consultations_equality_unique"
            )
        ]

    def __str__(self):
        return f"{self.question_key}={self.option_code}"


class SavedSurvey(models.Model):
    """A survey left part-way with an email address, to come back to by link.
    Deleted when the response is sent or the consultation closes. It never
    holds answers to the equality questions (``views.save`` leaves them out):
    those are asked again when the resident comes back."""

    token = models.CharField(max_length=64, unique=True)
    journey_token = models.CharField(max_length=64, db_index=True)
    consultation_key = models.UUIDField(db_index=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    answers = models.JSONField(default=dict)
    done = models.JSONField(default=list)
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Saved survey {self.pk}"

    @classmethod
    def delete_expired(cls):
        return cls.objects.filter(expires_at__lte=timezone.now()).delete()


class OfficerLogEntry(models.Model):
    """The officers' own audit log: who exported or deleted responses, when,
    with which filters and how many rows, never what anyone answered.

    Kept apart from Wagtail's log on purpose: that one shows in every page's
    history and in the site history, which editors read. This one is shown
    only to officers who may see answers (``officers.views.AuditLogView``)."""

    timestamp = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(max_length=150, blank=True, help_text="Kept if the user goes.")
    action = models.CharField(max_length=100, db_index=True)
    consultation_key = models.UUIDField(null=True, blank=True, db_index=True)
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-timestamp", "-pk"]
        verbose_name = "officers' log entry"
        verbose_name_plural = "officers' log entries"

    def __str__(self):
        return f"{self.action} by {self.username} at {self.timestamp:%Y-%m-%d %H:%M}"
