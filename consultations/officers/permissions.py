"""Who may see what of residents' responses, as one permission policy:

- ``view_answers`` (``consultations.view_response_answers``, the "Consultation
  analysts" group): every officers' page and export, but equality answers
  only as a total;
- ``view_equality`` (``consultations.view_equality_answers``, "Equality
  data"): the equality summary too (small numbers hidden) and the export of
  equality answers, a file of their own;
- ``delete`` (``consultations.delete_response``): deleting a response;
- ``key_in`` (``consultations.key_in_responses``, the "Data entry" group):
  keying in paper and phone responses through the survey, and nothing else:
  no response, summary or export.

Anyone else, editors who build the surveys included, gets a 403 from every
officers' page.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from ..models.responses import Response


class ResponsePermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions on ``Response``, with the two permissions of
    its own (``Response.Meta.permissions``) named as actions."""

    codenames = {
        "view_answers": "view_response_answers",
        "view_equality": "view_equality_answers",
        "key_in": "key_in_responses",
    }

    def _get_permission_codename(self, action):
        # Every check of ModelPermissionPolicy (for one user, or listing the
        # users who have a permission) names its permission through here.
        return self.codenames.get(action) or super()._get_permission_codename(action)


response_permission_policy = ResponsePermissionPolicy(Response)
