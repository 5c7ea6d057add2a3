"""The API assembly: Wagtail API v2 (pages, images, documents) and API v3 (OpenAPI, django-ninja).

The project's own v3 routers are added to Wagtail's v3 instance here, before its URLs are built,
so one OpenAPI document at /api/v3/openapi.json describes everything.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from search.api import SolutionsAPIViewSet
from search.api import router as bank_router

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesAPIViewSet)
api_v2.register_endpoint("images", ImagesAPIViewSet)
api_v2.register_endpoint("documents", DocumentsAPIViewSet)
api_v2.register_endpoint("solutions", SolutionsAPIViewSet)

api_v3.title = "Цифровое коворкинговое пространство API"
api_v3.add_router("/bank/", bank_router)

__all__ = ["api_v2", "api_v3"]
