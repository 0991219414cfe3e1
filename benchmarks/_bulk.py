"""Loading a synthetic mechanism fast, for the benchmarks that need thousands of rows.

Rows go straight into a model's table in one executemany: bulk_create's ORM work per object
would take most of the minute a benchmark has. Needs Django set up before it is imported.
"""

import json
from datetime import UTC, date, datetime

from django.db import connection


def insert_rows(model, rows: list[dict]) -> None:
    """Insert `rows` (attname -> value) into `model`'s table; missing fields take their defaults."""
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.attname not in rows[0])]
    defaults = {f.attname: f.get_default() for f in fields}
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[_sql(row.get(f.attname, defaults[f.attname])) for f in fields] for row in rows])


def next_id(model) -> int:
    """The first primary key free after the rows already there."""
    return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def _sql(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return value
