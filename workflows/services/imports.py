"""Importing a partner's client register: all rows or none, under the partner's lock.

Confirming checks the file again inside the transaction (never the preview's word for it): the
partner's row is locked first, so two imports into one partner run one after the other and the
second finds the first one's clients (and links or leaves them). A person registered elsewhere at
the same moment meets the national-ID constraint, and the whole import is refused.
"""

import concurrent.futures
import datetime as dt
import io
import os
from typing import BinaryIO

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from partners.models import Partner, Role
from partners.selectors import user_has_role
from thai.text import search_text, thai_sort_key
from workflows.imports.clients import (
    NEW,
    UPDATED,
    ImportPlan,
    Problem,
    RowPlan,
    client_import_plan,
)
from workflows.imports.readers import MAX_BYTES, sheet_read
from workflows.models import Client

IMPORT_ROLES = (Role.ADMINISTRATOR, Role.SUPERVISOR)
CLIENTS_IMPORT_ACTION = "workflows.clients.import"
BATCH = 1000
#: What a client import's preview and result count, in this order.
CLIENT_COUNTED = (
    ("new", _("New clients")),
    ("updated", _("Updated")),
    ("linked", _("Linked to a person already registered in the network")),
    ("unchanged", _("Unchanged")),
)


class ImportRefused(Exception):
    """Nothing was written; `plan.problems` says why."""

    def __init__(self, plan: ImportPlan):
        super().__init__("import refused")
        self.plan = plan


def _check_role(user, partner: Partner) -> None:
    if not user_has_role(user, IMPORT_ROLES, partner):
        raise PermissionDenied


def client_import_preview(
    *,
    partner: Partner,
    user,
    data: bytes | BinaryIO,
    name: str,
    progress=None,
    max_bytes: int = MAX_BYTES,
) -> ImportPlan:
    """The dry run: what the file would do. Raises ImportFileError for an unreadable file."""
    _check_role(user, partner)
    sheet = sheet_read(data, name, max_bytes=max_bytes)
    return client_import_plan(partner=partner, sheet=sheet, progress=progress)


def client_import_commit(
    *,
    partner: Partner,
    user,
    data: bytes | BinaryIO,
    name: str,
    progress=None,
    max_bytes: int = MAX_BYTES,
) -> ImportPlan:
    """Write every row or none; ImportRefused (nothing written) when any row has a problem.
    `data` may be an open binary file: it is read as a stream, a chunk of rows at a time.
    `progress(rows_done)` is called after each chunk."""
    _check_role(user, partner)
    sheet = sheet_read(data, name, max_bytes=max_bytes)
    writer = _Writer(partner=partner, user=user)
    try:
        with transaction.atomic(), writer, connection.execute_wrapper(writer.after_copy):
            Partner.objects.select_for_update().get(pk=partner.pk)
            _lookups_by_index()
            plan = client_import_plan(
                partner=partner,
                sheet=sheet,
                write=lambda rows: _write(rows, writer),
                progress=progress,
            )
            writer.finish()
            if plan.problems:
                raise ImportRefused(plan)
            log(
                instance=partner,
                action=CLIENTS_IMPORT_ACTION,
                user=user,
                title=str(partner),
                data={"file": name, "rows": plan.total, **plan.counts},
            )
    except IntegrityError:
        plan = ImportPlan()
        plan.problems.append(
            Problem(
                0,
                "",
                str(
                    _(
                        "Someone registered one of these people at the same moment. Nothing was "
                        "imported: upload the file again."
                    )
                ),
            )
        )
        raise ImportRefused(plan) from None
    return plan


def _lookups_by_index() -> None:
    """Inside the import's transaction the table grows by rows PostgreSQL's statistics do not
    know of yet (a partner's first register fills an almost empty table), so each chunk's
    lookup would read the whole table again: until the transaction ends, use the indexes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(text: str) -> str:
    """Text as COPY reads it. Looking for the four characters is much cheaper than translating
    Thai text that has none of them."""
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.translate(_COPY_ESCAPES)
    return text


_FIELDS = [f for f in Client._meta.concrete_fields if not f.primary_key]
_DEFAULTS = {f.attname: f.get_default() for f in _FIELDS}
_DEFAULTS["photo"] = ""


def _copy_cell(value) -> str:
    if value.__class__ is str:
        return _copy_text(value)
    if value is None:
        return "\\N"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).translate(_COPY_ESCAPES)


def _uuid_hex() -> str:
    """A version-4 UUID as PostgreSQL reads it (uuid.uuid4() costs more than the row's checks)."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40
    raw[8] = raw[8] & 0x3F | 0x80
    return raw.hex()


class _Writer:
    """What every new row of one import shares: the partner, the user, the moment, and (for
    COPY) every column's text but the few a row gives.

    On PostgreSQL a chunk's new rows are sent with COPY from a thread, while this one reads and
    checks the next chunk: the database writes the rows and their indexes on its own core
    meanwhile. A connection runs one statement at a time (and psycopg2 does not guard a COPY),
    so every other query of the import waits for the COPY to end (`after_copy`, a Django
    execute wrapper); `finish()` waits for the last one and raises its error. Used as a context
    manager, so the thread never outlives the transaction."""

    def __init__(self, *, partner: Partner, user):
        self.pool = None
        self.sending = None
        self.partner, self.user = partner, user
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.fixed = {
            "registered_by_id": partner.pk,
            "created_by_id": user.pk,
            "created_at": self.now,
            "updated_at": self.now,
        }
        template = {**_DEFAULTS, **self.fixed}
        self.line = [_copy_cell(template[name]) for name in _NAMES]

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pool is not None:
            concurrent.futures.wait([self.sending] if self.sending else [])
            self.pool.shutdown()
            self.pool = self.sending = None

    def copy(self, lines: list[str]) -> None:
        self.finish()
        if not lines:
            return
        if self.pool is None:
            self.pool = concurrent.futures.ThreadPoolExecutor(1, "client-import-copy")
        data = "".join(lines).encode()
        cursor = connection.connection.cursor()  # the open transaction's own connection
        self.sending = self.pool.submit(_copy_send, cursor, _copy_sql(), data)

    def after_copy(self, execute, sql, params, many, context):
        self.finish()
        return execute(sql, params, many, context)

    def finish(self) -> None:
        if self.sending is not None:
            sending, self.sending = self.sending, None
            with connection.wrap_database_errors:
                sending.result()

    def new_fields(self, values: dict) -> dict:
        fields = {**_DEFAULTS, **values, **self.fixed}
        fields["uuid"] = _uuid_hex()
        if fields["estimated_age"] is not None:
            fields["estimated_on"] = self.today
        fields["sort_key"], fields["search_text"] = _derived(values)
        return fields

    def copy_line(self, values: dict) -> str:
        """The row as a line of COPY text (values hold only what is not blank)."""
        cells = self.line.copy()
        for name, value in values.items():
            cells[_POSITION[name]] = _copy_cell(value)
        cells[_POSITION["uuid"]] = _uuid_hex()
        if "estimated_age" in values:
            cells[_POSITION["estimated_on"]] = self.today.isoformat()
        sort_key, search = _derived(values)
        cells[_POSITION["sort_key"]] = _copy_text(sort_key)
        cells[_POSITION["search_text"]] = _copy_text(search)
        return "\t".join(cells) + "\n"


_NAMES = [f.attname for f in _FIELDS]
_POSITION = {name: index for index, name in enumerate(_NAMES)}


def _derived(values: dict) -> tuple[str, str]:
    """Client.derive()'s sort key and search text, from a new row's values."""
    get = values.get
    first, last, english = get("first_name", ""), get("last_name", ""), get("name_en", "")
    sort_key = thai_sort_key(f"{first} {last} {english}")[:700]
    parts = (first, last, english, get("aliases"), get("national_id"), get("document_number"))
    return sort_key, search_text(*parts)


def _write(rows: list[RowPlan], writer: _Writer) -> None:
    """One chunk: changed clients saved, new ones written together."""
    new = []
    for row in rows:
        if row.action == NEW:
            new.append(row.values)
        elif row.action == UPDATED:
            client = row.client
            if "estimated_age" in row.changed:
                client.estimated_on = writer.today if client.estimated_age is not None else None
            client.save(update_fields=[*row.changed, "estimated_on", "updated_at"])
    if connection.vendor == "postgresql":
        writer.copy([writer.copy_line(values) for values in new])
    else:
        new_clients = [Client(**writer.new_fields(values)) for values in new]
        Client.objects.bulk_create(new_clients, batch_size=BATCH)


def _copy_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in _FIELDS)
    return f"COPY {quote(Client._meta.db_table)} ({columns}) FROM STDIN"


def _copy_send(cursor, sql: str, data: bytes) -> None:
    """New clients through PostgreSQL's COPY: the same rows bulk_create would write, many times
    faster. The whole chunk is handed over in one read, so the thread rarely needs the GIL."""
    with cursor:
        cursor.copy_expert(sql, io.BytesIO(data), size=len(data))
