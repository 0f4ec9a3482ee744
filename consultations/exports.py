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

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from consultations.survey import definitions as d

FIXED_COLUMNS = [
    ("reference", "Reference"),
    ("submitted_at", "Sent (UK time)"),
    ("language", "Language"),
    ("version", "Version"),
    ("respondent_type", "Answering as"),
    ("district", "Area"),
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500
SINGLE_VALUED = {d.SINGLE_CHOICE, d.DROPDOWN, d.AGREEMENT, d.YES_NO, d.AREA}


class Column:
    def __init__(self, name, question=None, label="", read=None):
        self.name = name
        self.question = question
        self.label = label
        self.read = read  # (answers by part, themes by question) -> value


def survey_columns(survey, equality=False):
    """Every column of the export, in survey order."""
    columns = [Column(name, label=label) for name, label in FIXED_COLUMNS]
    for section in survey.sections:
        if section.kind != "main":
            continue
        for question in section.questions:
            columns.extend(question_columns(question))
    if equality:
        for question in d.equality_section().questions:
            columns.append(
                Column(
                    f"equality:{question.key}",
                    question,
                    str(question.label),
                    read=lambda parts, themes, key=question.key: parts["equality"].get(key, ""),
                )
            )
    return columns


def question_columns(question):
    key = question.key
    label = str(question.label)

    if question.type in SINGLE_VALUED:
        columns = [
            Column(key, question, label, read=lambda parts, themes: parts["single"].get(key, ""))
        ]
        if question.allow_other:
            columns.append(other_column(question))
        return columns
    if question.type == d.MULTIPLE_CHOICE:
        columns = [
            Column(
                f"{key}:{code}",
                question,
                f"{label}: {question.option_label(code)}",
                read=lambda parts, themes, code=code: (
                    1 if (key, "", code) in parts["answers"] else ""
                ),
            )
            for code in question.option_codes()
        ]
        if question.allow_other:
            columns.append(other_column(question))
        return columns
    if question.type == d.GRID:
        return [
            Column(
                f"{key}:{statement.code}",
                question,
                f"{label}: {statement.label}",
                read=lambda parts, themes, item=statement.code: parts["grid"].get((key, item), ""),
            )
            for statement in question.statements
        ]
    if question.type == d.RANKING:
        return [
            Column(
                f"{key}:{option.code}",
                question,
                f"{label}: {option.label} (rank)",
                read=lambda parts, themes, code=option.code: value_of(
                    parts["answers"].get((key, "", code))
                ),
            )
            for option in question.options
        ]
    if question.type == d.CONSENT:
        # A ticked consent box is stored with the option code "yes".
        return [
            Column(
                key,
                question,
                label,
                read=lambda parts, themes: "yes" if (key, "", "yes") in parts["answers"] else "",
            )
        ]
    columns = [
        Column(
            key,
            question,
            label,
            read=lambda parts, themes: value_of(parts["answers"].get((key, "", ""))),
        )
    ]
    if question.type in {d.SHORT_TEXT, d.LONG_TEXT}:
        columns.append(
            Column(
                f"{key}:themes",
                question,
                f"{label}: themes",
                read=lambda parts, themes: "; ".join(themes.get(key, [])),
            )
        )
    return columns


def other_column(question):
    key = question.key
    return Column(
        f"{key}:other_text",
        question,
        f"{question.label}: other, please specify",
        read=lambda parts, themes: parts["other"].get(key, ""),
    )


def value_of(answer):
    if answer is None:
        return ""
    if answer.question_type in {d.NUMBER, d.RANKING}:
        return answer.number if answer.number is not None else ""
    if answer.question_type == d.DATE:
        return answer.date
    return answer.text


def response_parts(response, equality=False):
    """A response's prefetched answers, arranged for the column readers."""
    parts = {"answers": {}, "single": {}, "grid": {}, "other": {}, "equality": {}}
    themes = {}
    for answer in response.answers.all():
        parts["answers"][(answer.question_key, answer.item_key, answer.option_code)] = answer
        if answer.question_type in SINGLE_VALUED:
            parts["single"][answer.question_key] = answer.option_code
        elif answer.question_type == d.GRID:
            parts["grid"][(answer.question_key, answer.item_key)] = answer.option_code
        if answer.option_code == d.OTHER_CODE and answer.text:
            parts["other"][answer.question_key] = answer.text
        names = [theme.name for theme in answer.themes.all()]
        if names:
            themes.setdefault(answer.question_key, []).extend(names)
    if equality:
        for answer in response.equality_answers.all():
            parts["equality"][answer.question_key] = answer.option_code
    return parts, themes


def fixed_values(response):
    return [
        response.reference,
        timezone.localtime(response.submitted_at).replace(tzinfo=None, microsecond=0),
        response.language,
        response.version,
        response.respondent_type,
        response.district,
    ]


def rows(responses, columns, equality=False):
    """Header, then one list of values per response, read in chunks."""
    yield [column.name for column in columns]
    prefetch = ["answers__themes"]
    if equality:
        prefetch.append("equality_answers")
    queryset = responses.order_by("submitted_at", "pk").prefetch_related(*prefetch)
    for response in queryset.iterator(chunk_size=CHUNK):
        parts, themes = response_parts(response, equality)
        values = fixed_values(response)
        values.extend(column.read(parts, themes) for column in columns[len(FIXED_COLUMNS) :])
        yield values


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
