"""Lists going out: what the user sees, with the current filters, as CSV or XLSX.

Headers are in the user's language; dates are typed as the user types them (day/month/BE year in
Thai). CSV streams row by row (UTF-8 with a BOM, so Thai Excel opens it); XLSX is zipped as it is
sent (`workflows.xlsx_stream`). Either way memory does not grow with the list and the first
bytes leave at once. Each column is (header, value of one object).
"""

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language

from forms_builder.be_dates import date_input_format
from workflows.xlsx_stream import xlsx_stream

FORMATS = ("csv", "xlsx")
CHUNK = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportColumn:
    """A column: its header (a lazy translation) and the value of one object. With `label`,
    the value is a key (a choice's stored value, an area code, a partner's id) and
    `label(key)` its text: asked once per export for each key, since a label costs a
    translation lookup (or a query) and an export is written in one language."""

    header: object
    value: Callable
    label: Callable | None = None


def choice_label(model, field_name: str) -> Callable:
    """A choice field's label of a stored value (the value itself when it is no choice)."""
    choices = dict(model._meta.get_field(field_name).flatchoices)
    return lambda value: choices.get(value, value)


def cell_text(value, language: str | None = None) -> str | int:
    """Dates as the user types them; everything else as text (numbers stay numbers)."""
    if value is None:
        return ""
    if value.__class__ is str:
        return f"'{value}" if value[:1] in FORMULA_STARTS else value
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value)
        return f"{date_input_format(local.date(), language)} {local:%H:%M}"
    if isinstance(value, dt.date):
        return date_input_format(value, language)
    if isinstance(value, bool | int):
        return int(value)
    text = str(value)
    # Text a spreadsheet would run as a formula (a name typed as "=HYPERLINK(...)") stays text.
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


def export_rows(objects: Iterable, columns: tuple[ExportColumn, ...]):
    """The header row, then a row of cells per object. The language is read once, and each
    column's labels are kept for the export (a few hundred at most: choices, areas,
    partners), so memory stays flat however long the list."""
    language = get_language()
    yield [str(column.header) for column in columns]
    cells = [_cell(column, language) for column in columns]
    for obj in objects:
        yield [cell(obj) for cell in cells]


def _cell(column: ExportColumn, language: str | None) -> Callable:
    value = column.value
    if column.label is None:
        return lambda obj: cell_text(value(obj), language)
    label, labels = column.label, {}

    def labelled(obj):
        key = value(obj)
        try:
            return labels[key]
        except KeyError:
            text = labels[key] = cell_text(label(key) if key not in (None, "") else "", language)
            return text

    return labelled


class _Echo:
    def write(self, value: str) -> str:
        return value


def export_response(*, rows, file_format: str, filename: str):
    if file_format == "xlsx":
        return _xlsx(rows, filename)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx(rows, filename: str):
    return xlsx_sheets_response(sheets=[("", rows)], filename=filename)


def xlsx_sheets_response(*, sheets, filename: str):
    """An XLSX of (title, rows) sheets, cells as `cell_text` leaves them, streamed as it is
    written (`workflows.xlsx_stream`): the first bytes leave with the first rows."""
    response = StreamingHttpResponse(xlsx_stream(sheets), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.xlsx")
    return response
