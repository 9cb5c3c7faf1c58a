"""Reading an uploaded register: XLSX (first sheet), CSV (UTF-8 with or without BOM, TIS-620 /
Windows-874 as old Thai Excel saves it) or JSON (a list of objects). Rows are read one at a time,
with the row number a person sees in their spreadsheet."""

import codecs
import csv
import io
import itertools
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

MAX_BYTES = 20 * 1024 * 1024
FORMATS = ("xlsx", "csv", "json")


class ImportFileError(Exception):
    """The file cannot be read at all; the message is for the user."""


@dataclass
class Sheet:
    headers: list[str]
    rows: Iterator[tuple[int, list]]  # (row number as the user sees it, cells)
    max_row: int | None = None  # an XLSX's recorded last row, when it says


def file_format(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in FORMATS:
        raise ImportFileError(_("Upload an Excel (.xlsx), CSV (.csv) or JSON (.json) file."))
    return suffix


def sheet_read(data: bytes | BinaryIO, name: str, *, max_bytes: int = MAX_BYTES) -> Sheet:
    """The sheet of an uploaded file (bytes, or an open binary file read as a stream)."""
    file = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    file.seek(0, io.SEEK_END)
    if file.tell() > max_bytes:
        raise ImportFileError(
            _("The file is larger than %(size)s MB: split it into several files.")
            % {"size": max_bytes // (1024 * 1024)}
        )
    file.seek(0)
    reader = {"xlsx": _xlsx, "csv": _csv, "json": _json}[file_format(name)]
    return reader(file)


def _numbered(rows, first: int) -> Iterator[tuple[int, list]]:
    for number, cells in enumerate(rows, first):
        if any(cell not in (None, "") for cell in cells):
            yield number, list(cells)


def _numbered_text(rows, first: int) -> Iterator[tuple[int, list]]:
    """A CSV's rows: lists of text already, blank when every cell is empty."""
    for number, cells in enumerate(rows, first):
        if any(cells):
            yield number, cells


def _xlsx(file: BinaryIO) -> Sheet:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(_("This is not an Excel (.xlsx) file that can be read.")) from error
    worksheet = book.worksheets[0]
    rows = worksheet.iter_rows(values_only=True)
    headers = [str(cell or "") for cell in next(rows, ())]
    return Sheet(headers, _numbered(rows, 2), worksheet.max_row)


BLOCK = 1024 * 1024


def _encoding(file: BinaryIO) -> str:
    """UTF-8 (a BOM is dropped), else the Thai Windows code page (a superset of TIS-620). The
    file is read through once, a block at a time, and left at its start."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while block := file.read(BLOCK):
            decoder.decode(block)
        decoder.decode(b"", final=True)
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        file.seek(0)
        decoder = codecs.getincrementaldecoder("cp874")()
        try:
            while block := file.read(BLOCK):
                decoder.decode(block)
        except UnicodeDecodeError:
            raise ImportFileError(
                _("The file's characters cannot be read: save it as CSV UTF-8 and upload it again.")
            ) from None
        encoding = "cp874"
    file.seek(0)
    return encoding


def _text(file: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(file, encoding=_encoding(file), newline="")


def _csv(file: BinaryIO) -> Sheet:
    text = _text(file)
    first_line = text.readline()
    delimiter = max(",;\t", key=first_line.count)  # Excel in some locales saves ';'
    rows = csv.reader(itertools.chain([first_line], text), delimiter=delimiter)
    headers = next(rows, [])
    return Sheet(headers, _numbered_text(rows, 2))


def _json(file: BinaryIO) -> Sheet:
    try:
        items = json.load(_text(file))
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("The JSON file cannot be read: %(error)s") % {"error": error}
        ) from None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ImportFileError(_("A JSON file must be a list of objects, one for each row."))
    headers = list(dict.fromkeys(key for item in items for key in item))
    rows = ([item.get(header) for header in headers] for item in items)
    return Sheet(headers, _numbered(rows, 1))


def sheet_row_count(data: BinaryIO, name: str, *, max_bytes: int = MAX_BYTES) -> int:
    """How many rows the file holds (a quick pass before the real one, for a progress bar):
    an XLSX's recorded dimension when it has one, else the rows read (a CSV's reader closes
    the file when it is done)."""
    sheet = sheet_read(data, name, max_bytes=max_bytes)
    return sheet.max_row - 1 if sheet.max_row else sum(1 for _row in sheet.rows)
