"""Importing a partner's client register: all rows or none, under the partner's lock.

Confirming checks the file again inside the transaction (never the preview's word for it): the
partner's row is locked first, so two imports into one partner run one after the other and the
second finds the first one's clients (and links or leaves them). A person registered elsewhere at
the same moment meets the national-ID constraint, and the whole import is refused.
"""

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


class ImportRefused(Exception):
    """Nothing was written; `plan.problems` says why."""

    def __init__(self, plan: ImportPlan):
        super().__init__("import refused")
        self.plan = plan


def _check_role(user, partner: Partner) -> None:
    if not user_has_role(user, IMPORT_ROLES, partner):
        raise PermissionDenied


def client_import_preview(
    *, partner: Partner, user, data: bytes | BinaryIO, name: str
) -> ImportPlan:
    """The dry run: what the file would do. Raises ImportFileError for an unreadable file."""
    _check_role(user, partner)
    return client_import_plan(partner=partner, sheet=sheet_read(data, name))


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
        with transaction.atomic():
            Partner.objects.select_for_update().get(pk=partner.pk)
            plan = client_import_plan(
                partner=partner,
                sheet=sheet,
                write=lambda rows: _write(rows, writer),
                progress=progress,
            )
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


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_FIELDS = [f for f in Client._meta.concrete_fields if not f.primary_key]
_DEFAULTS = {f.attname: f.get_default() for f in _FIELDS}
_DEFAULTS["photo"] = ""


def _copy_cell(value) -> str:
    if value is None:
        return "\\N"
    if value.__class__ is str:
        return value.translate(_COPY_ESCAPES)
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
    """What every new row of one import shares: the partner, the user, the moment."""

    def __init__(self, *, partner: Partner, user):
        self.partner, self.user = partner, user
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.fixed = {
            "registered_by_id": partner.pk,
            "created_by_id": user.pk,
            "created_at": self.now,
            "updated_at": self.now,
        }

    def new_fields(self, values: dict) -> dict:
        fields = {**_DEFAULTS, **values, **self.fixed}
        fields["uuid"] = _uuid_hex()
        if fields["estimated_age"] is not None:
            fields["estimated_on"] = self.today
        fields["sort_key"] = thai_sort_key(
            f"{fields['first_name']} {fields['last_name']} {fields['name_en']}"
        )[:700]
        fields["search_text"] = search_text(
            fields["first_name"],
            fields["last_name"],
            fields["name_en"],
            fields["aliases"],
            fields["national_id"],
            fields["document_number"],
        )
        return fields


def _write(rows: list[RowPlan], writer: _Writer) -> None:
    """One chunk: changed clients saved, new ones written together."""
    new = []
    for row in rows:
        if row.action == NEW:
            new.append(writer.new_fields(row.values))
        elif row.action == UPDATED:
            client = row.client
            if "estimated_age" in row.changed:
                client.estimated_on = writer.today if client.estimated_age is not None else None
            client.save(update_fields=[*row.changed, "estimated_on", "updated_at"])
    if connection.vendor == "postgresql":
        _copy_insert(new)
    else:
        Client.objects.bulk_create([Client(**fields) for fields in new], batch_size=BATCH)


def _copy_insert(new: list[dict]) -> None:
    """New clients through PostgreSQL's COPY: the same rows bulk_create would write, many times
    faster (a register has tens of thousands of rows)."""
    if not new:
        return
    names = [f.attname for f in _FIELDS]
    buffer = io.StringIO()
    buffer.writelines(
        "\t".join([_copy_cell(fields[name]) for name in names]) + "\n" for fields in new
    )
    buffer.seek(0)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in _FIELDS)
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f"COPY {connection.ops.quote_name(Client._meta.db_table)} ({columns}) FROM STDIN",
            buffer,
        )
