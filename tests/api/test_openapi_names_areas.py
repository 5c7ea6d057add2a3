"""The OpenAPI names of the areas' schemas (events, exhibitions, meetings, support) are their own.

ninja names an OpenAPI component after its class, and Wagtail names the schema of a page's inline rows after
their model (`ExhibitionHallSchema`, ...): two different classes with one name give one component, and one of
them silently describes the other's answers. So every class the areas' routers reach must be the only one of
its name in the whole API (or an identical twin, such as the `Paged...` wrapper ninja makes per operation), and
the document must describe it by its own fields.
"""

import json
from enum import Enum
from typing import get_args, get_origin, get_type_hints

import pytest
from pydantic import BaseModel, TypeAdapter
from typing_extensions import is_typeddict

from coworking.api import api_v3
from events.api import router as events_router
from exhibitions.api import router as exhibitions_router
from meetings.api import router as meetings_router
from support.api import router as support_router

AREA_ROUTERS = {events_router, exhibitions_router, meetings_router, support_router}


def _reachable(annotation, seen: set) -> None:
    """Adds to `seen` every schema class, enum and typed dict that `annotation` refers to, however deep."""
    if get_origin(annotation) is not None:
        for argument in get_args(annotation):
            _reachable(argument, seen)
        return
    if not isinstance(annotation, type) or annotation in seen:
        return
    if issubclass(annotation, BaseModel):
        seen.add(annotation)
        for field in annotation.model_fields.values():
            _reachable(field.annotation, seen)
    elif issubclass(annotation, Enum):
        seen.add(annotation)
    elif is_typeddict(annotation):
        seen.add(annotation)
        for hint in get_type_hints(annotation).values():
            _reachable(hint, seen)


def _classes(routers) -> set:
    """The classes of the answers and parameters of the routers' operations (without ninja's own wrappers)."""
    seen = set()
    for router in routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                wrappers = [model for model in operation.response_models.values() if model] + operation.models
                for wrapper in wrappers:
                    for field in wrapper.model_fields.values():
                        _reachable(field.annotation, seen)
    return seen


def _json_schema(cls) -> str:
    return json.dumps(TypeAdapter(cls).json_schema(), sort_keys=True, ensure_ascii=False)


def _fields(cls) -> set[str]:
    if issubclass(cls, BaseModel):
        return set(cls.model_fields)
    return set(get_type_hints(cls))


@pytest.fixture(scope="module")
def classes():
    every_router = {router for _prefix, router in api_v3._routers}
    assert AREA_ROUTERS <= every_router, "the areas' routers are mounted on API v3"
    return _classes(AREA_ROUTERS), _classes(every_router)


def test_every_area_schema_name_belongs_to_one_class_in_the_whole_api(classes):
    area, everything = classes
    clashes = {}
    for name in {cls.__name__ for cls in area}:
        namesakes = {cls for cls in everything if cls.__name__ == name}
        if len({_json_schema(cls) for cls in namesakes}) > 1:
            clashes[name] = sorted(f"{cls.__module__}.{cls.__qualname__}" for cls in namesakes)
    assert not clashes, clashes


@pytest.mark.django_db
def test_the_openapi_document_describes_every_area_schema_by_its_own_fields(client, classes):
    area, _everything = classes
    components = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    for cls in area:
        component = components[cls.__name__]
        if issubclass(cls, Enum):
            assert set(component["enum"]) == {member.value for member in cls}, cls
        else:
            assert set(component["properties"]) == _fields(cls), cls
