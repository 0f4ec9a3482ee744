"""Admin form data for pages, as the Wagtail editor sends it."""

from wagtail.test.utils.form_data import nested_form_data, streamfield

# What the editor's "Easy Read version" panel sends when it is left empty.
EMPTY_EASY_READ = {
    "easy_read_title": "",
    "easy_read_introduction": "",
    "easy_read": streamfield([]),
    "easy_read_summary": "",
    "easy_read_checks": streamfield([]),
}


def page_form_data(fields):
    """nested_form_data for a page, with the panels every page type has."""
    return nested_form_data({**EMPTY_EASY_READ, **fields})
