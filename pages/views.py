from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from pages.accessibility import set_low_vision


@require_GET
def low_vision_on(request):
    """Switches the version for visually impaired readers on and returns to the page."""
    return set_low_vision(request, enabled=True)


@require_GET
def low_vision_off(request):
    return set_low_vision(request, enabled=False)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    context = {"sitemap_url": request.build_absolute_uri("/sitemap.xml")}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
