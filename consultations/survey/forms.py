"""Checking one section's answers, and what the templates need to show it.

Every input name is built from the question's key (never from its wording), so
the same rules serve every language and, later, Easy Read wording:

- ``<key>`` the answer itself (text, option code, or codes for checkboxes);
- ``<key>__other`` the "other, please specify" text;
- ``<key>__<statement>`` one row of a grid; ``<key>__<option>`` one item of a ranking;
- ``<key>__day``, ``<key>__month``, ``<key>__year`` a date.

Each question's type (``types``) checks its own inputs and says what the
template needs; this form runs them for the questions that are showing.
Answers are validated here and only here: a question that is hidden by its
condition is neither validated nor kept, options not in the list are refused,
and a required question cannot be skipped by leaving a field out of the request.

The Easy Read survey uses the same rules; only its messages are in Easy Read
words (``SectionForm.say``).
"""

from .types import registry
from .types.base import field_id

__all__ = ["SectionForm", "answer_lines", "field_id", "input_names"]


def input_names(question):
    """Every input name a question may post."""
    return registry.type_of(question).input_names(question)


class SectionForm:
    """The answers to one section, posted or kept from an earlier visit.

    ``data`` is a QueryDict or a plain dict of lists (as kept in the session);
    ``context`` holds the answers to other sections, ``{question key: code}``,
    for conditions on earlier sections.
    """

    def __init__(self, section, data=None, context=None):
        self.section = section
        self.context = context or {}
        self.raw = {}
        if data is not None:
            for question in section.questions:
                for name in input_names(question):
                    values = _getlist(data, name)
                    if values:
                        self.raw[name] = [str(v) for v in values][:50]
        self.is_bound = data is not None
        self.easy_read = bool(getattr(section, "easy_read", False))
        self.errors = {}  # input name -> message, in page order
        self.cleaned = {}
        self.other_text = {}
        self._validated = False

    # Conditions -------------------------------------------------------------

    def first(self, name):
        values = self.raw.get(name) or []
        return values[0] if values else ""

    def answer_for(self, question_key):
        if any(q.key == question_key for q in self.section.questions):
            return self.first(question_key)
        return self.context.get(question_key, "")

    def is_active(self, question):
        condition = question.condition
        if condition is None:
            return True
        if not self.is_active_key(condition.question):
            return False
        return self.answer_for(condition.question) == condition.option

    def is_active_key(self, key):
        for question in self.section.questions:
            if question.key == key:
                return self.is_active(question)
        return True  # earlier sections are checked by the journey

    def active_questions(self):
        return [q for q in self.section.questions if self.is_active(q)]

    # Validation -------------------------------------------------------------

    def is_valid(self):
        if not self._validated:
            self._validate()
        return not self.errors

    def _validate(self):
        self._validated = True
        for question in self.active_questions():
            registry.type_of(question).clean(self, question)

    def add_error(self, name, message):
        """Keep the first error for an input (its message, in the page's words)."""
        self.errors.setdefault(name, str(message))

    def say(self, standard, easy_read):
        """The standard message, or its Easy Read wording in the Easy Read survey."""
        return easy_read if self.easy_read else standard

    # What to keep -----------------------------------------------------------

    def kept_data(self):
        """The posted values of the questions that are showing, for the session."""
        keep = {}
        for question in self.active_questions():
            for name in input_names(question):
                if name in self.raw:
                    keep[name] = self.raw[name]
        return keep

    def error_list(self):
        """(anchor id, message) for the error summary, in page order."""
        self.is_valid()
        return [(field_id(name), message) for name, message in self.errors.items()]

    # Display ------------------------------------------------------------------

    def display(self, show_errors=False):
        """The questions to draw, each a dict the templates read. A question that
        depends on an answer on this page is drawn under that answer."""
        if show_errors:
            self.is_valid()
        errors = self.errors if show_errors else {}
        nested = {}
        same_page = {q.key for q in self.section.questions}
        for question in self.section.questions:
            if question.condition and question.condition.question in same_page:
                nested.setdefault(
                    (question.condition.question, question.condition.option), []
                ).append(question)
        items = []
        for question in self.section.questions:
            if question.condition and question.condition.question in same_page:
                continue
            if not self.is_active(question):
                continue
            items.append(self.display_question(question, errors, nested))
        return items

    def display_question(self, question, errors, nested):
        """One question for the template; ``nested`` holds the questions to
        reveal under each (question key, option code)."""
        return registry.type_of(question).display(self, question, errors, nested)


def _getlist(data, name):
    if hasattr(data, "getlist"):
        return data.getlist(name)
    value = data.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# Words for check-your-answers and receipts ------------------------------------


def answer_lines(question, cleaned, other_text):
    """The resident's answer to one question, as lines of words."""
    value = cleaned.get(question.key)
    if value is None:
        return []
    return registry.type_of(question).words(question, value, other_text.get(question.key, ""))
