"""Time importing a client register (`make bench`): our import (full validation, CSV and XLSX),
django-import-export's default `import_data`, and PostgreSQL's COPY, on the same rows.

The rows are made up the way partners' registers look: Thai names, valid national IDs, BE dates
typed dd/mm/yyyy, sex by its Thai label, the area by Thai names. Our import reads the file, checks
every row and writes them all in one transaction. django-import-export's `ModelResource` gets the
same rows with CE ISO dates (its default date widget reads no BE years) and the registering
partner's id as a column; it is run on a sample (`--default-rows`) because it is slow. COPY writes
the already-clean rows straight into the table: the ceiling. Clients of the bench partner are
deleted before each run.

Memory: the import reads the file as a stream, a chunk of rows at a time, so its peak memory
should not grow with the file. Each `--memory-rows` size is imported from a file on disk in a
forked child process, which reports how far its resident memory rose above where it started
(VmHWM − VmRSS, Linux). The export of the imported clients is timed the same way: the time to
its first client rows, the whole CSV and XLSX (both streamed), and their peak memory.
"""

import csv
import datetime as dt
import io
import random
import tempfile
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
    """A valid national ID starting 1–7: the main bench's clients (workflows.benchmarks.data) start
    with 8, so the two benches never reuse an ID on the unique index."""
    body = f"{1 + number % 7}{number:011d}"
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
    """The bench partner's clients deleted, and their dead rows cleared (where autovacuum is off,
    they would slow every later run's index lookups)."""
    Client.objects.filter(registered_by=partner).delete()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM {Client._meta.db_table}")


def sizes(text: str) -> list[int]:
    try:
        found = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise CommandError("--memory-rows is a comma-separated list of row counts.") from None
    if any(size < 1 for size in found):
        raise CommandError("--memory-rows must be positive.")
    return found


class Command(BaseCommand):
    help = "Time importing a client register: ours, django-import-export's default, COPY."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--default-rows", type=int, default=2_000)
        parser.add_argument("--memory-rows", default="100000,200000")

    def handle(self, *args, **options):
        count = options["rows"]
        if count < 1 or options["default_rows"] < 1:
            raise CommandError("--rows and --default-rows must be positive.")
        memory_rows = sizes(options["memory_rows"])
        partner, user = bench_setup()
        rows = bench_rows(count)
        self.stdout.write(f"Database: {connection.vendor}; {count:,} rows.")
        rates = {}
        for name, data in (("CSV", csv_bytes(rows)), ("XLSX", xlsx_bytes(rows))):
            clients_forget(partner)
            started = time.perf_counter()
            plan = client_import_commit(
                partner=partner, user=user, data=data, name=f"bench.{name.lower()}"
            )
            rates[name] = self._rate(f"ours, {name}", plan.counts["new"], started)
        self._export(user)  # the clients just imported
        sample = rows[: options["default_rows"]]
        clients_forget(partner)
        started = time.perf_counter()
        rates["default"] = self._rate(
            "django-import-export import_data, CSV", _import_data(partner, sample), started
        )
        if connection.vendor == "postgresql":
            clients_forget(partner)
            started = time.perf_counter()
            rates["COPY"] = self._rate(
                "PostgreSQL COPY (clean rows)", _copy(partner, rows), started
            )
        self.stdout.write(
            f"ours, CSV: {rates['CSV'] / rates['default']:.0f}× the default"
            + (f", {rates['CSV'] / rates['COPY']:.2f} of COPY" if "COPY" in rates else "")
        )
        del rows, sample
        for size in memory_rows:
            self._memory(partner, user, size)
        clients_forget(partner)

    def _rate(self, label: str, written: int, started: float) -> float:
        seconds = time.perf_counter() - started
        rate = written / seconds
        self.stdout.write(f"{label}: {written:,} rows in {seconds:.2f} s = {rate:,.0f} rows/s")
        return rate

    def _memory(self, partner, user, size: int) -> None:
        clients_forget(partner)
        with tempfile.NamedTemporaryFile(suffix=".csv") as file:
            writer = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
            csv.writer(writer).writerows([HEADERS, *bench_rows(size)])
            writer.flush()
            writer.detach()

            def run():
                with open(file.name, "rb") as source:
                    plan = client_import_commit(
                        partner=partner,
                        user=user,
                        data=source,
                        name="bench.csv",
                        max_bytes=1024**3,
                    )
                return plan.counts["new"]

            written, seconds, grown = in_child(run)
        self.stdout.write(
            f"ours, CSV from a file, {written:,} rows: {written / seconds:,.0f} rows/s, "
            f"memory grew by {grown:,.0f} MB"
        )

    def _export(self, user) -> None:
        from workflows.exports import CHUNK, export_response, export_rows
        from workflows.selectors.exports import CLIENT_COLUMNS, clients_for_export

        for file_format in ("csv", "xlsx"):

            def run(file_format=file_format):
                started = time.perf_counter()
                objects = clients_for_export(user=user)
                rows = export_rows(objects.iterator(chunk_size=CHUNK), CLIENT_COLUMNS)
                response = export_response(rows=rows, file_format=file_format, filename="b")
                size, first = 0, None
                for chunk in response.streaming_content:
                    size += len(chunk)
                    # CSV: past the BOM and headers; XLSX: its first piece holds a client row.
                    if first is None and (size > 2048 or file_format == "xlsx"):
                        first = time.perf_counter() - started
                return objects.count(), first, size

            (count, first, size), seconds, grown = in_child(run)
            self.stdout.write(
                f"export, {file_format.upper()}, {count:,} clients: first rows after "
                f"{first:.2f} s, all {size / 1024**2:,.0f} MB in {seconds:.2f} s, "
                f"memory grew by {grown:,.0f} MB"
            )


def _status_kb(name: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{name}:"):
                return int(line.split()[1])
    raise CommandError("Peak memory is measured on Linux only (/proc/self/status).")


def in_child(function):
    """(result, seconds, MB the resident memory rose) of function() in a forked process, so the
    parent's own peak does not hide the child's."""
    import multiprocessing

    from django.db import connections

    connections.close_all()
    receiving, sending = multiprocessing.Pipe(duplex=False)

    def child():
        start = _status_kb("VmRSS")
        started = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - started
        sending.send((result, seconds, (_status_kb("VmHWM") - start) / 1024))
        connections.close_all()

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    result = receiving.recv()
    process.join()
    return result


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
    "legal_hold",
    "legal_hold_reason",
)
NOT_TEXT = ("uuid", "birth_date", "registered_by_id", "created_at", "updated_at", "legal_hold")
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
                "f",
                "",
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
