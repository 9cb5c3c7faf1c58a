"""Importing a partner's client register: all rows or none, under the partner's lock.

Confirming checks the file again inside the transaction (never the preview's word for it): the
partner's row is locked first, so two imports into one partner run one after the other and the
second finds the first one's clients (and links or leaves them). A person registered elsewhere at
the same moment meets the national-ID constraint, and the whole import is refused.
"""

import datetime as dt
import io

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from partners.models import Partner, Role
from partners.selectors import user_has_role
from workflows.imports.clients import NEW, UPDATED, ImportPlan, Problem, client_import_plan
from workflows.imports.readers import sheet_read
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


def client_import_preview(*, partner: Partner, user, data: bytes, name: str) -> ImportPlan:
    """The dry run: what the file would do. Raises ImportFileError for an unreadable file."""
    _check_role(user, partner)
    return client_import_plan(partner=partner, sheet=sheet_read(data, name))


def client_import_commit(*, partner: Partner, user, data: bytes, name: str) -> ImportPlan:
    """Write every row or none; ImportRefused (nothing written) when any row has a problem."""
    _check_role(user, partner)
    sheet = sheet_read(data, name)
    try:
        with transaction.atomic():
            Partner.objects.select_for_update().get(pk=partner.pk)
            plan = client_import_plan(partner=partner, sheet=sheet)
            if plan.problems:
                raise ImportRefused(plan)
            _write(plan, user)
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


def _write(plan: ImportPlan, user) -> None:
    today = timezone.localdate()
    new = []
    for row in plan.rows:
        client = row.client
        if "estimated_age" in row.changed:
            client.estimated_on = today if client.estimated_age is not None else None
        if row.action == NEW:
            client.created_by = user
            client.derive()
            new.append(client)
        elif row.action == UPDATED:
            client.save(update_fields=[*row.changed, "estimated_on", "updated_at"])
    if connection.vendor == "postgresql":
        _copy_insert(new)
    else:
        Client.objects.bulk_create(new, batch_size=BATCH)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_cell(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, FieldFile):
        value = value.name or ""
    elif isinstance(value, dt.date):
        value = value.isoformat()
    return str(value).translate(_COPY_ESCAPES)


def _copy_insert(clients: list[Client]) -> None:
    """New clients through PostgreSQL's COPY: the same rows bulk_create would write, many times
    faster (a register has tens of thousands of rows)."""
    now = timezone.now()
    fields = [f for f in Client._meta.concrete_fields if not f.primary_key]
    buffer = io.StringIO()
    for client in clients:
        client.created_at = client.updated_at = now
        buffer.write("\t".join(_copy_cell(getattr(client, f.attname)) for f in fields))
        buffer.write("\n")
    buffer.seek(0)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f"COPY {connection.ops.quote_name(Client._meta.db_table)} ({columns}) FROM STDIN",
            buffer,
        )
