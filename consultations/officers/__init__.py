"""The officers' side of consultations, in the Wagtail admin:

- ``permissions``: who may read, export and delete responses (one
  permission policy);
- ``views``: the responses of every consultation, one consultation's summary,
  its responses and free-text answers with their themes, one response and its
  deletion, and the exports; ``urls`` gives them their addresses;
- ``results``: the filters officers apply, and the summary's counting;
- ``exports``: responses and figures as CSV and Excel;
- ``dashboard``: the dashboard panel of results due;
- ``menu``: the admin menu item and the "Responses" button on pages;
- ``log_actions``: the officers' own audit log of exports and deletions, and
  how Wagtail's log describes the removal of personal data.

``consultations/wagtail_hooks.py`` registers these with Wagtail.
"""
