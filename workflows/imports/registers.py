"""What every register but the client register shares (cases, planned follow-ups, people): a
row's cells read by column, each problem with its row, the file's own header and a message in
the user's language. These registers are smaller than a client register (each case is written
through the engine's services, about 37 statements), so their rows are read whole (at most
MAX_ROWS) and planned together; the client register streams."""

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from workflows.imports.clients import ImportPlan, Problem
from workflows.imports.columns import Column, columns_match, header_key
from workflows.imports.readers import Sheet
from workflows.imports.values import text_value

NO_COLUMNS = _("No known column headers: start from the template.")
#: Rows checked and imported inside the request; a larger file goes to a task worker
#: (workflows.services.import_runs): 1,000 cases took 33 s on a busy two-core machine.
REQUEST_ROWS = 200
#: Rows in one file, in the background: its rows are held in memory while they are planned
#: (about 1 kB each) and 50,000 cases take about half an hour to write, in one transaction.
MAX_ROWS = 50_000
#: Rows between two progress reports (the report itself is throttled to one a second).
PROGRESS_EVERY = 50


@dataclass
class PlannedRow:
    """What one row will do when confirmed: its action (new, updated, unchanged, linked) and
    what the writer needs."""

    row: int
    action: str
    values: dict = field(default_factory=dict)


@dataclass
class RegisterPlan(ImportPlan):
    """A plan whose total is every row read, with or without a problem (a row with a problem
    is in no count)."""

    rows: int = 0

    @property
    def total(self) -> int:
        return self.rows


@dataclass
class Labels:
    """A column's choices read from the database (processes, steps, outcomes), shaped like a
    TextChoices class for the template's dropdowns."""

    labels: list[str]


class RowCells:
    """Reads one sheet's rows by column key; every problem goes to the plan."""

    def __init__(self, sheet: Sheet, plan: ImportPlan, columns: tuple[Column, ...]):
        self.index, self.unknown = columns_match(sheet.headers, columns)
        self.headers = sheet.headers
        self.plan = plan

    def header(self, key: str | None) -> str:
        return self.headers[self.index[key]] if key in self.index else ""

    def problem(self, row: int, key: str | None, message) -> None:
        self.plan.problems.append(Problem(row, self.header(key), str(message)))

    def raw(self, cells: list, key: str):
        index = self.index.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    def text(self, cells: list, key: str) -> str:
        return text_value(self.raw(cells, key))

    def value(self, row: int, cells: list, key: str, read: Callable):
        """The cell read by `read`, or None with a problem recorded."""
        try:
            return read(self.raw(cells, key))
        except ValidationError as error:
            self.problem(row, key, " ".join(str(m) for m in error.messages))
            return None

    def required(self, row: int, cells: list, key: str, read: Callable = text_value):
        value = self.value(row, cells, key, read)
        if value in ("", None) and not self._already_wrong(row, key):
            self.problem(row, key, _("This column is required."))
        return value

    def _already_wrong(self, row: int, key: str) -> bool:
        header = self.header(key)
        return any(p.row == row and p.column == header for p in self.plan.problems)


def named(items, *names: Callable) -> dict[str, object]:
    """{every way an item may be written: its key, Thai and English names: item}, matched as
    headers are (any case, spaces left out)."""
    found = {}
    for item in items:
        for name in names:
            text = name(item)
            if text:
                found.setdefault(header_key(text), item)
    return found


def sheet_plan(sheet: Sheet, columns: tuple[Column, ...]) -> tuple[RegisterPlan, RowCells | None]:
    """A plan to fill and the reader of its rows; None when no header is known (the plan says
    so)."""
    plan = RegisterPlan()
    cells = RowCells(sheet, plan, columns)
    plan.unknown_headers = cells.unknown
    if not cells.index:
        plan.problems.append(Problem(1, "", str(NO_COLUMNS)))
        return plan, None
    return plan, cells


def rows_read(sheet: Sheet, plan: RegisterPlan) -> list | None:
    """The sheet's rows, or None (with a problem) when there are more than MAX_ROWS."""
    rows = list(itertools.islice(sheet.rows, MAX_ROWS + 1))
    if len(rows) > MAX_ROWS:
        plan.problems.append(
            Problem(
                0,
                "",
                str(
                    _("The file has more than %(rows)s rows: split it into several files.")
                    % {"rows": MAX_ROWS}
                ),
            )
        )
        return None
    plan.rows = len(rows)
    return rows


def rows_counted(rows: list, progress: Callable[[int], None] | None):
    """The rows, reporting how many are done to `progress` (if any) as they are gone through."""
    for done, row in enumerate(rows):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        yield row


def duplicate_check(cells: RowCells, seen: dict, row: int, key: str, value) -> bool:
    """True (with a problem) when an earlier row of the file has the same key."""
    if value in seen:
        cells.problem(row, key, _("The same as row %(row)s of this file.") % {"row": seen[value]})
        return True
    seen[value] = row
    return False


class RowRefused(Exception):
    """A service refused a row while it was written; the message is for the user."""

    def __init__(self, row: int, error: Exception | str):
        messages = getattr(error, "messages", None) or [str(error)]
        self.row, self.message = row, " ".join(str(m) for m in messages)
        super().__init__(self.message)
