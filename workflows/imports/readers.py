"""Reading an uploaded register: XLSX (first sheet), CSV (UTF-8 with or without BOM, TIS-620 /
Windows-874 as old Thai Excel saves it) or JSON (a list of objects). Rows are read one at a time,
with the row number a person sees in their spreadsheet."""

import codecs
import csv
import io
import itertools
import json
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree import ElementTree
from xml.parsers.expat import ExpatError

from django.utils.translation import gettext_lazy as _

from workflows.imports import xlsx

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


_XLSX_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    ExpatError,
    ElementTree.ParseError,
    KeyError,
    IndexError,
    ValueError,
    EOFError,
)


def _xlsx(file: BinaryIO) -> Sheet:
    """Read with `imports.xlsx` (one expat pass, several times faster than openpyxl), or with
    openpyxl when the workbook is not laid out the usual way."""
    try:
        book = zipfile.ZipFile(file)
        rows, parser = xlsx.sheet_rows(book)
        first = next(rows, None)
    except xlsx.NotPlain:
        file.seek(0)
        return _xlsx_openpyxl(file)
    except (*_XLSX_DAMAGE, OSError) as error:
        raise ImportFileError(_("This is not an Excel (.xlsx) file that can be read.")) from error
    if first is not None and first[0] == 1:
        headers = [text_header(cell) for cell in first[1]]
    else:
        headers = []
        rows = itertools.chain([first] if first else [], rows)
    return Sheet(headers, _xlsx_numbered(rows), _last_row(parser.dimension))


def text_header(cell) -> str:
    return str(cell or "")


def _xlsx_numbered(rows) -> Iterator[tuple[int, list]]:
    try:
        for number, cells in rows:
            if any(cell not in (None, "") for cell in cells):
                yield number, cells
    except _XLSX_DAMAGE as error:
        raise ImportFileError(_("This is not an Excel (.xlsx) file that can be read.")) from error


def _last_row(dimension: str | None) -> int | None:
    digits = (dimension or "").rpartition(":")[2].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ$")
    return int(digits) if digits.isdigit() else None


def _xlsx_openpyxl(file: BinaryIO) -> Sheet:
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
