"""The streamed XLSX: a real workbook openpyxl reads back, sent in pieces as it is written."""

import io
import zipfile

import openpyxl

from workflows.xlsx_stream import ROWS_PER_PIECE, sheet_titles, xlsx_stream


def _book(pieces) -> openpyxl.Workbook:
    data = b"".join(pieces)
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    return openpyxl.load_workbook(io.BytesIO(data))


def test_thai_text_numbers_and_blanks_read_back():
    rows = [
        ["ชื่อ", "อายุ", "วันเกิด", "หมายเหตุ"],
        ['สมชาย <ใจดี> & "ลูก"', 42, "6/8/2563", ""],
        ["'=HYPERLINK(1)", 0, None, "  สองช่องว่าง  \nบรรทัดใหม่"],
        ["ตัวควบคุม\x01\x1f", -7, "", "ก"],
    ]
    sheet = _book(xlsx_stream([("", rows)])).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["ชื่อ", "อายุ", "วันเกิด", "หมายเหตุ"],
        ['สมชาย <ใจดี> & "ลูก"', 42, "6/8/2563", None],
        ["'=HYPERLINK(1)", 0, None, "  สองช่องว่าง  \nบรรทัดใหม่"],
        ["ตัวควบคุม", -7, None, "ก"],
    ]


def test_several_sheets_keep_their_titles_and_order():
    book = _book(xlsx_stream([("intake v1", [["a"], [1]]), ("a/b:c", [["b"]]), ("", [])]))
    assert book.sheetnames == ["intake v1", "a-b-c", "Sheet3"]
    assert [c.value for c in book["intake v1"]["A"]] == ["a", 1]
    assert book["Sheet3"].max_row == 1 and book["Sheet3"]["A1"].value is None


def test_titles_are_what_excel_accepts():
    assert sheet_titles(["x" * 40, "x" * 40, "", "[a]"]) == [
        "x" * 31,
        "x" * 27 + " (2)",
        "Sheet3",
        "-a-",
    ]


def test_the_first_piece_leaves_before_the_rows_are_all_read():
    read = []

    def rows():
        for number in range(ROWS_PER_PIECE * 4):
            read.append(number)
            yield [f"แถว {number}", number]

    pieces = xlsx_stream([("", rows())])
    first = next(pieces)
    assert first.startswith(b"PK") and len(read) < ROWS_PER_PIECE * 4
    book = _book([first, *pieces])
    assert book.active.max_row == ROWS_PER_PIECE * 4
    assert book.active.cell(ROWS_PER_PIECE * 4, 1).value == f"แถว {ROWS_PER_PIECE * 4 - 1}"


def test_openpyxl_read_only_reads_it_too():
    """The import reads XLSX in read-only mode: an exported list can be imported again."""
    data = b"".join(xlsx_stream([("", [["ชื่อ", "เลข"], ["มานี", 1]])]))
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert list(book.worksheets[0].iter_rows(values_only=True)) == [("ชื่อ", "เลข"), ("มานี", 1)]
