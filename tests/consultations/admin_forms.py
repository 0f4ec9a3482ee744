"""POST data for the Wagtail admin's consultation form, as the editor's browser sends it."""

from wagtail.test.utils.form_data import rich_text, streamfield

from tests.form_data import page_form_data


def list_data(items):
    data = {"count": str(len(items))}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": str(index), "id": ""}
    return data


def question_data(question):
    value = dict(question["value"])
    value.setdefault("hint", "")
    value.setdefault("error_message", "")
    value.setdefault("show_if_question", "")
    value.setdefault("show_if_option", "")
    for name in ("options", "statements"):
        if name in value:
            value[name] = list_data(value[name])
    if value.get("required"):
        value["required"] = "on"
    else:
        value.pop("required", None)
    if value.get("allow_other"):
        value["allow_other"] = "on"
    else:
        value.pop("allow_other", None)
    for name in ("max_characters", "max_choices", "min_value", "max_value"):
        if name in value and value[name] is None:
            value[name] = ""
    return (question["type"], value)


def survey_data(sections):
    items = []
    for section in sections:
        value = dict(section["value"])
        value["questions"] = streamfield([question_data(q) for q in value["questions"]])
        items.append(("section", value))
    return streamfield(items)


def consultation_form_data(title, slug, survey, opens_at, closes_at, **extra):
    data = {
        "title": title,
        "slug": slug,
        "introduction": "What we propose.",
        "opens_at": opens_at.strftime("%Y-%m-%d %H:%M"),
        "closes_at": closes_at.strftime("%Y-%m-%d %H:%M"),
        "body": streamfield([]),
        "documents": streamfield([]),
        "events": streamfield([]),
        "other_ways_to_respond": rich_text(""),
        "results": rich_text(""),
        "results_date": "",
        "results_headlines": streamfield([]),
        "retention_days": "365",
        "time_to_complete": "about 5 minutes",
        "how_answers_are_used": "",
        "survey": survey_data(survey),
        "confirmation_text": rich_text(""),
        "listing_summary": "",
        "search_description": "",
        "seo_title": "",
        "action-publish": "publish",
    }
    data.update(extra)
    return page_form_data(data)
