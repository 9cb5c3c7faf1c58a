"""Time importing a client register (`make bench`): our import (full validation, CSV and XLSX),
django-import-export's default `import_data`, and PostgreSQL's COPY, on the same rows.

The rows are made up the way partners' registers look: Thai names, valid national IDs, BE dates
typed dd/mm/yyyy, sex by its Thai label, the area by Thai names. Our import reads the file, checks
every row and writes them all in one transaction. django-import-export's `ModelResource` gets the
same rows with CE ISO dates (its default date widget reads no BE years) and the registering
partner's id as a column; it is run on a sample (`--default-rows`) because it is slow. COPY writes
the already-clean rows straight into the table: the ceiling. Clients of the bench partner are
deleted before each run.
"""

import csv
import datetime as dt
import io
import random
import time
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from partners.models import Partner, PartnerKind, Role, User
from partners.services import membership_grant
from thai.text import search_text, thai_sort_key
from workflows.models import Client
from workflows.services.imports import client_import_commit

PARTNER_CODE = "bench-import"
SUPERVISOR = "bench.importer"
HEADERS = ["เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "จังหวัดที่พบ", "อำเภอที่พบ"]
FIRST = ["สมชาย", "สมหญิง", "บุญมี", "มานี", "ปิติ", "ชูใจ", "วีระ", "สุดา", "ประยูร", "ทองดี"]
LAST = ["ใจดี", "มีสุข", "ทองคำ", "ศรีสุข", "แสงทอง", "บุญเรือง", "พรหมมา", "สายบัว"]


def national_id(number: int) -> str:
    body = f"{1 + number % 8}{number:011d}"
    check = (11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10
    return body + str(check)


def bench_rows(count: int) -> list[list[str]]:
    chance = random.Random(2563)
    rows = []
    for number in range(count):
        born = dt.date(1940, 1, 1) + dt.timedelta(days=chance.randrange(0, 365 * 60))
        rows.append(
            [
                national_id(number + 1),
                f"{chance.choice(FIRST)}{number}",
                chance.choice(LAST),
                chance.choice(("ชาย", "หญิง")),
                f"{born.day}/{born.month}/{born.year + 543}",
                "ชลบุรี",
                "บางละมุง",
            ]
        )
    return rows


def csv_bytes(rows) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return output.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def bench_setup() -> tuple[Partner, User]:
    partner, _ = Partner.objects.get_or_create(
        code=PARTNER_CODE,
        defaults={"name_th": "หน่วยงานทดสอบการนำเข้า", "kind": PartnerKind.MUNICIPALITY},
    )
    user, created = User.objects.get_or_create(username=SUPERVISOR)
    if created:
        membership_grant(user=user, partner=partner, role=Role.SUPERVISOR)
    return partner, user


def clients_forget(partner: Partner) -> None:
    Client.objects.filter(registered_by=partner).delete()


class Command(BaseCommand):
    help = "Time importing a client register: ours, django-import-export's default, COPY."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--default-rows", type=int, default=2_000)

    def handle(self, *args, **options):
        count = options["rows"]
        if count < 1 or options["default_rows"] < 1:
            raise CommandError("--rows and --default-rows must be positive.")
        partner, user = bench_setup()
        rows = bench_rows(count)
        self.stdout.write(f"Database: {connection.vendor}; {count:,} rows.")
        for name, data in (("CSV", csv_bytes(rows)), ("XLSX", xlsx_bytes(rows))):
            clients_forget(partner)
            started = time.perf_counter()
            plan = client_import_commit(
                partner=partner, user=user, data=data, name=f"bench.{name.lower()}"
            )
            self._rate(f"ours, {name}", plan.counts["new"], started)
        sample = rows[: options["default_rows"]]
        clients_forget(partner)
        started = time.perf_counter()
        self._rate("django-import-export import_data, CSV", _import_data(partner, sample), started)
        if connection.vendor == "postgresql":
            clients_forget(partner)
            started = time.perf_counter()
            self._rate("PostgreSQL COPY (clean rows)", _copy(partner, rows), started)
        clients_forget(partner)

    def _rate(self, label: str, written: int, started: float) -> None:
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{label}: {written:,} rows in {seconds:.2f} s = {written / seconds:,.0f} rows/s"
        )


def _import_data(partner: Partner, rows) -> int:
    import tablib
    from import_export import resources

    class ClientResource(resources.ModelResource):
        class Meta:
            model = Client
            fields = ("national_id", "first_name", "last_name", "sex", "birth_date")
            import_id_fields = ("national_id",)

        def before_save_instance(self, instance, row, **kwargs):
            instance.registered_by = partner

    dataset = tablib.Dataset(headers=list(ClientResource.Meta.fields))
    for row in rows:
        day, month, year = (int(part) for part in row[4].split("/"))
        sex = "male" if row[3] == "ชาย" else "female"
        dataset.append([row[0], row[1], row[2], sex, dt.date(year - 543, month, day).isoformat()])
    result = ClientResource().import_data(dataset, dry_run=False, use_transactions=True)
    if result.has_errors() or result.has_validation_errors():
        raise CommandError("django-import-export refused the bench rows.")
    return result.totals["new"]


COPY_COLUMNS = (
    "uuid",
    "first_name",
    "last_name",
    "name_en",
    "aliases",
    "id_status",
    "national_id",
    "document_number",
    "nationality",
    "birth_date",
    "sex",
    "photo",
    "found_area_code",
    "found_place",
    "source_reference",
    "registered_by_id",
    "created_at",
    "updated_at",
    "sort_key",
    "search_text",
)
NOT_TEXT = ("uuid", "birth_date", "registered_by_id", "created_at", "updated_at")
TEXT_COLUMNS = ", ".join(column for column in COPY_COLUMNS if column not in NOT_TEXT)


def _copy(partner: Partner, rows) -> int:
    now = timezone.now().isoformat()
    output = io.StringIO()
    writer = csv.writer(output)
    for row in rows:
        day, month, year = (int(part) for part in row[4].split("/"))
        writer.writerow(
            [
                uuid.uuid4(),
                row[1],
                row[2],
                "",
                "",
                "thai_id",
                row[0],
                "",
                "",
                dt.date(year - 543, month, day).isoformat(),
                "male" if row[3] == "ชาย" else "female",
                "",
                "2004",
                "",
                "",
                partner.pk,
                now,
                now,
                thai_sort_key(f"{row[1]} {row[2]} ")[:700],
                search_text(row[1], row[2], "", "", row[0], ""),
            ]
        )
    output.seek(0)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.copy_expert(
            f"COPY workflows_client ({', '.join(COPY_COLUMNS)}) FROM STDIN "
            f"WITH (FORMAT csv, FORCE_NOT_NULL ({TEXT_COLUMNS}))",
            output,
        )
    return len(rows)
