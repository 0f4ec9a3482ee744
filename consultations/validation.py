"""The rule checked when a consultation page is saved with a survey that
already has responses: questions, statements and options that have answers
cannot be removed, re-keyed or change type (their answers would be lost)."""

from .models.responses import Answer
from .survey.structure import survey_from_stream
from .survey.types import registry


def locked_survey_problems(page):
    """What a change to the survey would break in the answers already stored."""
    if not page.translation_key:
        return []
    answered = (
        Answer.objects.filter(response__consultation_key=page.translation_key)
        .values_list("question_key", "question_type", "item_key", "option_code")
        .distinct()
    )
    answered = list(answered)
    if not answered:
        return []
    survey = survey_from_stream(page.survey, districts=page.council_districts)
    problems = []
    reported = set()
    for key, question_type, item_key, option_code in answered:
        question = survey.question(key)
        if question is None:
            if key not in reported:
                problems.append(f"Question '{key}' has answers: put it back.")
                reported.add(key)
            continue
        if question.type != question_type:
            if key not in reported:
                problems.append(
                    f"Question '{key}' has answers as a {question_type.replace('_', ' ')} "
                    "question: it cannot change type."
                )
                reported.add(key)
            continue
        if item_key and item_key not in {s.code for s in question.statements}:
            marker = (key, "item", item_key)
            if marker not in reported:
                problems.append(f"Statement '{item_key}' of question '{key}' has answers.")
                reported.add(marker)
        if option_code and option_code not in registry.type_of(question).answer_codes(question):
            marker = (key, "option", option_code)
            if marker not in reported:
                problems.append(f"Option '{option_code}' of question '{key}' has answers.")
                reported.add(marker)
    return problems
