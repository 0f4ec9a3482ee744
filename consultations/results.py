"""Counting answers for officers. Every language and the Easy Read version
store the same question keys and option codes, so one count covers them all."""

from django.db.models import Count

from consultations.models import Answer, Response


def responses_to(page):
    """Every response to a consultation, whichever translation it was made on."""
    return Response.objects.filter(consultation_key=page.translation_key)


def option_counts(page, question_key, item_key=""):
    """How many responses chose each option of a question (or of one grid
    statement), in every language: {option code: number of responses}."""
    rows = (
        Answer.objects.filter(
            response__consultation_key=page.translation_key,
            question_key=question_key,
            item_key=item_key,
        )
        .exclude(option_code="")
        .values_list("option_code")
        .annotate(responses=Count("response", distinct=True))
    )
    return dict(rows)
