"""The APIs answer in the language the client asks for (`Accept-Language`), Russian by default.

The site's pages take their language from the address (`/en/...`); API addresses carry none, so for them the
language comes from the request's headers, as HTTP intends."""

from django.utils import translation

API_PREFIX = "/api/"


class APILanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
