"""Two imports of the same register into one partner at the same moment (PostgreSQL row locks)."""

import threading
import time

import pytest
from django.db import connection

import workflows.services.imports
from partners.models import Role
from tests.factories import member
from tests.integration.test_imports__clients import ROWS, csv_bytes
from workflows.models import Client
from workflows.services.imports import client_import_commit

pytestmark = pytest.mark.postgres


def test_two_imports_at_once_create_each_client_once(
    transactional_db, on_postgres, partner, monkeypatch
):
    supervisor = member(Role.SUPERVISOR, partner=partner)
    original = workflows.services.imports._write

    def slow_write(plan, user):
        time.sleep(0.5)  # hold the partner's lock while the other import waits for it
        original(plan, user)

    monkeypatch.setattr(workflows.services.imports, "_write", slow_write)
    barrier = threading.Barrier(2)
    results = [None, None]

    def run(index):
        try:
            barrier.wait()
            results[index] = client_import_commit(
                partner=partner, user=supervisor, data=csv_bytes(ROWS), name="r.csv"
            )
        except Exception as error:  # noqa: BLE001 - asserted below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
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
