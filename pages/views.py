from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from pages.accessibility import set_low_vision, settings_from_query
from pages.models.site_settings import SchoolSettings
from pages.selectors import school_texts

# The site's main colour (the header), used by browsers for their own frame.
THEME_COLOUR = "#0b4f9c"


@require_GET
def low_vision_on(request):
    """Switches the version for visually impaired readers on and returns to the page."""
    return set_low_vision(request, enabled=True)


@require_GET
def low_vision_off(request):
    return set_low_vision(request, enabled=False)


@require_GET
def low_vision_choose(request):
    """The panel's choices (font size, colour scheme, images, letter spacing): kept, and back to the page."""
    settings = settings_from_query(request)
    if settings is None:
        message = gettext("Такой настройки версии для слабовидящих нет: выберите один из предложенных вариантов.")
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    return set_low_vision(request, enabled=True, settings=settings)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    context = {"sitemap_url": request.build_absolute_uri("/sitemap.xml")}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def web_manifest(request):
    """The web app manifest: the school's name and the site's icons, for a phone's home screen."""
    school = school_texts(school=SchoolSettings.for_request(request))
    name = school.school_name or gettext("Цифровое коворкинговое пространство")
    manifest = {
        "name": name,
        "short_name": school.short_name or name[:12],
        "lang": get_language() or "ru",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; they get the site's icon."""
    return redirect(static("favicon-32.png"), permanent=True)
