"""Checking one section's answers, and what the templates need to show it.

Every input name is built from the question's key (never from its wording), so
the same rules serve every language and, later, Easy Read wording:

- ``<key>`` the answer itself (text, option code, or codes for checkboxes);
- ``<key>__other`` the "other, please specify" text;
- ``<key>__<statement>`` one row of a grid; ``<key>__<option>`` one item of a ranking;
- ``<key>__day``, ``<key>__month``, ``<key>__year`` a date.

Answers are validated here and only here: a question that is hidden by its
condition is neither validated nor kept, options not in the list are refused,
and a required question cannot be skipped by leaving a field out of the request.

The Easy Read survey uses the same rules; only its messages are in Easy Read
words (``SectionForm.say``).
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from . import definitions as d

POSTCODE_RE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")
MAX_INPUT = 20000  # longest text accepted from any single input


def field_id(name):
    return f"f-{name}"


def normalise_postcode(value):
    compact = re.sub(r"\s+", "", value or "").upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def input_names(question):
    """Every input name a question may post."""
    key = question.key
    if question.type == d.GRID:
        return [f"{key}__{s.code}" for s in question.statements]
    if question.type == d.RANKING:
        return [f"{key}__{o.code}" for o in question.options]
    if question.type == d.DATE:
        return [f"{key}__day", f"{key}__month", f"{key}__year"]
    names = [key]
    if question.allow_other and question.type in d.OTHER_TYPES:
        names.append(f"{key}__other")
    return names


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
            validator = getattr(self, f"_clean_{question.type}")
            validator(question)

    def _error(self, name, message):
        self.errors.setdefault(name, str(message))

    def say(self, standard, easy_read):
        """The standard message, or its Easy Read wording in the Easy Read survey."""
        return easy_read if self.easy_read else standard

    def _required_message(self, question, default):
        return question.error_message or default

    def _text(self, question, max_length, kind="text"):
        value = self.first(question.key).replace("\r\n", "\n").strip()
        if "\x00" in value:
            self._error(
                question.key,
                self.say(
                    _("Remove the unusual characters from your answer"),
                    _("Please take out the unusual letters or signs"),
                ),
            )
            return None
        if not value:
            if question.required:
                self._error(
                    question.key,
                    self._required_message(
                        question,
                        self.say(
                            _("Enter your answer to: %(label)s") % {"label": question.label},
                            _("Please write your answer"),
                        ),
                    ),
                )
            return None
        if len(value) > max_length:
            self._error(question.key, self._too_long(max_length))
            return None
        return value

    def _too_long(self, max_length):
        return self.say(
            _("Your answer must be %(max)s characters or fewer"),
            _("Your answer is too long. Please use %(max)s letters or fewer"),
        ) % {"max": max_length}

    def _clean_short_text(self, question):
        value = self._text(question, d.SHORT_TEXT_MAX)
        if value is not None:
            self.cleaned[question.key] = value

    def _clean_long_text(self, question):
        value = self._text(question, question.max_characters or MAX_INPUT)
        if value is not None:
            self.cleaned[question.key] = value

    def _clean_email(self, question):
        value = self._text(question, 254)
        if value is None:
            return
        try:
            validate_email(value)
        except ValidationError:
            self._error(
                question.key,
                self.say(
                    _("Enter an email address in the correct format, like name@example.com"),
                    _("Please write your email address like this: name@example.com"),
                ),
            )
            return
        self.cleaned[question.key] = value

    def _clean_postcode(self, question):
        value = self._text(question, 12)
        if value is None:
            return
        postcode = normalise_postcode(value)
        if not POSTCODE_RE.match(postcode):
            self._error(
                question.key,
                self.say(
                    _("Enter a real postcode, like LE3 8RA"),
                    _("Please write a real postcode, like LE3 8RA"),
                ),
            )
            return
        self.cleaned[question.key] = postcode

    def _clean_number(self, question):
        value = self.first(question.key).strip().replace(",", "")
        if not value:
            if question.required:
                self._error(
                    question.key,
                    self._required_message(
                        question,
                        self.say(
                            _("Enter a number for: %(label)s") % {"label": question.label},
                            _("Please write a number"),
                        ),
                    ),
                )
            return
        if not re.fullmatch(r"-?[0-9]{1,12}", value):
            self._error(
                question.key,
                self.say(
                    _("Enter a whole number, like 12"), _("Please write a whole number, like 12")
                ),
            )
            return
        number = int(value)
        if question.min_value is not None and number < question.min_value:
            self._error(
                question.key,
                self.say(
                    _("Enter a number that is %(min)s or more"),
                    _("Please write a number that is %(min)s or more"),
                )
                % {"min": question.min_value},
            )
            return
        if question.max_value is not None and number > question.max_value:
            self._error(
                question.key,
                self.say(
                    _("Enter a number that is %(max)s or less"),
                    _("Please write a number that is %(max)s or less"),
                )
                % {"max": question.max_value},
            )
            return
        self.cleaned[question.key] = number

    def _clean_date(self, question):
        parts = [self.first(f"{question.key}__{part}").strip() for part in ("day", "month", "year")]
        if not any(parts):
            if question.required:
                self._error(
                    question.key,
                    self._required_message(
                        question,
                        self.say(
                            _("Enter a date for: %(label)s") % {"label": question.label},
                            _("Please write a date"),
                        ),
                    ),
                )
            return
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1000:
                raise ValueError
            self.cleaned[question.key] = datetime.date(year, month, day)
        except ValueError:
            self._error(
                question.key,
                self.say(
                    _("Enter a real date with a day, month and year, like 27 3 2024"),
                    _("Please write a real date, like 27 3 2024"),
                ),
            )

    def _clean_choice(self, question, select_message):
        value = self.first(question.key)
        if not value:
            if question.required:
                self._error(question.key, self._required_message(question, select_message))
            return
        if value not in question.option_codes():
            self._error(question.key, self._not_an_option())
            return
        self.cleaned[question.key] = value
        if value == d.OTHER_CODE and question.allow_other:
            self._clean_other(question)

    def _not_an_option(self):
        return self.say(
            _("Select one of the options given"), _("Please choose one of the answers here")
        )

    def _clean_other(self, question):
        name = f"{question.key}__other"
        text = self.first(name).strip()
        if not text:
            self._error(
                name,
                self.say(_("Enter what your other answer is"), _("Please write your other answer")),
            )
        elif len(text) > d.OTHER_TEXT_MAX or "\x00" in text:
            self._error(name, self._too_long(d.OTHER_TEXT_MAX))
        else:
            self.other_text[question.key] = text

    def _select_message(self, question):
        return self.say(
            _("Select an answer for: %(label)s") % {"label": question.label},
            _("Please choose one answer"),
        )

    def _clean_single_choice(self, question):
        self._clean_choice(question, self._select_message(question))

    _clean_yes_no = _clean_single_choice
    _clean_agreement = _clean_single_choice

    def _clean_dropdown(self, question):
        self._clean_choice(question, self._select_message(question))

    def _clean_area(self, question):
        self._clean_choice(question, self.say(_("Select an area"), _("Please choose a place")))

    def _clean_multiple_choice(self, question):
        values = self.raw.get(question.key) or []
        values = [v for v in values if v]
        if not values:
            if question.required:
                self._error(
                    question.key,
                    self._required_message(
                        question,
                        self.say(
                            _("Select at least one answer for: %(label)s")
                            % {"label": question.label},
                            _("Please choose at least one answer"),
                        ),
                    ),
                )
            return
        codes = question.option_codes()
        if any(v not in codes for v in values) or len(set(values)) != len(values):
            self._error(
                question.key,
                self.say(
                    _("Select only the options given"), _("Please choose only the answers here")
                ),
            )
            return
        if question.max_choices and len(values) > question.max_choices:
            self._error(
                question.key,
                self.say(
                    _("Select no more than %(max)s answers"),
                    _("Please choose %(max)s answers or fewer"),
                )
                % {"max": question.max_choices},
            )
            return
        self.cleaned[question.key] = [code for code in codes if code in values]
        if d.OTHER_CODE in values and question.allow_other:
            self._clean_other(question)

    def _clean_grid(self, question):
        answers = {}
        codes = [o.code for o in question.options]
        for statement in question.statements:
            name = f"{question.key}__{statement.code}"
            value = self.first(name)
            if not value:
                if question.required:
                    self._error(
                        name,
                        question.error_message
                        or self.say(
                            _("Select an answer for: %(statement)s"),
                            _("Please choose one answer for: %(statement)s"),
                        )
                        % {"statement": statement.label},
                    )
                continue
            if value not in codes:
                self._error(name, self._not_an_option())
                continue
            answers[statement.code] = value
        if answers and not any(
            f"{question.key}__{s.code}" in self.errors for s in question.statements
        ):
            self.cleaned[question.key] = answers

    def _clean_ranking(self, question):
        ranks = {}
        count = len(question.options)
        first_name = f"{question.key}__{question.options[0].code}" if question.options else ""
        for option in question.options:
            value = self.first(f"{question.key}__{option.code}").strip()
            if not value:
                continue
            if not value.isdigit() or not 1 <= int(value) <= count:
                self._error(
                    first_name,
                    self.say(
                        _("Choose a number from the list for each item"),
                        _("Please choose a number from the list for each one"),
                    ),
                )
                return
            ranks[option.code] = int(value)
        if question.required and len(ranks) < count:
            self._error(
                first_name,
                self._required_message(
                    question,
                    self.say(
                        _("Give every item a number for: %(label)s") % {"label": question.label},
                        _("Please give each one a number"),
                    ),
                ),
            )
            return
        if len(set(ranks.values())) != len(ranks):
            self._error(
                first_name,
                self.say(
                    _("Give each item a different number"),
                    _("Please give each one a different number"),
                ),
            )
            return
        if ranks:
            self.cleaned[question.key] = ranks

    def _clean_consent(self, question):
        value = self.first(question.key)
        if value == "yes":
            self.cleaned[question.key] = True
        elif value:
            self._error(question.key, self._not_an_option())
        elif question.required:
            self._error(
                question.key,
                self._required_message(
                    question,
                    self.say(
                        _("Tick the box to give your consent"),
                        _("Please tick the box if you agree"),
                    ),
                ),
            )

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

    def _other_label(self):
        return self.say(_("Other"), _("Something else"))

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
            items.append(self._display_question(question, errors, nested))
        return items

    def _display_question(self, question, errors, nested):
        key = question.key
        values = self.raw.get(key) or []
        item = {
            "question": question,
            "type": question.type,
            "name": key,
            "id": field_id(key),
            "label": question.label,
            "hint": question.hint,
            "value": values[0] if values else "",
            "error": errors.get(key, ""),
            "required": question.required,
        }
        if question.type in {
            d.SINGLE_CHOICE,
            d.MULTIPLE_CHOICE,
            d.DROPDOWN,
            d.AGREEMENT,
            d.YES_NO,
            d.AREA,
        }:
            option_items = []
            pairs = [(o.code, o.label, o.picture) for o in question.options]
            if question.allow_other and question.type in d.OTHER_TYPES:
                pairs.append((d.OTHER_CODE, question.other_label or self._other_label(), None))
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
                    option["conditional"].append(self._display_question(child, errors, nested))
                if code == d.OTHER_CODE:
                    other_name = f"{key}__other"
                    option["other"] = {
                        "name": other_name,
                        "id": field_id(other_name),
                        "value": self.first(other_name),
                        "error": errors.get(other_name, ""),
                        "label": self.say(_("Please specify"), _("Please tell us what")),
                    }
                option["has_conditional"] = bool(option["conditional"] or option.get("other"))
                option_items.append(option)
            item["options"] = option_items
        elif question.type == d.GRID:
            item["statements"] = []
            for statement in question.statements:
                name = f"{key}__{statement.code}"
                chosen = self.first(name)
                item["statements"].append(
                    {
                        "label": statement.label,
                        "picture": statement.picture,
                        "name": name,
                        "id": field_id(name),
                        "error": errors.get(name, ""),
                        "options": [
                            {
                                "code": option.code,
                                "label": option.label,
                                "picture": option.picture,
                                "id": field_id(name) if i == 1 else f"{field_id(name)}-{i}",
                                "checked": option.code == chosen,
                            }
                            for i, option in enumerate(question.options, start=1)
                        ],
                    }
                )
        elif question.type == d.RANKING:
            first_name = f"{key}__{question.options[0].code}" if question.options else key
            item["error"] = errors.get(first_name, "")
            item["numbers"] = [str(n) for n in range(1, len(question.options) + 1)]
            item["items"] = [
                {
                    "label": option.label,
                    "picture": option.picture,
                    "name": f"{key}__{option.code}",
                    "id": field_id(f"{key}__{option.code}"),
                    "value": self.first(f"{key}__{option.code}"),
                }
                for option in question.options
            ]
        elif question.type == d.DATE:
            item["parts"] = [
                {
                    "name": f"{key}__{part}",
                    "id": field_id(key) if part == "day" else field_id(f"{key}__{part}"),
                    "label": label,
                    "value": self.first(f"{key}__{part}"),
                    "width": width,
                }
                for part, label, width in (
                    ("day", _("Day"), 2),
                    ("month", _("Month"), 2),
                    ("year", _("Year"), 4),
                )
            ]
        elif question.type == d.CONSENT:
            item["checked"] = item["value"] == "yes"
        return item


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
    if question.type in {d.SINGLE_CHOICE, d.DROPDOWN, d.AGREEMENT, d.YES_NO, d.AREA}:
        line = str(question.option_label(value))
        if value == d.OTHER_CODE and question.key in other_text:
            line = f"{line}: {other_text[question.key]}"
        return [line]
    if question.type == d.MULTIPLE_CHOICE:
        lines = []
        for code in value:
            line = str(question.option_label(code))
            if code == d.OTHER_CODE and question.key in other_text:
                line = f"{line}: {other_text[question.key]}"
            lines.append(line)
        return lines
    if question.type == d.GRID:
        labels = {s.code: s.label for s in question.statements}
        return [
            f"{labels.get(code, code)}: {question.option_label(answer)}"
            for code, answer in value.items()
        ]
    if question.type == d.RANKING:
        labels = {o.code: o.label for o in question.options}
        return [
            f"{rank}. {labels.get(code, code)}"
            for code, rank in sorted(value.items(), key=lambda item: item[1])
        ]
    if question.type == d.DATE:
        return [f"{value.day} {_month_name(value.month)} {value.year}"]
    if question.type == d.CONSENT:
        return [_("Yes, I agree")]
    return [str(value)]


def _month_name(month):
    from django.utils.dates import MONTHS

    return MONTHS[month]
