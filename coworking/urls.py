from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from coworking.api import api_v2, api_v3
from pages import views
from residents.files import serve_media

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media"),
    path("api/v2/", api_v2.urls),
    path("api/v3/", api_v3.urls),
    path("bank/feed/", include("bank.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("low-vision/on/", views.low_vision_on, name="low_vision_on"),
    path("low-vision/off/", views.low_vision_off, name="low_vision_off"),
    path("low-vision/choose/", views.low_vision_choose, name="low_vision_choose"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The site in the reader's language: Russian at /, English under /en/; the views that are not pages (a resident's
# account and personal calendar, projects, the experts' desk, contributions) too, before the pages' catch-all.
urlpatterns += i18n_patterns(
    path("", include("events.urls")),
    path("account/", include("residents.urls")),
    path("projects/", include("projects.urls")),
    path("experts/", include("reviews.urls")),
    path("contribute/", include("bank.contribution_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
