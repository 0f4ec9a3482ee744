"""What every question type is: the one place its behaviour is written.

A question type is one class, with one instance in the registry. It knows the
block staff edit it with, the inputs a resident posts and how they are checked,
the template that draws it, the answer rows it stores, how an answer reads in
words, what officers see in the summary and in the exports, and what a
plausible random answer looks like. Everything else (forms, storage, results,
exports, the officers' pages, headlines, retention, the rule about answered
questions) asks the type and never tests its name.

An answer has one shape, whether it has just been posted or is read back from
the database: ``value`` (what ``clean`` keeps: text, a number, a date, an option
code, a list of codes, or a dict of codes or ranks) and ``other_text`` (what
the resident wrote for "Other, please specify", or "").
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from .. import definitions as d


def field_id(name):
    """The HTML id of the input called ``name``: error summary links point at it."""
    return f"f-{name}"


@dataclass
class Stored:
    """One question's answer in one response, as the exports read it."""

    value: object
    other_text: str = ""
    themes: list = field(default_factory=list)


@dataclass
class Column:
    """One column of the export of responses. ``read`` turns a question's
    answer (a ``Stored``) into the cell; an unanswered question gives an empty
    cell. ``source`` says which answers the column reads: the survey's
    ("answers") or the equality questions' ("equality")."""

    name: str
    question: object = None
    label: str = ""
    read: object = None
    source: str = "answers"

    def cell(self, stored):
        if stored is None or self.read is None:
            return ""
        return self.read(stored)


class QuestionType:
    """A kind of question staff can add to a survey."""

    # The block's name in the survey's StreamField, and what Answer.question_type
    # stores: never change it once answers exist.
    name = ""
    # The StructBlock staff fill in (a subclass of blocks.BaseQuestionBlock).
    block_class = None
    # The template that draws it for residents (standard and Easy Read alike);
    # by default components/survey/questions/<name>.html.
    template = None
    # The layout of its part of the officers' summary (a template under
    # consultations/admin/summary/).
    summary_template = "consultations/admin/summary/nothing.html"
    # How it looks on the paper form (the printable survey): a template under
    # components/survey/print/, and for a box to write in, its height in lines.
    print_template = "components/survey/print/write_in.html"
    print_lines = 1

    # One answer picked from a list: a condition may test it.
    single_valued_choice = False
    # One simple field: it can be revealed under a radio option on the same page
    # (GOV.UK conditional reveal holds one simple field at most).
    revealable = False
    # Offers "Other, please specify" when staff ask for it.
    offers_other = False
    # Its answers are personal data, whatever staff say (removed at the end of
    # the retention period).
    always_personal = False
    # Free text: staff may mark it personal, officers read it and tag it with themes.
    free_text = False
    # Answered by choosing options, so a results headline can count them.
    countable = False
    # Answered once per statement (a headline figure names the statement).
    has_statements = False

    def get_template(self):
        return self.template or f"components/survey/questions/{self.name}.html"

    # The block ------------------------------------------------------------------

    def block(self):
        return self.block_class()

    def to_question(self, value, easy_read=False):
        """The question as residents answer it, from its block value: with
        ``easy_read``, in its Easy Read words where staff gave them."""
        condition = None
        if value.get("show_if_question") and value.get("show_if_option"):
            condition = d.Condition(value["show_if_question"], value["show_if_option"])
        question = d.Question(
            key=value["key"],
            type=self.name,
            label=value["label"],
            hint=value.get("hint") or "",
            required=bool(value.get("required")),
            error_message=value.get("error_message") or "",
            condition=condition,
        )
        if easy_read:
            # Easy Read wording where staff gave it; otherwise the standard
            # wording, but never the standard error message: the Easy Read
            # survey has plain messages of its own.
            question.easy_read = True
            question.label = value.get("easy_read_label") or question.label
            question.hint = value.get("easy_read_hint") or question.hint
            question.error_message = value.get("easy_read_error_message") or ""
        self.extend_question(question, value)
        return question

    def for_council(self, question, districts):
        """Fits the question to the council whose consultation asks it (its
        districts, (code, name) pairs): nothing, unless the type needs them."""

    def extend_question(self, question, value):
        """Copy the type's own settings from the block value onto the question."""

    def structure_errors(self, question, where):
        """Problems with the type's own settings, in words staff understand."""
        return []

    # The resident's form ---------------------------------------------------------

    def input_names(self, question):
        """Every input name the question may post."""
        return [question.key]

    def first_input(self, question):
        """The input that "Change" and error links go to."""
        return self.input_names(question)[0]

    def clean(self, form, question):
        """Check the posted values (``form.first(name)``, ``form.raw``): put the
        answer in ``form.cleaned[question.key]`` (and any "other" text in
        ``form.other_text``) or an error with ``form.add_error``."""
        raise NotImplementedError

    def display(self, form, question, errors, nested):
        """What the template needs to draw the question: a dict."""
        key = question.key
        values = form.raw.get(key) or []
        return {
            "question": question,
            "type": question.type,
            "template": self.get_template(),
            "name": key,
            "id": field_id(key),
            "label": question.label,
            "hint": question.hint,
            "value": values[0] if values else "",
            "error": errors.get(key, ""),
            "required": question.required,
        }

    # Messages shared by several types (Easy Read wording with form.say).

    def required_message(self, question, default):
        return question.error_message or default

    def too_long(self, form, max_length):
        return form.say(
            _("Your answer must be %(max)s characters or fewer"),
            _("Your answer is too long. Please use %(max)s letters or fewer"),
        ) % {"max": max_length}

    def not_an_option(self, form):
        return form.say(
            _("Select one of the options given"), _("Please choose one of the answers here")
        )

    # Storing and reading back -----------------------------------------------------

    def answer_rows(self, question, value, other_text=""):
        """The Answer fields to store for one answer (without the response)."""
        return [self.row(question, text=value)]

    def row(self, question, **fields):
        return {"question_key": question.key, "question_type": self.name, **fields}

    def from_rows(self, question, rows):
        """The answer (value, other text) from its stored rows: the reverse of
        ``answer_rows``. ``rows`` are Answer objects of this question."""
        return rows[0].text, ""

    def words(self, question, value, other_text=""):
        """The answer as lines of words: on check your answers, in the emailed
        receipt and on the officers' page of one response."""
        return [str(value)]

    def answer_codes(self, question):
        """The option codes an answer may be stored with."""
        return []

    def random_answer(self, question, rng):
        """A plausible answer (value, other text), for demo and test responses."""
        raise NotImplementedError

    # Officers ----------------------------------------------------------------------

    def summarise(self, question, summary, item):
        """Fill in ``item`` (a results.QuestionSummary) from the summary's counts."""

    def figure_rows(self, item, out):
        """The question's rows in the export of figures (``out`` writes them)."""
        yield from out.figures(item, item.figures)
        if item.average is not None:
            yield out.row(item, "average score (5 to 1)", item.average)
        if item.other_answers:
            yield out.row(item, "'other' answers written", item.others_text)

    def export_columns(self, question):
        """The question's columns in the export of responses."""
        return [Column(question.key, question, str(question.label), read=lambda s: s.value)]

    # Headline figures ----------------------------------------------------------------

    def headline_codes(self, question):
        """The codes a headline figure may count."""
        return self.answer_codes(question)

    def headline_chosen(self, codes):
        """Which of the question's stored rows count as choosing ``codes``."""
        return Q(option_code__in=codes)


def option_display(form, question, errors, nested, pairs):
    """The options of a radio, checkbox or select question, each with what is
    revealed under it: questions that depend on it, and the "other" box."""
    key = question.key
    values = form.raw.get(key) or []
    items = []
    for index, (code, label, picture) in enumerate(pairs, start=1):
        option = {
            "code": code,
            "label": label,
            "picture": picture,
            "id": field_id(key) if index == 1 else f"{field_id(key)}-{index}",
            "checked": code in values,
            "conditional": [],
        }
        for child in nested.get((key, code), []):
            option["conditional"].append(form.display_question(child, errors, nested))
        if code == d.OTHER_CODE:
            other_name = f"{key}__other"
            option["other"] = {
                "name": other_name,
                "id": field_id(other_name),
                "value": form.first(other_name),
                "error": errors.get(other_name, ""),
                "label": form.say(_("Please specify"), _("Please tell us what")),
            }
        option["has_conditional"] = bool(option["conditional"] or option.get("other"))
        items.append(option)
    return items
