"""An XLSX written as it is sent: a zip of a few XML parts, built row by row.

openpyxl's write-only workbook keeps memory flat but must finish its file before the first byte
leaves. An XLSX is only a zip, and Python's zipfile writes to a stream it cannot seek (each
member's sizes follow its data), so the sheets' rows are turned into XML and compressed as they
come, and each batch of compressed bytes is handed on at once. Cells are text (inline strings)
or whole numbers, as `workflows.exports.cell_text` leaves them.
"""

import re
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

ROWS_PER_PIECE = 500  # rows compressed before the bytes so far are sent
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # XML 1.0 has no such chars
_NOT_IN_TITLE = re.compile(r"[\[\]:*?/\\]")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    "<sheets>{sheets}</sheets></workbook>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "{sheets}"
    '<Relationship Id="rIdStyles" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
_SHEET = '<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>'
_SHEET_REL = (
    '<Relationship Id="rId{n}" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet{n}.xml"/>'
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_END = "</sheetData></worksheet>"


class _Pipe:
    """A write-only file the zip writes into; what it holds is taken away in pieces. It cannot
    tell or seek, so zipfile writes each member's sizes after its data."""

    def __init__(self):
        self.pieces: list[bytes] = []

    def write(self, data) -> int:
        self.pieces.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.pieces)
        self.pieces.clear()
        return data


def sheet_titles(titles: Iterable[str]) -> list[str]:
    """Titles Excel accepts: no [ ] : * ? / \\, at most 31 characters, each once."""
    found: list[str] = []
    for number, title in enumerate(titles, 1):
        clean = _NOT_IN_TITLE.sub("-", title or "").strip()[:31] or f"Sheet{number}"
        while clean.lower() in (t.lower() for t in found):
            clean = f"{clean[:27]} ({number})"
        found.append(clean)
    return found


def _cell(reference: str, value) -> str:
    if value.__class__ is int or value.__class__ is float:
        return f'<c r="{reference}"><v>{value}</v></c>'
    text = escape(_NOT_IN_XML.sub("", str(value)))
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _row_xml(number: int, row, letters: list[str]) -> str:
    while len(letters) < len(row):
        letters.append(get_column_letter(len(letters) + 1))
    cells = "".join(
        _cell(f"{letters[i]}{number}", value)
        for i, value in enumerate(row)
        if value is not None and value != ""
    )
    return f'<row r="{number}">{cells}</row>'


def xlsx_stream(sheets: Iterable[tuple[str, Iterable[list]]]) -> Iterator[bytes]:
    """The bytes of an XLSX of (title, rows) sheets, a piece at a time: the first piece as soon
    as the first rows are compressed. The sheets' rows are read once, in order."""
    sheets = list(sheets)
    titles = sheet_titles(title for title, _rows in sheets)
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as book:
        count = range(1, len(sheets) + 1)
        book.writestr(
            "[Content_Types].xml",
            _CONTENT_TYPES.format(sheets="".join(_SHEET_TYPE.format(n=n) for n in count)),
        )
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr(
            "xl/workbook.xml",
            _WORKBOOK.format(
                sheets="".join(
                    _SHEET.format(name=escape(title, {'"': "&quot;"}), n=n)
                    for n, title in zip(count, titles, strict=True)
                )
            ),
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            _WORKBOOK_RELS.format(sheets="".join(_SHEET_REL.format(n=n) for n in count)),
        )
        book.writestr("xl/styles.xml", _STYLES)
        for n, (_title, rows) in zip(count, sheets, strict=True):
            yield from _sheet(book, pipe, f"xl/worksheets/sheet{n}.xml", rows)
    yield pipe.take()


def _sheet(book: zipfile.ZipFile, pipe: _Pipe, name: str, rows: Iterable[list]) -> Iterator[bytes]:
    letters: list[str] = []
    with book.open(name, "w") as part:
        part.write(_SHEET_START.encode())
        batch = []
        for number, row in enumerate(rows, 1):
            batch.append(_row_xml(number, row, letters))
            if len(batch) == ROWS_PER_PIECE or number == 2:  # the headers and a first row leave
                part.write("".join(batch).encode())
                batch.clear()
                if piece := pipe.take():
                    yield piece
        part.write(("".join(batch) + _SHEET_END).encode())
