"""PostgreSQL: an app's search rows carry the full-text vectors of their objects, copied from Wagtail's index.

A rows table (one row per object, keyed by `page_id`) with `document` and `title_document` tsvector columns
lets a query match on the rows' own GIN index and meet the app's filters in the same statement
(`search.engine.row_match`), without reading Wagtail's index rows, which also carry the raw texts.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.conf import get_app_config


def copy_vectors(*, model, table: str, ids: list[int]) -> None:
    """The vectors of these objects, taken from Wagtail's index entries. They are stripped of positions and
    weights, which matching does not use: a quarter less to read in a broad query's scan. Ranking reads the
    whole vectors from Wagtail's index (`search.engine`)."""
    entries = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {connection.ops.quote_name(table)} r "  # noqa: S608 (table names come from models)
            "SET document = strip(e.title || e.body), title_document = strip(e.title) "
            f"FROM {entries} e WHERE e.content_type_id = %s AND e.object_id = r.page_id::text "
            "AND r.page_id = ANY(%s)",
            [ContentType.objects.get_for_model(model).pk, ids],
        )
