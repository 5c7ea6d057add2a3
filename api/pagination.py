"""One pagination contract for every list of both APIs, the same as Wagtail's API v2:

    GET ...?limit=20&offset=40   →   {"meta": {"total_count": 153}, "items": [...]}

`limit` is 1-100 (20 by default), `offset` 0-1,000,000; a value outside is a 422 with a message, never a
server error. Items come in a stable order: a queryset without an order is ordered by primary key, so that
pages of a list neither repeat nor skip items.
"""

from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase

DEFAULT_LIMIT = 20
MAX_LIMIT = 100  # WAGTAILAPI_LIMIT_MAX, the same bound in API v2
MAX_OFFSET = 1_000_000


class ListParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many items, 1-100")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip")


class ListMeta(Schema):
    total_count: int = Field(description="How many items the whole list has")


def stable(items):
    if isinstance(items, QuerySet) and not items.ordered:
        return items.order_by("pk")
    return items


def page_of(items, params: ListParams, *, total_count: int | None = None, shape=None) -> dict[str, Any]:
    """The window of `items` the parameters ask for, with the list's total. `shape` turns each item of the
    window (only those) into its API form, e.g. an image into its renditions."""
    items = stable(items)
    if total_count is None:
        total_count = len(items) if isinstance(items, list | tuple) else items.count()
    window = list(items[params.offset : params.offset + params.limit])
    return {"meta": {"total_count": total_count}, "items": [shape(item) for item in window] if shape else window}


def paged(item_type, name: str | None = None) -> type[Schema]:
    """The response schema of a list of `item_type` under this contract (`Paged<Item>`, as ninja names it)."""
    name = name or f"Paged{item_type.__name__}"
    return type(name, (Schema,), {"__annotations__": {"meta": ListMeta, "items": list[item_type]}})


class LimitOffset(PaginationBase):
    """The contract for ninja's `@paginate`: the operation returns a queryset or a list of all items."""

    Input = ListParams

    class Output(Schema):
        meta: ListMeta
        items: list[Any]

    def paginate_queryset(self, queryset, pagination: ListParams, request, **params) -> dict[str, Any]:
        return page_of(queryset, pagination)
