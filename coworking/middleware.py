"""Pages, API answers and feeds are sent compressed to clients that accept gzip (about a fifth of their size);
images, documents and other files already compressed pass as they are."""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss", "application/atom", "image/svg")


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
