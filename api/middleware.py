"""The APIs answer in the language the client asks for (`Accept-Language`), Russian by default.

The site's pages take their language from the address (`/en/...`); API addresses carry none, so for them the
language comes from the request's headers, as HTTP intends.

No request with a NUL byte in its parameters reaches a view, on the API or on a page."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation

from api.errors import error_body
from api.validation import field_error

API_PREFIX = "/api/"
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


class APILanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class RefuseNulBytesMiddleware:
    """A NUL byte in the address's parameters or a form's fields is refused before any view sees it: no text
    the site stores or searches may hold one (PostgreSQL refuses it, SQLite's full-text search breaks on it).
    The API answers in its error format, a page with the site's 400 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        field = nul_byte_field(request)
        if field is None:
            return self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            body = error_body(status=400, errors=[field_error(field, "nul_byte")])
            return JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})
        return render(request, "400.html", status=400)


def nul_byte_field(request) -> str | None:
    """The first parameter whose name or value holds a NUL byte (the path, GET, or a form's POST), else None."""
    if "\x00" in request.path_info:
        return "path"
    sources = [request.GET]
    if request.method == "POST" and request.content_type in {
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }:
        sources.append(request.POST)
    for source in sources:
        for name, values in source.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return name.replace("\x00", "")
    return None
