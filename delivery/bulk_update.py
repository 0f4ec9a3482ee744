"""A bulk update of a plan's actions from a CSV file.

Each row of the file is one progress update of one action, as an editor
would add it on the action's page: the action (its reference, such as 1.3,
or the last part of its web address), the date, and a new status, a note
and/or a figure for one of the action's measures. ``read_file`` checks the
whole file and says what each row changes and what is wrong with each bad
row; ``apply`` saves a checked file: every action it names gets a new
revision with its new progress updates, published through Wagtail's own
publishing (so whatever listens for a page being published, such as the
frontend cache, hears of it), all in one transaction, with one entry in
Wagtail's log for the whole file.

The words here are the admin's, in English like the rest of the admin.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import ActionPage, Measure, ProgressUpdate
from .status import Status

LOG_ACTION = "delivery.bulk_update"
MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
COLUMNS = ["action", "date", "status", "note", "measure", "value"]
REQUIRED_COLUMNS = {"action", "date"}
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
# A figure must fit the progress update's field: 12 digits, 2 decimals.
MAX_FIGURE = Decimal("999999999999.99")


@dataclass
class Change:
    """One good row: the progress update it adds to an action."""

    line: int
    action: ActionPage
    date: datetime.date
    status: str = ""
    note: str = ""
    measure: Measure | None = None
    value: Decimal | None = None

    @property
    def status_before(self):
        return Status(self.action.status).label

    @property
    def status_after(self):
        return Status(self.status).label if self.status else ""

    @property
    def figure(self):
        return self.measure.figure(self.value) if self.measure is not None else ""


@dataclass
class Problem:
    """A bad row (or, with no line, a problem with the whole file)."""

    line: int | None
    message: str


@dataclass
class Checked:
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def valid(self):
        return bool(self.changes) and not self.problems


def decode(data):
    """The file's text, or None if it is not UTF-8 (with or without the mark
    Excel puts at the start of its 'CSV UTF-8' files)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def parse_date(text):
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def parse_figure(text):
    cleaned = text.replace(",", "").replace("£", "").replace(" ", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) > MAX_FIGURE:
        return None
    return value.quantize(Decimal("0.01")) if value == value.quantize(Decimal("0.01")) else None


STATUS_WORDS = {}
for status in Status:
    STATUS_WORDS[status.value] = status.value
    STATUS_WORDS[str(status.label).lower()] = status.value
    STATUS_WORDS[status.value.replace("_", " ")] = status.value


def status_from(text):
    return STATUS_WORDS.get(" ".join(text.lower().split()))


class Plan:
    """The plan's actions and measures, found once for the whole file."""

    def __init__(self, plan, user):
        self.plan = plan
        self.user = user
        self.actions = list(
            ActionPage.objects.descendant_of(plan)
            .filter(locale_id=plan.locale_id)
            .defer_streamfields()
            .prefetch_related("measure_links__measure")
            .order_by("path")
        )
        self.by_reference = {}
        self.by_slug = {}
        for action in self.actions:
            if action.reference:
                self.by_reference.setdefault(action.reference.strip().lower(), []).append(action)
            self.by_slug.setdefault(action.slug.lower(), []).append(action)

    def find(self, text):
        """The action a row names, or the reason none is found."""
        key = text.strip().lower()
        found = self.by_reference.get(key) or self.by_slug.get(key) or []
        if not key:
            return None, "No action: give the action's reference (such as 1.3) or its slug."
        if not found:
            return None, (
                f"Unknown action '{text.strip()}': no action of this plan has this reference "
                "or slug."
            )
        if len(found) > 1:
            return None, f"'{text.strip()}' names more than one action: use its slug instead."
        return found[0], ""


def read_file(plan, user, data, today=None):
    """Check an uploaded file (bytes) against the plan: a ``Checked`` with a
    change for each good row and a problem for each bad one."""
    today = today or timezone.localdate()
    checked = Checked()
    if len(data) > MAX_BYTES:
        checked.problems.append(Problem(None, "The file is larger than 1 MB: split it in two."))
        return checked
    text = decode(data)
    if text is None:
        checked.problems.append(
            Problem(
                None,
                "The file is not in UTF-8: in your spreadsheet, save it as 'CSV UTF-8 (comma "
                "delimited)' and upload it again.",
            )
        )
        return checked
    if "\x00" in text:
        checked.problems.append(Problem(None, "This is not a CSV file."))
        return checked
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as error:
        checked.problems.append(Problem(reader.line_num, f"The file cannot be read: {error}."))
        return checked
    rows = [
        (number, row) for number, row in enumerate(rows, start=1) if any(c.strip() for c in row)
    ]
    if not rows:
        checked.problems.append(Problem(None, "The file is empty."))
        return checked
    header_line, header = rows[0]
    names = [name.strip().lower() for name in header]
    missing = REQUIRED_COLUMNS - set(names)
    if missing:
        checked.problems.append(
            Problem(
                header_line,
                "The first row must name the columns: "
                + ", ".join(COLUMNS)
                + f" (missing: {', '.join(sorted(missing))}).",
            )
        )
        return checked
    if len(rows) - 1 > MAX_ROWS:
        checked.problems.append(Problem(None, f"The file has more than {MAX_ROWS} rows: split it."))
        return checked
    plan_actions = Plan(plan, user)
    seen = {}
    for line, row in rows[1:]:
        values = {
            name: (row[i].strip() if i < len(row) else "")
            for i, name in enumerate(names)
            if name in COLUMNS
        }
        change, problems = check_row(plan_actions, line, values, seen, today)
        if problems:
            checked.problems.extend(Problem(line, message) for message in problems)
        else:
            checked.changes.append(change)
            seen[change.action.pk] = line
    if not checked.changes and not checked.problems:
        checked.problems.append(Problem(None, "The file has no rows below its first."))
    return checked


def measure_names(measures):
    if not measures:
        return "none"
    return f"{len(measures)} ({', '.join(m.slug for m in measures)})"


def check_row(plan_actions, line, values, seen, today):
    problems = []
    action, why = plan_actions.find(values.get("action", ""))
    if action is None:
        problems.append(why)
    else:
        if action.pk in seen:
            problems.append(
                f"'{action.title}' is already on row {seen[action.pk]}: give each action one row."
            )
        if not action.permissions_for_user(plan_actions.user).can_publish():
            problems.append(f"You may not publish '{action.title}'.")
        if action.has_unpublished_changes:
            problems.append(
                f"'{action.title}' has changes that are not published yet: publish or discard "
                "them on its page first."
            )
        if action.locked:
            problems.append(f"'{action.title}' is locked.")
    date_text = values.get("date", "")
    date = parse_date(date_text)
    if not date_text:
        problems.append("No date: give the date of the update, such as 2015-03-31.")
    elif date is None:
        problems.append(f"'{date_text}' is not a date: write it as 2015-03-31 or 31/03/2015.")
    elif date > today:
        problems.append(f"The date {date:%d/%m/%Y} is in the future.")
    status_text = values.get("status", "")
    status = ""
    if status_text:
        status = status_from(status_text)
        if status is None:
            problems.append(
                f"Unknown status '{status_text}': use one of "
                + ", ".join(str(s.label) for s in Status)
                + "."
            )
    note = values.get("note", "")
    measure, value = None, None
    measure_text, value_text = values.get("measure", ""), values.get("value", "")
    if value_text:
        value = parse_figure(value_text)
        if value is None:
            problems.append(f"The value '{value_text}' is not a number.")
    if action is not None and (measure_text or value_text):
        measures = [link.measure for link in action.measure_links.all()]
        if measure_text:
            measure = next((m for m in measures if m.slug == measure_text.lower()), None)
            if measure is None:
                problems.append(
                    f"'{measure_text}' is not one of the measures of '{action.title}': "
                    f"{measure_names(measures)}."
                )
        elif len(measures) == 1:
            measure = measures[0]
        else:
            problems.append(
                f"Say which measure the value is for: '{action.title}' has "
                f"{measure_names(measures)}."
            )
        if measure_text and not value_text:
            problems.append("A measure is named but no value is given.")
    if not (status_text or note or value_text or measure_text):
        problems.append("Nothing to change: give a status, a note or a value.")
    if problems:
        return None, problems
    return Change(line, action, date, status or "", note, measure, value), []


@transaction.atomic
def apply(plan, user, checked, file_name):
    """Save every change of a checked file, each action published as a new
    revision, and log the whole upload once. Returns the number of rows."""
    for change in checked.changes:
        action = ActionPage.objects.select_for_update().get(pk=change.action.pk)
        count = action.updates.count()
        action.updates.add(
            ProgressUpdate(
                sort_order=count,
                locale_id=action.locale_id,
                date=change.date,
                status=change.status,
                text=change.note,
                measure=change.measure,
                value=change.value,
            )
        )
        revision = action.save_revision(user=user, log_action=False)
        revision.publish(user=user, log_action=False)
    log(
        instance=plan,
        action=LOG_ACTION,
        user=user,
        data={"file": file_name, "rows": len(checked.changes)},
    )
    return len(checked.changes)
