"""The API assembly: Wagtail API v2 (pages, images, documents, the bank's solutions) and API v3.

API v3 is one django-ninja instance (`api.v3.API`) holding the content routers of `api.routers` (pages,
images and documents read by the caller's tier, with Wagtail's operations for editors' writes) and every
area's router, so one OpenAPI document at /api/v3/openapi.json describes everything. Nothing of Wagtail is
patched: Wagtail's v3 instance, which Wagtail's apps fill with their own routers, is simply not mounted, since
its page reads cannot give a resident their tier (see `api.routers.pages`).

A new area adds its router here with `api_v3.add_router(...)`; the caller's tier, the error format, the
pagination contract and the OpenAPI error answers apply to it without more code.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from api.routers.documents import router as documents_router
from api.routers.images import router as images_router
from api.routers.pages import router as pages_router
from api.v2 import ResidentsDocumentsAPIViewSet, ResidentsImagesAPIViewSet, ResidentsPagesAPIViewSet
from api.v3 import API
from bank.api import SolutionsAPIViewSet
from bank.api import router as bank_router
from events.api import router as events_router
from exhibitions.api import router as exhibitions_router
from meetings.api import router as meetings_router
from projects.api import router as projects_router
from reviews.api import router as reviews_router
from support.api import router as support_router
from surveys.api import router as surveys_router

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", ResidentsPagesAPIViewSet)
api_v2.register_endpoint("images", ResidentsImagesAPIViewSet)
api_v2.register_endpoint("documents", ResidentsDocumentsAPIViewSet)
api_v2.register_endpoint("solutions", SolutionsAPIViewSet)

api_v3 = API(
    title="Цифровое коворкинговое пространство API",
    version="3.0.0",
    description=(
        "Content, events, exhibitions, meeting rooms, support, the solution bank and expert evaluation "
        "of the coworking space."
    ),
    urls_namespace="wagtailapi_v3",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
api_v3.add_router("/pages/", pages_router)
api_v3.add_router("/images/", images_router)
api_v3.add_router("/documents/", documents_router)
api_v3.add_router("/", events_router)
api_v3.add_router("/bank/", bank_router)
api_v3.add_router("/exhibitions/", exhibitions_router)
api_v3.add_router("/meetings/", meetings_router)
api_v3.add_router("/support/", support_router)
api_v3.add_router("/reviews/", reviews_router)
api_v3.add_router("/surveys/", surveys_router)
api_v3.add_router("/projects/", projects_router)

__all__ = ["api_v2", "api_v3"]
