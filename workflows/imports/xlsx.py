"""The first sheet of an XLSX read as a stream of rows, with cell values as openpyxl's read-only,
values-only mode gives them (shared and inline strings, numbers as int or float, dates for
numbers in a date format, booleans), several times faster: one expat pass over the sheet's XML,
no cell objects. What it cannot find (a workbook without the usual parts) it leaves to openpyxl.
"""

import datetime as dt
import posixpath
import xml.parsers.expat
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import (
    CALENDAR_MAC_1904,
    CALENDAR_WINDOWS_1900,
    from_excel,
    from_ISO8601,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
BLOCK = 64 * 1024


class NotPlain(Exception):
    """The workbook is not laid out the usual way: let openpyxl read it."""


def _xml(book: zipfile.ZipFile, name: str) -> ElementTree.Element:
    with book.open(name) as part:
        return ElementTree.parse(part).getroot()  # noqa: S314 - the workbook's own small parts


def first_sheet_path(book: zipfile.ZipFile) -> str:
    try:
        workbook = _xml(book, "xl/workbook.xml")
        rels = _xml(book, "xl/_rels/workbook.xml.rels")
    except KeyError:
        raise NotPlain from None
    sheet = workbook.find(f"{{{MAIN}}}sheets/{{{MAIN}}}sheet")
    if sheet is None:
        raise NotPlain
    wanted = sheet.get(f"{{{RELATIONSHIPS}}}id")
    for rel in rels.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship"):
        if rel.get("Id") == wanted:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    raise NotPlain


def epoch(book: zipfile.ZipFile) -> dt.datetime:
    properties = _xml(book, "xl/workbook.xml").find(f"{{{MAIN}}}workbookPr")
    on_1904 = properties is not None and properties.get("date1904") in ("1", "true")
    return CALENDAR_MAC_1904 if on_1904 else CALENDAR_WINDOWS_1900


def date_styles(book: zipfile.ZipFile) -> set[str]:
    """The style numbers (as the `s` attribute writes them) whose number format is a date."""
    try:
        styles = _xml(book, "xl/styles.xml")
    except KeyError:
        return set()
    formats = dict(BUILTIN_FORMATS)
    for fmt in styles.iter(f"{{{MAIN}}}numFmt"):
        formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
    cell_xfs = styles.find(f"{{{MAIN}}}cellXfs")
    found = set()
    for number, xf in enumerate(cell_xfs if cell_xfs is not None else []):
        code = formats.get(int(xf.get("numFmtId", "0")))
        if code and is_date_format(code):
            found.add(str(number))
    return found


def shared_strings(book: zipfile.ZipFile) -> list[str]:
    """Every shared string (rich text runs joined, phonetic hints left out)."""
    try:
        part = book.open("xl/sharedStrings.xml")
    except KeyError:
        return []
    strings, text, phonetic = [], [], 0
    with part:
        for event, element in ElementTree.iterparse(part, ("start", "end")):  # noqa: S314
            tag = element.tag.rpartition("}")[2]
            if tag == "rPh":
                phonetic += 1 if event == "start" else -1
            elif event == "end" and tag == "t" and not phonetic:
                text.append(element.text or "")
            elif event == "end" and tag == "si":
                strings.append("".join(text))
                text.clear()
                element.clear()
    return strings


def _column(reference: str, columns: dict) -> int:
    """0-based column of a cell reference such as "AB12"."""
    letters = reference.rstrip("0123456789")
    index = columns.get(letters)
    if index is None:
        index = 0
        for letter in letters:
            index = index * 26 + ord(letter) - 64
        index = columns[letters] = index - 1
    return index


class SheetParser:
    """expat callbacks that turn <row>/<c> elements into (row number, [values])."""

    def __init__(self, strings: list[str], dates: set[str], start: dt.datetime):
        self.column, self.kind, self.style, self.value = 0, "n", None, None
        self.strings, self.dates, self.epoch = strings, dates, start
        self.columns: dict[str, int] = {}
        self.done: list[tuple[int, list]] = []
        self.dimension: str | None = None
        self.row: list | None = None
        self.number = 0
        self.text: list[str] | None = None
        self.phonetic = 0

    def start(self, name: str, attributes: dict) -> None:
        tag = name.rpartition(" ")[2]
        if tag == "c":
            reference = attributes.get("r")
            self.column = _column(reference, self.columns) if reference else len(self.row)
            self.kind = attributes.get("t", "n")
            self.style = attributes.get("s")
            self.value = None
        elif tag == "v" or (tag == "t" and not self.phonetic):
            self.text = []
        elif tag == "row":
            self.number = int(attributes["r"]) if "r" in attributes else self.number + 1
            self.row = []
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "dimension":
            self.dimension = attributes.get("ref")

    def characters(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def end(self, name: str) -> None:
        tag = name.rpartition(" ")[2]
        if tag == "v":
            self.value = "".join(self.text)
            self.text = None
        elif tag == "t" and self.text is not None:
            self.value = (self.value or "") + "".join(self.text)
            self.text = None
        elif tag == "c":
            value = self._cast(self.value)
            if value is not None:
                row = self.row
                if len(row) <= self.column:
                    row.extend([None] * (self.column + 1 - len(row)))
                row[self.column] = value
        elif tag == "row":
            self.done.append((self.number, self.row))
            self.row = None
        elif tag == "rPh":
            self.phonetic -= 1

    def _cast(self, value):
        if value is None or value == "":
            return None
        kind = self.kind
        if kind == "n":
            number = float(value) if "." in value or "E" in value or "e" in value else int(value)
            if self.style in self.dates:
                try:
                    return from_excel(number, self.epoch)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # inline and formula strings, errors


def sheet_rows(book: zipfile.ZipFile) -> tuple[Iterator[tuple[int, list]], SheetParser]:
    """The first sheet's rows as (row number, values), as they are parsed; the parser knows the
    sheet's recorded dimension once the first row is read."""
    path = first_sheet_path(book)
    parser = SheetParser(shared_strings(book), date_styles(book), epoch(book))
    return _parsed(book, path, parser), parser


def _parsed(book: zipfile.ZipFile, path: str, parser: SheetParser) -> Iterator[tuple[int, list]]:
    expat = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    expat.buffer_text = True
    expat.StartElementHandler = parser.start
    expat.EndElementHandler = parser.end
    expat.CharacterDataHandler = parser.characters
    with book.open(path) as part:
        while block := part.read(BLOCK):
            expat.Parse(block, False)
            if parser.done:
                yield from parser.done
                parser.done.clear()
        expat.Parse(b"", True)
    yield from parser.done
