"""The downloadable register template: an XLSX with Thai and English headers, dropdowns for the
choice columns (from a hidden sheet of labels) and an instructions sheet in the user's language."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from workflows.imports.columns import Column

ROWS_WITH_DROPDOWNS = 5000


def import_template_xlsx(
    columns: tuple[Column, ...], *, sheet: str | None = None, notes: tuple | None = None
) -> bytes:
    """The client register's template, or with `sheet` and `notes` another register's (its
    choices may be any object with `labels`, e.g. processes read from the database)."""
    name = str(sheet or _("Clients"))
    book = Workbook()
    sheet = book.active
    sheet.title = name
    lists = book.create_sheet("lists")
    lists.sheet_state = "hidden"
    sheet.append([column.header for column in columns])
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(18, len(column.header) + 2)
        sheet.cell(row=1, column=index).font = Font(bold=True)
        labels = [str(label) for label in column.choices.labels] if column.choices else []
        if not labels:
            continue
        for row, label in enumerate(labels, 1):
            lists.cell(row=row, column=index, value=label)
        validation = DataValidation(
            type="list",
            formula1=f"lists!${letter}$1:${letter}${len(labels)}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("Choose from the list"),
            error=", ".join(labels)[:250],  # Excel refuses a longer message
        )
        validation.add(f"{letter}2:{letter}{ROWS_WITH_DROPDOWNS}")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    _instructions(book.create_sheet(_("Instructions")), columns, name, notes)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _instructions(sheet, columns, name: str, notes: tuple | None) -> None:
    sheet.append([_("How to fill in the register")])
    sheet["A1"].font = Font(bold=True, size=14)
    lines = _client_lines() if notes is None else _register_lines(name, notes)
    for line in lines:
        sheet.append([line])
    sheet.append([])
    sheet.append([_("Column"), _("What to write"), _("Choices")])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column in columns:
        choices = ", ".join(str(label) for label in column.choices.labels) if column.choices else ""
        sheet.append([column.header, str(column.help), choices])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 80
    sheet.column_dimensions["C"].width = 50
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _register_lines(name: str, notes: tuple) -> list[str]:
    return [
        _("Fill one row for each record on the sheet “%(sheet)s”; keep the header row.")
        % {"sheet": name},
        _("Headers may be in Thai or in English."),
        *(str(note) for note in notes),
        _("Dates in the Buddhist era: 6/8/2563, 06-08-63 or 6 ส.ค. 2563. Thai digits are fine."),
        _(
            "You will see a preview with every problem before anything is saved; then every row is "
            "saved or none. Importing the same file again changes nothing."
        ),
    ]


def _client_lines() -> tuple:
    return (
        _("Fill one row per person on the sheet “%(sheet)s”; keep the header row.")
        % {"sheet": _("Clients")},
        _(
            "Give each person a national ID or your register's reference number: importing the "
            "same file again then changes nothing."
        ),
        _(
            "A person already registered in the network with the same national ID is linked, not "
            "registered again."
        ),
        _("Dates in the Buddhist era: 6/8/2563, 06-08-63 or 6 ส.ค. 2563. Thai digits are fine."),
        _(
            "You will see a preview with every problem before anything is saved; then every row is "
            "saved or none."
        ),
    )
