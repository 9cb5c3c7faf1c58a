"""`make bench`'s completion row runs end to end at a tiny size and names what each statement of
a claim + submit is for (PostgreSQL: the bench builds its data with PostgreSQL's own SQL)."""

import io

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from workflows.benchmarks.completion import statements_by_purpose

pytestmark = pytest.mark.postgres


@override_settings(ALLOWED_HOSTS=["*"])
def test_the_bench_prints_the_completion_row_beside_the_bare_engine_and_our_services(
    on_postgres,
):
    out = io.StringIO()
    call_command("bench", cases=20, completions=2, clients=30, runs=1, stdout=out)
    text = out.getvalue()
    assert "completion" in text and "(claim + submit vs engine loop)" in text
    assert "the same through our services alone" in text
    spent = next(line for line in text.splitlines() if "statements of one claim" in line)
    for purpose in ("engine", "visibility", "access record", "task counters", "answers"):
        assert purpose in spent, spent


def test_statements_are_told_apart_by_what_they_are_for():
    statements = [
        {"sql": 'SELECT "cache_key" FROM "thiphueng_cache" WHERE …'},
        {"sql": 'SELECT "workflows_casetask"."id" FROM "workflows_casetask" INNER JOIN …'},
        {"sql": 'SELECT 1 AS "a" FROM "workflows_case" WHERE … FOR UPDATE NOWAIT'},
        {"sql": 'INSERT INTO "workflows_accessrecord" …'},
        {"sql": "INSERT INTO workflows_taskcount … ON CONFLICT …"},
    ]
    assert statements_by_purpose(statements) == {
        "session and user": 1,
        "visibility": 1,
        "engine": 1,
        "access record": 1,
        "task counters": 1,
    }
