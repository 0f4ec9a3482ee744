"""Responses as a spreadsheet: one row per response, one column per question
key (per option for multiple choice and ranking, per statement for grids).

Rows are read from the database in chunks and written as they come, so an
export of tens of thousands of responses never holds them all in memory: CSV
streams straight to the browser, Excel goes through openpyxl's write-only
workbook (rows spooled to a temporary file) and is then streamed from disk.
"""

import csv
import datetime
import tempfile

from django.db.models import Exists, OuterRef
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..models.responses import EqualityAnswer
from ..survey import definitions as d
from ..survey.types import registry
from ..survey.types.base import Column, Stored

FIXED_COLUMNS = [
    ("reference", "Reference"),
    ("submitted_at", "Sent (UK time)"),
    ("language", "Language"),
    ("version", "Version"),
    ("respondent_type", "Answering as"),
    ("district", "Area"),
    ("review", "Flagged for review"),
    ("channel", "Channel"),
    ("paper_batch", "Batch"),
    ("paper_serial", "Serial number"),
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500


def survey_columns(survey, equality=False):
    """Every column of the export, in survey order: each question's type says
    which columns it has and what goes in them. (The officers' export of
    responses never asks for the equality columns: those go in a file of
    their own, ``equality_rows``.)"""
    columns = [Column(name, label=label) for name, label in FIXED_COLUMNS]
    for section in survey.sections:
        if section.kind != "main":
            continue
        for question in section.questions:
            columns.extend(registry.type_of(question).export_columns(question))
    if equality:
        for question in d.equality_section().questions:
            columns.append(
                Column(
                    f"equality:{question.key}",
                    question,
                    str(question.label),
                    read=lambda stored: stored.value,
                    source="equality",
                )
            )
    return columns


def stored_answers(response, questions, equality=False):
    """A response's prefetched answers, read back by their types:
    ({question key: Stored}, {equality question key: Stored})."""
    rows = {}
    for answer in response.answers.all():
        rows.setdefault(answer.question_key, []).append(answer)
    answers = {}
    for key, mine in rows.items():
        question = questions.get(key)
        if question is None:
            continue
        value, other_text = registry.type_of(question).from_rows(question, mine)
        themes = [theme.name for answer in mine for theme in answer.themes.all()]
        answers[key] = Stored(value, other_text, themes)
    equality_answers = {}
    if equality:
        for answer in response.equality_answers.all():
            equality_answers[answer.question_key] = Stored(answer.option_code)
    return answers, equality_answers


def fixed_values(response):
    return [
        response.reference,
        timezone.localtime(response.submitted_at).replace(tzinfo=None, microsecond=0),
        response.language,
        response.version,
        response.respondent_type,
        response.district,
        "; ".join(response.review_reasons()),
        response.channel,
        response.paper_batch,
        response.paper_serial,
    ]


def rows(responses, columns, equality=False):
    """Header, then one list of values per response, read in chunks."""
    yield [column.name for column in columns]
    prefetch = ["answers__themes"]
    if equality:
        prefetch.append("equality_answers")
    queryset = responses.order_by("submitted_at", "pk").prefetch_related(*prefetch)
    questions = {
        column.question.key: column.question
        for column in columns
        if column.question is not None and column.source == "answers"
    }
    for response in queryset.iterator(chunk_size=CHUNK):
        answers, equality_answers = stored_answers(response, questions, equality)
        values = fixed_values(response)
        for column in columns[len(FIXED_COLUMNS) :]:
            source = equality_answers if column.source == "equality" else answers
            values.append(column.cell(source.get(column.question.key)))
        yield values


def equality_rows(responses):
    """The equality answers of the responses that gave any, one row each, in a
    random order: no reference, time, area, answer or anything else that could
    match a row with a row of the export of responses, which holds email
    addresses, postcodes and free text."""
    questions = d.equality_section().questions
    yield [f"equality:{question.key}" for question in questions]
    given = (
        responses.filter(Exists(EqualityAnswer.objects.filter(response=OuterRef("pk"))))
        .order_by("?")
        .prefetch_related("equality_answers")
    )
    for response in given.iterator(chunk_size=CHUNK):
        codes = {
            answer.question_key: answer.option_code for answer in response.equality_answers.all()
        }
        yield [codes.get(question.key, "") for question in questions]


def as_text(value):
    """Dates and times as ISO 8601 ("2014-09-01 23:59:00", "2019-03-05")."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def neutralise(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Echo:
    def write(self, value):
        return value


def csv_response(lines_of_values, filename):
    """Rows of values (``rows()``, or any other table) streamed as a CSV file."""
    writer = csv.writer(Echo())

    def lines():
        yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
        for values in lines_of_values:
            yield writer.writerow([neutralise(as_text(value)) for value in values])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def text_cell(sheet, value):
    """A cell that holds exactly what the resident wrote, as text: never run as a
    formula, even when someone edits it later (Excel's quote prefix)."""
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


def xlsx_response(responses, columns, filename, equality=False):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Responses")
    for values in rows(responses, columns, equality):
        sheet.append([text_cell(sheet, v) if isinstance(v, str) else v for v in values])
    key = workbook.create_sheet("Questions")
    key.append(["column", "question", "codes"])
    for column in columns:
        codes = ""
        question = column.question
        if question is not None and question.options:
            codes = "; ".join(f"{o.code} = {o.label}" for o in question.options)
        key.append(
            [text_cell(key, column.name), text_cell(key, column.label), text_cell(key, codes)]
        )
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it when sent)
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
