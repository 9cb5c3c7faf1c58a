"""Which indexes PostgreSQL chooses for a query (EXPLAIN), for the bench and the plan tests."""

import json

from django.db import connection


def _walk(node: dict):
    yield node
    for child in node.get("Plans", ()):
        yield from _walk(child)


def plan_of(queryset) -> dict:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        document = cursor.fetchone()[0]
    return (json.loads(document) if isinstance(document, str) else document)[0]["Plan"]


def indexes_used(queryset) -> list[str]:
    """The indexes of the plan's index scans, in plan order (PostgreSQL only)."""
    return [node["Index Name"] for node in _walk(plan_of(queryset)) if "Index Name" in node]


def plan_summary(queryset) -> str:
    """'Index Scan on task_inbox_partner_idx' style: the scans of the plan, comma-separated."""
    scans = []
    for node in _walk(plan_of(queryset)):
        if "Index Name" in node:
            scans.append(f"{node['Node Type']} {node['Index Name']}")
        elif node["Node Type"] in ("Seq Scan", "Parallel Seq Scan"):
            scans.append(f"{node['Node Type']} {node['Relation Name']}")
    return ", ".join(scans)
