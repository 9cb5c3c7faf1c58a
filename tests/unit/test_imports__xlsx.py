"""The fast XLSX reader gives what openpyxl's read-only mode gives, and refuses a damaged file
with a message."""

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from workflows.imports.readers import ImportFileError, _xlsx_openpyxl, sheet_read


def _book(fill) -> bytes:
    book = openpyxl.Workbook()
    fill(book.active)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _trimmed(rows):
    return [
        (n, cells[: max((i + 1 for i, c in enumerate(cells) if c is not None), default=0)])
        for n, cells in rows
    ]


def _same_as_openpyxl(data: bytes):
    fast = sheet_read(data, "r.xlsx")
    slow = _xlsx_openpyxl(io.BytesIO(data))
    fast_rows, slow_rows = list(fast.rows), [(n, list(c)) for n, c in slow.rows]
    assert fast.headers == slow.headers[: len(fast.headers)]
    assert _trimmed(fast_rows) == _trimmed(slow_rows)
    assert fast.max_row == slow.max_row
    return fast.headers, fast_rows


def test_values_rows_and_numbers_are_those_openpyxl_reads():
    def fill(sheet):
        sheet.append(["ชื่อ", "วันเกิด", "อายุ", "ยืนยัน"])
        sheet.append(["สมชาย", dt.date(2020, 8, 6), 42, True])
        sheet.append(["a & <b>", dt.datetime(2020, 8, 6, 10, 30), 1.5, False])
        sheet.append([None, None, None, None])
        sheet.cell(row=6, column=6, value="ไกล")
        sheet.append(["๑๒๓", "6/8/2563", 0, None])

    headers, rows = _same_as_openpyxl(_book(fill))
    assert headers == ["ชื่อ", "วันเกิด", "อายุ", "ยืนยัน"]
    assert rows[0] == (2, ["สมชาย", dt.datetime(2020, 8, 6), 42, True])
    assert [number for number, _cells in rows] == [2, 3, 6, 7]  # numbers as the user sees them


def test_a_sheet_that_starts_lower_down_has_no_header_row():
    headers, rows = _same_as_openpyxl(_book(lambda s: s.cell(row=3, column=2, value="x")))
    assert headers == [] and rows == [(3, [None, "x"])]


def test_a_damaged_sheet_is_refused_with_a_message():
    data = _book(lambda s: s.append(["ชื่อ"]))
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", b"<row><c><v>1</sheetData>")
            target.writestr(item, content)
    with pytest.raises(ImportFileError):
        sheet = sheet_read(damaged.getvalue(), "r.xlsx")
        list(sheet.rows)
