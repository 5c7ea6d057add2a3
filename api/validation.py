"""Field errors of bad input, in the reader's language.

pydantic describes a problem by a type (`missing`, `less_than_equal`...) and an English text; the API's
clients show the message to people, so each known type gets a translated message and its limits. The
type stays as the machine code.
"""

from typing import Annotated

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import Field

from api.ids import MAX_ID

MESSAGES = {
    "missing": _("Обязательное поле."),
    "int_parsing": _("Нужно целое число."),
    "int_type": _("Нужно целое число."),
    "int_from_float": _("Нужно целое число."),
    "float_parsing": _("Нужно число."),
    "float_type": _("Нужно число."),
    "bool_parsing": _("Нужно true или false."),
    "bool_type": _("Нужно true или false."),
    "string_type": _("Нужна строка."),
    "greater_than_equal": _("Не меньше %(ge)s."),
    "greater_than": _("Больше %(gt)s."),
    "less_than_equal": _("Не больше %(le)s."),
    "less_than": _("Меньше %(lt)s."),
    "string_too_short": _("Не короче %(min_length)s симв."),
    "string_too_long": _("Не длиннее %(max_length)s симв."),
    "too_short": _("Не меньше %(min_length)s элементов."),
    "too_long": _("Не больше %(max_length)s элементов."),
    "string_pattern_mismatch": _("Неверный формат."),
    "literal_error": _("Допустимые значения: %(expected)s."),
    "enum": _("Допустимые значения: %(expected)s."),
    "date_parsing": _("Нужна дата в формате ГГГГ-ММ-ДД."),
    "date_from_datetime_parsing": _("Нужна дата в формате ГГГГ-ММ-ДД."),
    "datetime_parsing": _("Нужны дата и время в формате ISO 8601, например 2026-12-01T15:00:00+03:00."),
    "datetime_from_date_parsing": _("Нужны дата и время в формате ISO 8601, например 2026-12-01T15:00:00+03:00."),
    "time_parsing": _("Нужно время в формате ЧЧ:ММ."),
    "json_invalid": _("Тело запроса — не JSON."),
    "model_attributes_type": _("Нужен объект JSON."),
    "dict_type": _("Нужен объект JSON."),
    "list_type": _("Нужен список."),
    "extra_forbidden": _("Такого поля нет."),
    "url_parsing": _("Нужен адрес (URL)."),
    "uuid_parsing": _("Нужен UUID."),
    "nul_byte": _("Недопустимый символ (NUL) в значении."),
}
UNKNOWN = _("Неверное значение.")

# An id in an address: a number beyond the ids a row can have is refused as out of range (api.ids).
Id = Annotated[int, Field(ge=1, le=MAX_ID, description="An id, 1 to 2147483647")]
SOURCES = {"query", "path", "body", "form", "file", "header", "cookie"}


def field_name(loc) -> str:
    """`("query", "limit")` → `limit`; `("body", "payload", "start")` → `start`: the source and the name of
    the operation's body parameter are the client's business only as the field they sent."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in SOURCES:
        source, parts = parts[0], parts[1:]
        if source == "body" and len(parts) > 1:
            parts = parts[1:]
    return ".".join(parts)


def _message(error: dict) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "value_error" and context.get("error"):
        return str(context["error"])  # our own validators raise ValueError with a translated message
    template = MESSAGES.get(kind)
    if template is None:
        return str(UNKNOWN)
    try:
        return str(template) % context
    except (KeyError, TypeError, ValueError):
        return str(UNKNOWN)


def field_error(field: str, code: str, **context) -> dict:
    """One field error in the API's format, for checks made outside pydantic (API v2's parameters)."""
    return {"field": field, "code": code, "message": _message({"type": code, "ctx": context})}


def field_errors_from_pydantic(errors) -> list[dict]:
    return [
        {"field": field_name(error.get("loc", ())), "code": error.get("type", "invalid"), "message": _message(error)}
        for error in errors
    ]


def field_errors_from_django(exc: DjangoValidationError) -> list[dict]:
    """A Django or Wagtail form error: per field where the error knows its field."""
    loc_errors = getattr(exc, "loc_errors", None)  # Wagtail's FormValidationError from its composed operations
    if loc_errors:
        return [
            {"field": ".".join(str(part) for part in path), "code": code or "invalid", "message": str(message)}
            for path, coded in loc_errors
            for message, code in coded
        ]
    if hasattr(exc, "error_dict"):
        return [
            {
                "field": "" if name == NON_FIELD_ERRORS else name,
                "code": error.code or "invalid",
                "message": " ".join(str(message) for message in error.messages),
            }
            for name, errors in exc.error_dict.items()
            for error in errors
        ]
    return [
        {"field": "", "code": error.code or "invalid", "message": str(message)}
        for error in exc.error_list
        for message in error.messages
    ]
