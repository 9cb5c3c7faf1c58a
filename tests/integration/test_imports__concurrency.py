"""Imports at the same moment (PostgreSQL row locks and the national-ID constraint)."""

import time

import pytest

import workflows.services.imports
from partners.models import Role
from tests.concurrency import run_together
from tests.factories import member
from tests.integration.test_imports__clients import ROWS, csv_bytes
from workflows.models import Client
from workflows.services.imports import ImportRefused, client_import_commit

pytestmark = pytest.mark.postgres


@pytest.fixture
def slow_writes(monkeypatch):
    """Each chunk's write waits, so the two imports overlap."""
    original = workflows.services.imports._write

    def slow_write(rows, writer):
        time.sleep(0.5)
        original(rows, writer)

    monkeypatch.setattr(workflows.services.imports, "_write", slow_write)


def _importing(partner, rows=ROWS):
    supervisor = member(Role.SUPERVISOR, partner=partner)
    return lambda: client_import_commit(
        partner=partner, user=supervisor, data=csv_bytes(rows), name="r.csv"
    )


def test_two_imports_at_once_create_each_client_once(
    transactional_db, on_postgres, partner, slow_writes
):
    results = run_together(_importing(partner), _importing(partner))
    counts = sorted(result.counts["new"] for result in results)
    assert counts == [0, 3]
    assert sorted(result.counts["unchanged"] for result in results) == [0, 3]
    assert Client.objects.count() == 3


def test_two_case_imports_at_once_create_each_case_once(
    transactional_db, on_postgres, partner, monkeypatch
):
    """The second waits for the partner's lock, then finds the first one's cases unchanged."""
    import workflows.services.case_imports as case_imports
    from tests.concurrency import run_together
    from tests.factories_workflows import client_at, screening_process
    from tests.integration.test_imports__cases import HEADERS, VALID_ID
    from tests.integration.test_imports__cases import ROWS as CASE_ROWS
    from workflows.models import Case
    from workflows.services.register_imports import KINDS, register_import_commit

    supervisor = member(Role.SUPERVISOR, partner=partner)
    screening_process(partner)
    client_at(partner, national_id=VALID_ID)
    client_at(partner, source_reference="R2")
    original = case_imports._case_write

    def slow_write(values, **kwargs):
        time.sleep(0.3)  # hold the partner's lock while the other import waits for it
        return original(values, **kwargs)

    monkeypatch.setattr(case_imports, "_case_write", slow_write)
    data = csv_bytes(CASE_ROWS, HEADERS)

    def run():
        return register_import_commit(
            kind=KINDS["cases"], partner=partner, user=supervisor, data=data, name="c.csv"
        )

    results = run_together(run, run)
    assert sorted(result.counts["new"] for result in results) == [0, 2]
    assert Case.objects.count() == 2


def test_two_partners_importing_one_person_at_once_register_them_once(
    transactional_db, on_postgres, partner, other_partner, slow_writes
):
    """Each partner's import holds its own lock, so both check the file before either writes:
    the national-ID constraint stops the second, whose whole import is undone with a message."""
    other_rows = [["X1", "1-1017-00230-70-8", "สมชาย", "ใจดี", "ชาย", "6/8/2563"]]
    results = run_together(_importing(partner), _importing(other_partner, other_rows))
    refused = [result for result in results if isinstance(result, ImportRefused)]
    assert len(refused) == 1, results
    assert "ในเวลาเดียวกัน" in refused[0].plan.problems[0].message
    assert Client.objects.filter(national_id="1101700230708").count() == 1
    assert Client.objects.count() in (1, 3)  # one import whole, the other not at all
