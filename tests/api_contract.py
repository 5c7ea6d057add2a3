"""Assertions of the API's conventions that every area's API tests share: the pagination contract, the error
format, absolute addresses, date-times with the Moscow offset and the one image representation."""

import re

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
MOSCOW_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+03:00$")
OUT_OF_BOUNDS = [({"limit": 0}, "limit"), ({"offset": -1}, "offset"), ({"limit": 1000}, "limit")]


def paged(response, *, total: int | None = None) -> list[dict]:
    """The items of a list answer, after checking it has the one pagination shape (and, if given, the total)."""
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) == {"meta", "items"}, data
    assert isinstance(data["items"], list)
    if total is not None:
        assert data["meta"]["total_count"] == total, data["meta"]
    return data["items"]


def error(response, status: int, code: str | None = None) -> dict:
    """The body of an error answer, after checking it is in the one error format with a Russian message."""
    assert response.status_code == status, response.content
    body = response.json()
    assert body["status"] == status and set(body) == {"status", "code", "message", "errors"}, body
    assert CYRILLIC.search(body["message"]), body
    if code is not None:
        assert body["code"] == code, body
    return body


def field_error(response, field: str, status: int = 422) -> dict:
    """The error of one field of a refused request, with its Russian message."""
    body = error(response, status)
    [entry] = [entry for entry in body["errors"] if entry["field"] == field]
    assert CYRILLIC.search(entry["message"]), entry
    return entry


def assert_window_bounds(client, url: str, params: dict | None = None, **extra) -> None:
    """`limit` and `offset` outside their bounds get 422 naming the parameter, never a server error."""
    for bounds, field in OUT_OF_BOUNDS:
        field_error(client.get(url, {**(params or {}), **bounds}, **extra), field)


def assert_windows(client, url: str, params: dict | None = None, *, key: str = "id", **extra) -> None:
    """Two windows of the list (limit/offset) join into the whole list, in the same stable order."""
    params = params or {}
    whole = paged(client.get(url, {**params, "limit": 100}, **extra))
    assert len(whole) >= 3, "the list needs at least three items to show its windows"
    first = paged(client.get(url, {**params, "limit": 2}, **extra), total=len(whole))
    rest = paged(client.get(url, {**params, "limit": 100, "offset": 2}, **extra), total=len(whole))
    assert [item[key] for item in first + rest] == [item[key] for item in whole]


def assert_absolute(url: str) -> None:
    assert url.startswith(("http://", "https://")), url


def assert_moscow_datetime(value: str) -> None:
    assert MOSCOW_DATETIME.match(value), value


def assert_image(image: dict) -> None:
    """The API's one image representation: sizes, alternative text and renditions with a `srcset`."""
    assert {"id", "title", "alt", "width", "height", "renditions", "srcset"} <= set(image), image
    assert image["renditions"], image
    for rendition in image["renditions"]:
        assert_absolute(rendition["url"])
        assert rendition["width"] <= image["width"]
        assert f"{rendition['url']} {rendition['width']}w" in image["srcset"]


def openapi_operation(client, path: str, method: str = "get") -> dict:
    return client.get("/api/v3/openapi.json").json()["paths"][path][method]


def assert_documented(operation: dict, *, parameters: set[str] = frozenset(), errors: set[int] = frozenset()) -> None:
    """The OpenAPI document lists the operation's parameters and its error answers in the one error format."""
    assert parameters <= {parameter["name"] for parameter in operation.get("parameters", [])}, operation
    for status in errors:
        schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorSchema"}, (status, schema)
