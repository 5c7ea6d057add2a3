"""The OpenAPI document describes every endpoint of API v3: its parameters, its answers and its errors."""

import re

import pytest
from pydantic import BaseModel

from coworking.api import api_v3

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_the_document_is_built_once_per_process(client):
    client.get("/api/v3/openapi.json")
    assert api_v3.get_openapi_schema() is api_v3.get_openapi_schema()


def test_every_operation_lists_the_error_answers_it_can_give(document):
    error = {"$ref": "#/components/schemas/ErrorSchema"}
    for path, method, operation in operations(document):
        responses = operation["responses"]
        expected = {"401"}
        if "{" in path:
            expected.add("404")
        if operation.get("parameters") or operation.get("requestBody"):
            expected.add("422")
        assert expected <= set(responses), f"{method.upper()} {path}: {sorted(responses)}"
        for code in expected:
            assert responses[code]["content"]["application/json"]["schema"] == error, f"{method} {path} {code}"


def test_every_path_parameter_is_described(document):
    for path, method, operation in operations(document):
        declared = {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "path"}
        assert declared == set(re.findall(r"{(\w+)}", path)), f"{method.upper()} {path}"


def test_operations_say_how_to_sign_in_and_whether_anonymous_callers_may(document):
    assert set(document["components"]["securitySchemes"]) == {"bearer", "session"}
    security = {(path, method): operation["security"] for path, method, operation in operations(document)}
    assert {} in security[("/api/v3/pages/", "get")]
    assert {} not in security[("/api/v3/pages/{page_id}/revisions/", "get")]
    assert security[("/api/v3/pages/", "post")] == [{"bearer": []}]


def _models_of(annotation, found: set):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in found:
            found.add(annotation)
            for field in annotation.model_fields.values():
                _models_of(field.annotation, found)
    for argument in getattr(annotation, "__args__", ()) or ():
        _models_of(argument, found)


def test_no_two_schemas_share_a_name_so_none_is_documented_with_the_shape_of_another(client):
    """ninja names each component after its class: two classes of one name would silently share one entry."""
    client.get("/api/v3/openapi.json")  # builds the routers
    found: set = set()
    for bound in api_v3._get_bound_routers():
        for path_view in bound.path_operations.values():
            for operation in path_view.operations:
                for model in operation.response_models.values():
                    _models_of(model, found)
    by_name: dict[str, set] = {}
    for model in found:
        by_name.setdefault(model.__name__, set()).add(f"{model.__module__}.{model.__qualname__}")
    clashes = {name: classes for name, classes in by_name.items() if len(classes) > 1}
    assert not clashes
