"""Checking a client register before anything is written: every row's cells read, every problem
found (row, column, message), and what each row would do.

A row is keyed by its valid national ID (anywhere in the network) or by its reference in the
partner's own register (`Client.source_reference`), so importing the same file again changes
nothing. A person another partner registered is linked (left as it is), never duplicated or
changed. A blank cell leaves an existing client's value as it is.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from workflows.imports.columns import AREA_HELP, DATE_HELP, Column, columns_match
from workflows.imports.readers import Sheet
from workflows.imports.values import (
    area_value,
    choice_lookup,
    choice_value,
    date_value,
    integer_value,
    national_id_value,
    text_value,
)
from workflows.models import Client, IdStatus, Sex
from workflows.services.clients import client_fields_problems

CLIENT_COLUMNS = (
    Column(
        "source_reference",
        "เลขที่ในทะเบียนเดิม",
        "Register reference",
        _("The person's number in your own register; needed when there is no national ID."),
    ),
    Column(
        "national_id",
        "เลขประจำตัวประชาชน",
        "National ID",
        _("13 digits; dashes and spaces are fine."),
    ),
    Column(
        "id_status",
        "เอกสารแสดงตน",
        "Identity document",
        _("Thai national ID when a national ID is given."),
        IdStatus,
    ),
    Column("document_number", "เลขที่เอกสาร", "Document number", _("For a foreign document.")),
    Column("first_name", "ชื่อ", "First name", _("At least one name or an alias.")),
    Column("last_name", "นามสกุล", "Last name", _("Optional.")),
    Column("name_en", "ชื่อภาษาอังกฤษ", "Name in English letters", _("Optional.")),
    Column("aliases", "ชื่อเล่นหรือชื่ออื่น", "Aliases", _("Comma-separated.")),
    Column("sex", "เพศ", "Sex", _("Choose from the list."), Sex),
    Column("nationality", "สัญชาติ", "Nationality", _("Optional.")),
    Column("birth_date", "วันเกิด", "Birth date", DATE_HELP),
    Column(
        "estimated_age",
        "อายุโดยประมาณ",
        "Estimated age",
        _("Years, when the birth date is unknown."),
    ),
    Column("province", "จังหวัดที่พบ", "Province found in", AREA_HELP),
    Column("district", "อำเภอที่พบ", "District found in", AREA_HELP),
    Column("subdistrict", "ตำบลที่พบ", "Subdistrict found in", AREA_HELP),
    Column("found_place", "สถานที่พบ", "Found at", _("Where the person was found.")),
)
AREA_KEYS = ("province", "district", "subdistrict")
AREAS_REMEMBERED = 10_000  # the cells' areas read once per file (a few dozen in most registers)
_TEXT_KEYS = (
    "source_reference",
    "document_number",
    "first_name",
    "last_name",
    "name_en",
    "aliases",
    "nationality",
    "found_place",
)
_LOOKUPS = {}


def _choice_reader(choices, extra=None):
    def read(raw):
        if choices not in _LOOKUPS:
            _LOOKUPS[choices] = choice_lookup(choices, extra)
        return choice_value(raw, _LOOKUPS[choices], choices)

    return read


_READERS = {
    "national_id": national_id_value,
    "id_status": _choice_reader(IdStatus, {"บัตรประชาชน": IdStatus.THAI_ID, "ไม่มี": IdStatus.NONE}),
    "sex": _choice_reader(Sex, {"ช": Sex.MALE, "ญ": Sex.FEMALE, "m": Sex.MALE, "f": Sex.FEMALE}),
    "birth_date": date_value,
    "estimated_age": lambda raw: integer_value(raw, minimum=0, maximum=120),
    **dict.fromkeys(_TEXT_KEYS, text_value),
}
NEW, UPDATED, LINKED, UNCHANGED = "new", "updated", "linked", "unchanged"
CHUNK = 2000  # rows read, looked up, checked (and, when confirming, written) at a time


@dataclass
class Problem:
    row: int
    column: str
    message: str


@dataclass
class RowPlan:
    """What one row does. A new row keeps only its values (no model object: a register has
    tens of thousands of rows); an existing one its client, changed in memory."""

    row: int
    action: str
    client: Client | None
    changed: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)


@dataclass
class ImportPlan:
    """Counts, the rows linked to a person registered elsewhere, and every problem. Rows are
    planned a chunk at a time and not kept, so the plan does not grow with the file."""

    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((NEW, UPDATED, LINKED, UNCHANGED), 0)
    )
    linked: list[RowPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unknown_headers: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return self.counts[action]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _message(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


class _RowReader:
    """One row's cells read into client fields; problems carry the file's own header. What each
    column needs (its place, its reader, its length limit) is worked out once per file."""

    def __init__(self, sheet: Sheet, plan: ImportPlan):
        self.index, plan.unknown_headers = columns_match(sheet.headers, CLIENT_COLUMNS)
        self.headers = sheet.headers
        self.plan = plan
        max_length = {f.name: f.max_length for f in Client._meta.fields if f.max_length}
        self.cells = [
            (key, index, _READERS[key], max_length.get(key))
            for key, index in self.index.items()
            if key not in AREA_KEYS
        ]
        self.areas = [self.index.get(key) for key in AREA_KEYS]
        self.area_codes: dict[tuple, str] = {}
        if not any(index is not None for index in self.areas):
            self.areas = None

    def header(self, key: str) -> str:
        return self.headers[self.index[key]] if key in self.index else ""

    def problem(self, row: int, key: str | None, message) -> None:
        self.plan.problems.append(Problem(row, self.header(key) if key else "", str(message)))

    def read(self, number: int, cells: list) -> tuple[dict, set[str]]:
        values, unreadable = {}, set()
        width = len(cells)
        for key, index, reader, limit in self.cells:
            try:
                value = reader(cells[index] if index < width else None)
            except ValidationError as error:
                self.problem(number, key, _message(error))
                unreadable.add(key)
                continue
            if value is None or value == "":
                continue
            if limit is not None and value.__class__ is str and len(value) > limit:
                self.problem(number, key, _("At most %(limit)s characters.") % {"limit": limit})
                unreadable.add(key)
            else:
                values[key] = value
        if self.areas is not None:
            self._area(number, cells, width, values, unreadable)
        if "national_id" in values and not values.get("id_status"):
            values["id_status"] = IdStatus.THAI_ID
        return values, unreadable

    def _area(self, number, cells, width, values, unreadable) -> None:
        raws = tuple(None if i is None or i >= width else cells[i] for i in self.areas)
        code = self.area_codes.get(raws)  # a register names the same few places again and again
        if code is not None:
            if code:
                values["found_area_code"] = code
            return
        try:
            code = area_value(*raws)
            if len(self.area_codes) < AREAS_REMEMBERED:
                self.area_codes[raws] = code
        except ValidationError as error:
            self.problem(number, AREA_KEYS[error.params["level"]], error.message % error.params)
            unreadable.add("found_area_code")
            return
        if code:
            values["found_area_code"] = code


def client_import_plan(
    *,
    partner: Partner,
    sheet: Sheet,
    write: Callable[[list[RowPlan]], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """What importing the sheet into the partner would do, and every problem. Reads only, unless
    `write` is given: it is handed each chunk's rows while no problem has been found (the caller
    runs it all in one transaction and undoes it when a later row has a problem). `progress` is
    told the number of rows done after each chunk."""
    plan = ImportPlan()
    reader = _RowReader(sheet, plan)
    if not reader.index:
        plan.problems.append(
            Problem(1, "", str(_("No known column headers: start from the template.")))
        )
        return plan
    seen: dict[tuple[str, str], int] = {}
    chunks = _chunks_read(sheet, reader, partner)
    ahead = next(chunks, None)
    while ahead is not None:
        read_rows, existing = ahead
        planned = [
            _plan_row(plan, reader, partner, existing, seen, number, values, unreadable)
            for number, values, unreadable in read_rows
        ]
        # The next chunk is read and looked up before this one is written: the writer's COPY
        # of this chunk then runs (in PostgreSQL) while the next one is planned and the one
        # after it read, instead of holding up the next lookup. A key of this chunk met again
        # in the next one is caught by `seen`, not by the lookup.
        ahead = next(chunks, None)
        if write is not None and not plan.problems:
            write(planned)
        if progress is not None:
            progress(plan.total)
    return plan


def _chunks_read(sheet: Sheet, reader: "_RowReader", partner: Partner):
    """Each chunk of rows read (number, values, unreadable keys) with the clients its keys
    name."""
    rows = iter(sheet.rows)
    while chunk := list(itertools.islice(rows, CHUNK)):
        read_rows = [(number, *reader.read(number, cells)) for number, cells in chunk]
        yield read_rows, _existing(partner, read_rows)


def _existing(partner: Partner, read_rows) -> dict[tuple[str, str], Client]:
    ids = sorted({values["national_id"] for _n, values, _u in read_rows if "national_id" in values})
    refs = sorted({v["source_reference"] for _n, v, _u in read_rows if "source_reference" in v})
    found = {}
    # The unique indexes are partial (blank keys left out): PostgreSQL uses them for a long IN
    # list only when the query says the key is not blank itself, else it reads the whole table.
    everywhere = Client.objects.select_related("registered_by").order_by()
    if ids:
        for client in everywhere.filter(_key_in("national_id", ids)):
            found[("national_id", client.national_id)] = client
    if refs:
        here = everywhere.filter(_key_in("source_reference", refs), registered_by=partner)
        for client in here:
            found[("source_reference", client.source_reference)] = client
    return found


def _key_in(name: str, keys: list[str]) -> Q:
    """The key is one of these and not blank. On PostgreSQL the keys go as one array parameter
    (`= ANY`): Django prepares an IN list's thousands of parameters one by one."""
    if connection.vendor != "postgresql":
        return Q(**{f"{name}__in": keys}) & ~Q(**{name: ""})
    quote = connection.ops.quote_name
    column = f"{quote(Client._meta.db_table)}.{quote(Client._meta.get_field(name).column)}"
    sql = f"{column} = ANY(%s) AND {column} <> ''"
    return Q(RawSQL(sql, (keys,), BooleanField()))  # noqa: S611 - names from the model


def _plan_row(plan, reader, partner, existing, seen, number, values, unreadable) -> RowPlan:
    keys = [(key, values[key]) for key in ("national_id", "source_reference") if values.get(key)]
    if not keys and not unreadable & {"national_id", "source_reference"}:
        reader.problem(
            number,
            None,
            _(
                "Give a national ID or a register reference, so that importing the file again "
                "does not register the person twice."
            ),
        )
    for key in keys:
        if key in seen:  # only the key and a row number are kept for every row
            reader.problem(
                number, key[0], _("The same as row %(row)s of this file.") % {"row": seen[key]}
            )
            unreadable.add(key[0])
        seen.setdefault(key, number)
    by_id = existing.get(("national_id", values.get("national_id")))
    by_ref = existing.get(("source_reference", values.get("source_reference")))
    if by_id and by_ref and by_id != by_ref:
        reader.problem(
            number,
            "source_reference",
            _("This reference belongs to another client than the national ID."),
        )
        unreadable.add("source_reference")
    client = by_id or by_ref
    if client is not None and client.registered_by_id != partner.pk:
        row = RowPlan(number, LINKED, client)
        plan.linked.append(row)
    elif client is not None:
        row = _update(number, client, values)
    else:
        row = RowPlan(number, NEW, None, list(values), values)
    if row.client is not None and row.action != LINKED:
        merged = {name: getattr(row.client, name) for name in _CHECKED_FIELDS}
    elif _plainly_complete(values):
        merged = None  # what most rows are: nothing for client_fields_problems to find
    else:
        merged = {name: values.get(name, _DEFAULTS[name]) for name in _CHECKED_FIELDS}
    if merged is not None:
        for name, message in client_fields_problems(merged, unreadable=unreadable):
            reader.problem(number, name if name in reader.index else None, message)
    plan.counts[row.action] += 1
    return row


_CHECKED_FIELDS = (
    "id_status",
    "national_id",
    "document_number",
    "first_name",
    "last_name",
    "name_en",
    "aliases",
)
_DEFAULTS = {name: Client._meta.get_field(name).get_default() for name in _CHECKED_FIELDS}
_NAMES = ("first_name", "last_name", "name_en", "aliases")


def _plainly_complete(values: dict) -> bool:
    """A Thai national ID and a name (a row's values hold only what is not blank)."""
    return (
        values.get("id_status") == IdStatus.THAI_ID
        and "national_id" in values
        and any(name in values for name in _NAMES)
    )


def _update(number: int, client: Client, values: dict) -> RowPlan:
    changed = [name for name, value in values.items() if getattr(client, name) != value]
    for name in changed:
        setattr(client, name, values[name])
    return RowPlan(number, UPDATED if changed else UNCHANGED, client, changed)
