"""Writing a whole response: every answer in one transaction, or nothing.

The journey's token is unique on ``Response``: a replayed or double-clicked
submission hits the constraint and gets the response already stored, with the
same reference, instead of a second one.
"""

from django.db import IntegrityError, transaction

from consultations.models.responses import Answer, EqualityAnswer, Response, new_reference

from .types import registry


class SerialAlreadyKeyed(Exception):
    """A paper form's serial number that was keyed in before (``.response``)."""

    def __init__(self, response):
        super().__init__(response.reference)
        self.response = response


def answer_rows(form):
    """Answer fields for every cleaned answer of a main section: each
    question's type says which rows its answer is stored as."""
    rows = []
    for question in form.active_questions():
        value = form.cleaned.get(question.key)
        if value is None:
            continue
        other = form.other_text.get(question.key, "")
        rows.extend(registry.type_of(question).answer_rows(question, value, other))
    return rows


def store_response(page, forms, token, language, version, review_flags=None, keyed=None):
    """Store the response; return ``(response, created)``. ``review_flags``
    (see ``Response.review_flags``) are stored with it: a flagged response is
    stored like any other. ``keyed``: how a response keyed in by staff came
    (``keying.stored_fields``); a paper serial keyed before raises
    ``SerialAlreadyKeyed``."""
    existing = Response.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing, False
    keyed = keyed or {}
    serial = keyed.get("paper_serial")

    respondent = {}
    equality = []
    answers = []
    for form in forms:
        if form.section.kind == "about":
            respondent = {
                "respondent_type": form.cleaned.get("respondent_type", ""),
                "district": form.cleaned.get("district", ""),
            }
        elif form.section.kind == "equality":
            equality.extend(
                {"question_key": key, "option_code": value} for key, value in form.cleaned.items()
            )
        else:
            answers.extend(answer_rows(form))

    for _attempt in range(5):
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    consultation_key=page.translation_key,
                    page=page,
                    reference=new_reference(),
                    submission_token=token,
                    language=language,
                    version=version,
                    review_flags=review_flags or {},
                    **respondent,
                    **keyed,
                )
                Answer.objects.bulk_create(Answer(response=response, **row) for row in answers)
                EqualityAnswer.objects.bulk_create(
                    EqualityAnswer(response=response, **row) for row in equality
                )
            return response, True
        except IntegrityError:
            existing = Response.objects.filter(submission_token=token).first()
            if existing is not None:
                return existing, False
            keyed_before = (
                serial
                and Response.objects.filter(
                    consultation_key=page.translation_key, paper_serial=serial
                ).first()
            )
            if keyed_before:
                raise SerialAlreadyKeyed(keyed_before) from None
            # Otherwise the random reference was already taken: try another.
    raise IntegrityError("Could not find a free reference number")
