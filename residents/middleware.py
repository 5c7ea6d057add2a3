"""Responses that depend on who asks are marked `Cache-Control: private`, so a shared cache never hands one
resident's answer to another visitor."""

from django.utils.cache import patch_cache_control, patch_vary_headers


class PrivateResponsesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        personal = bool(request.headers.get("Authorization")) or (user is not None and user.is_authenticated)
        if personal:
            patch_cache_control(response, private=True)  # Django drops a "public" directive for it
        patch_vary_headers(response, ["Cookie", "Authorization"])
        return response
