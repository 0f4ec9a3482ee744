"""How the audit logs describe what happens to responses.

Officers' exports and deletions go in their own log (``OfficerLogEntry``),
which only officers see (``views.AuditLogView``): Wagtail's log shows in every
page's history and in the site history, which editors read. ``record`` writes
an entry and ``describe`` puts it in words; neither ever holds an answer.

The retention job's removal of personal data (counts only) stays in Wagtail's
log, registered from wagtail_hooks.py:

hooks.register("register_log_actions", register_consultation_log_actions)
"""

from wagtail.log_actions import LogFormatter

from ..models.responses import OfficerLogEntry
from ..retention import LOG_ACTION as REMOVE_PERSONAL_DATA

EXPORT_RESPONSES = "consultations.export_responses"
EXPORT_EQUALITY = "consultations.export_equality"
DELETE_RESPONSE = "consultations.delete_response"
EXPORT_RESPONSE = "consultations.export_response"

LABELS = {
    EXPORT_RESPONSES: "Export responses",
    EXPORT_EQUALITY: "Export equality answers",
    DELETE_RESPONSE: "Delete a response",
    EXPORT_RESPONSE: "Export one response",
}


class PersonalDataRemoved(LogFormatter):
    label = "Remove personal data"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return (
            "Personal data removed at the end of the retention period: "
            f"{data.get('responses', 0)} responses, "
            f"{data.get('equality_answers', 0)} equality answers, "
            f"{data.get('contact_answers', 0)} email and postcode answers, "
            f"{data.get('personal_text_answers', 0)} personal free-text answers, "
            f"{data.get('saved_surveys', 0)} saved surveys"
        )


def record(user, action, page, data):
    """One entry in the officers' log."""
    return OfficerLogEntry.objects.create(
        user=user,
        username=user.get_username() if user is not None else "",
        action=action,
        page=page,
        consultation_key=page.translation_key if page is not None else None,
        data=data,
    )


def describe(entry):
    """An entry of the officers' log in words."""
    data = entry.data or {}
    if entry.action == DELETE_RESPONSE:
        return f"Deleted response {data.get('reference', '')}"
    if entry.action == EXPORT_RESPONSE:
        return f"Exported response {data.get('reference', '')} as a document"
    filters = "; ".join(data.get("filters") or []) or "no filters"
    if entry.action == EXPORT_EQUALITY:
        return f"Exported the equality answers of {data.get('responses', 0)} responses ({filters})"
    equality = ", with equality answers" if data.get("equality") else ""
    return (
        f"Exported {data.get('responses', 0)} responses as "
        f"{str(data.get('format', '')).upper()} ({filters}){equality}"
    )


def register_consultation_log_actions(actions):
    actions.register_action(REMOVE_PERSONAL_DATA)(PersonalDataRemoved)
