"""Many rows at once, made by the database itself (PostgreSQL): INSERT … SELECT.

A template object gives every column's value; the columns that vary from row to row are SQL
expressions over the rows of `source` (a FROM clause). So 100,000 cases and their 400,000 task
rows cost a few statements and no Python object per row.
"""

from django.db import connection


def rows_insert_select(
    model, template, varying: dict[str, str | tuple[str, list]], source: str, params=()
) -> int:
    """One row per row of `source`: the template's values, except the `varying` columns
    (column → SQL expression, or (expression, its parameters)). Returns the rows inserted."""
    columns, values, arguments = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.column in varying:
            expression = varying[field.column]
            sql, given = expression if isinstance(expression, tuple) else (expression, [])
            values.append(sql)
            arguments.extend(given)
        else:
            values.append("%s")
            arguments.append(field.get_db_prep_save(getattr(template, field.attname), connection))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {source}"  # noqa: S608 - names from the model, values as parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [*arguments, *params])
        return cursor.rowcount
