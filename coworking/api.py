"""The API assembly: Wagtail API v2 (pages, images, documents) and API v3 (OpenAPI, django-ninja).

The project's own v3 routers are added to Wagtail's v3 instance here, before its URLs are built,
so one OpenAPI document at /api/v3/openapi.json describes everything.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v3.urls import api as api_v3

from bank.api import SolutionsAPIViewSet
from bank.api import router as bank_router
from events.api import router as events_router
from exhibitions.api import router as exhibitions_router
from meetings.api import router as meetings_router
from residents.api import (
    ResidentsDocumentsAPIViewSet,
    ResidentsImagesAPIViewSet,
    ResidentsPagesAPIViewSet,
    install_v3_access,
)
from support.api import router as support_router

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", ResidentsPagesAPIViewSet)
api_v2.register_endpoint("images", ResidentsImagesAPIViewSet)
api_v2.register_endpoint("documents", ResidentsDocumentsAPIViewSet)
api_v2.register_endpoint("solutions", SolutionsAPIViewSet)

api_v3.title = "Цифровое коворкинговое пространство API"
api_v3.add_router("/", events_router)
api_v3.add_router("/bank/", bank_router)
api_v3.add_router("/exhibitions/", exhibitions_router)
api_v3.add_router("/meetings/", meetings_router)
api_v3.add_router("/support/", support_router)

install_v3_access(api_v3)  # residents: session or token auth and tiers, also for routers added later

__all__ = ["api_v2", "api_v3"]
