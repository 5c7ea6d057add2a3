"""A list of integers stored natively where the database has arrays."""

import json

from django.db import models


class IntegerListField(models.Field):
    """`integer[]` on PostgreSQL, whose `unnest` counts facets fast; a JSON list in text elsewhere."""

    description = "List of integers"

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        value = [int(item) for item in value]
        return value if connection.vendor == "postgresql" else json.dumps(value)

    def from_db_value(self, value, expression, connection):
        if value is None or isinstance(value, list):
            return value
        return json.loads(value)

    def to_python(self, value):
        return json.loads(value) if isinstance(value, str) else value


def elements(column: str, alias: str, connection) -> str:
    """A table-valued function over the integers of `column`, each as `{alias}.value`."""
    if connection.vendor == "postgresql":
        return f"unnest({column}) AS {alias}(value)"
    return f"json_each({column}) AS {alias}"


def contains_all(column: str, items: list[str], connection) -> str:
    """SQL: the list in `column` holds every integer that the SQL expressions `items` give."""
    if connection.vendor == "postgresql":
        return f"{column} @> ARRAY[{', '.join(items)}]::integer[]"
    return " AND ".join(
        f"EXISTS (SELECT 1 FROM {elements(column, 'e', connection)} WHERE e.value = {item})"  # noqa: S608
        for item in items
    )
