import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coworking.settings.production")

django_application = get_wsgi_application()

from coworking.page_cache import PageCacheApplication  # noqa: E402 (models load once Django is set up)

# A stored page for an anonymous visitor is answered before Django builds its request (coworking/page_cache.py).
application = PageCacheApplication(django_application)

# What loading the site created (models, URL patterns, Wagtail's registries) lives as long as the process:
# moved out of the garbage collector's sight, it no longer makes each full collection pause a request
# (about 150 ms on a bank search, measured by bench/search_bench.py).
gc.collect()
gc.freeze()
