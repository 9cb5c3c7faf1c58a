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

from forms_builder.be_dates import date_input_format
from workflows.xlsx_stream import xlsx_stream

FORMATS = ("csv", "xlsx")
CHUNK = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportColumn:
    header: object  # a lazy translation
    value: Callable


def cell_text(value) -> str | int:
    """Dates as the user types them; everything else as text (numbers stay numbers)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value)
        return f"{date_input_format(local.date())} {local:%H:%M}"
    if isinstance(value, dt.date):
        return date_input_format(value)
    if isinstance(value, bool | int):
        return int(value)
    text = str(value)
    # Text a spreadsheet would run as a formula (a name typed as "=HYPERLINK(...)") stays text.
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


def export_rows(objects: Iterable, columns: tuple[ExportColumn, ...]):
    yield [str(column.header) for column in columns]
    for obj in objects:
        yield [cell_text(column.value(obj)) for column in columns]


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
