"""How the audit log describes what happens to responses: officers' exports
and deletions, and the retention job's removal of personal data. Registered
from wagtail_hooks.py:

hooks.register("register_log_actions", register_consultation_log_actions)
"""

from wagtail.log_actions import LogFormatter

from ..retention import LOG_ACTION as REMOVE_PERSONAL_DATA

EXPORT_RESPONSES = "consultations.export_responses"
DELETE_RESPONSE = "consultations.delete_response"


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


class ResponsesExported(LogFormatter):
    label = "Export responses"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        filters = "; ".join(data.get("filters") or []) or "no filters"
        equality = ", with equality answers" if data.get("equality") else ""
        return (
            f"Exported {data.get('responses', 0)} responses as "
            f"{str(data.get('format', '')).upper()} ({filters}){equality}"
        )


class ResponseDeleted(LogFormatter):
    label = "Delete a response"

    def format_message(self, log_entry):
        return f"Deleted response {(log_entry.data or {}).get('reference', '')}"


def register_consultation_log_actions(actions):
    actions.register_action(REMOVE_PERSONAL_DATA)(PersonalDataRemoved)


def register_officer_log_actions(actions):
    actions.register_action(EXPORT_RESPONSES)(ResponsesExported)
    actions.register_action(DELETE_RESPONSE)(ResponseDeleted)
