"""The audit-log actions of consultations. Registered from wagtail_hooks.py:

hooks.register("register_log_actions", register_consultation_log_actions)
"""

from wagtail.log_actions import LogFormatter

from .retention import LOG_ACTION as REMOVE_PERSONAL_DATA


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


def register_consultation_log_actions(actions):
    actions.register_action(REMOVE_PERSONAL_DATA)(PersonalDataRemoved)
