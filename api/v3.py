"""The API v3 instance: django-ninja with the project's conventions applied to every router mounted on it.

- the caller is decided by `api.auth.PUBLIC` unless an operation asks for `SIGNED_IN` (or, for Wagtail's
  editors' writes, Wagtail's own token authentication);
- errors take the one format of `api.errors`, date-times the one format of `api.rendering`;
- the OpenAPI document lists, for every operation, the error answers it can give, and is built once per
  process (it takes seconds to build, and it only changes with the code).
"""

from copy import deepcopy

from ninja import NinjaAPI

from api.auth import PUBLIC
from api.errors import ErrorSchema, register_error_handlers
from api.rendering import Renderer

ERROR_DESCRIPTIONS = {
    400: "The body could not be parsed (`bad_request`), or a parameter holds a NUL byte (`nul_byte`)",
    401: "A token was sent but is wrong or revoked (`invalid_token`), or the operation needs a signed-in caller",
    403: "The caller may not do this, or a session write came without its CSRF token",
    404: "Nothing at this address, or it is not open to the caller (also what a body refers to)",
    422: "A parameter or a field of the body is invalid; `errors` says which and why",
}
SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer", "description": "A Wagtail API token of the caller"},
    "session": {"type": "apiKey", "in": "cookie", "name": "sessionid", "description": "The site's session"},
}


class API(NinjaAPI):
    def __init__(self, **kwargs):
        kwargs.setdefault("auth", PUBLIC)
        kwargs.setdefault("renderer", Renderer())
        super().__init__(**kwargs)
        register_error_handlers(self)
        self._openapi_documents: dict[str, dict] = {}

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        if path_prefix not in self._openapi_documents:
            document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
            self._openapi_documents[path_prefix] = describe_errors_and_security(dict(document))
        return self._openapi_documents[path_prefix]


def _error_codes(method: str, operation: dict) -> set[int]:
    parameters = operation.get("parameters", [])
    codes = {401}  # every operation reads the Authorization header
    if any(parameter.get("in") == "path" for parameter in parameters):
        codes.add(404)
    if parameters or "requestBody" in operation:
        codes.update({400, 422})  # 400: a body that is not JSON, or a NUL byte in a parameter
    requirements = {name for requirement in operation.get("security", []) for name in requirement}
    if method not in {"get", "head", "options"} or requirements & {"SignedInCaller", "BearerTokenAuth"}:
        codes.add(403)  # a signed-in caller may still lack the permission
    if method not in {"get", "head", "options"} and "requestBody" in operation:
        codes.add(404)  # the body may refer to something that does not exist (a parent page, a room)
    return codes


def describe_errors_and_security(document: dict) -> dict:
    """Adds to every operation the error answers it can give (in the one error format), and describes the
    two ways to sign in; an operation open to anonymous callers says so with an empty requirement."""
    document = deepcopy(document)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorSchema.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(error_schema.pop("$defs", {}))
    schemas.setdefault(ErrorSchema.__name__, error_schema)
    reference = {"$ref": f"#/components/schemas/{ErrorSchema.__name__}"}
    for operations in document.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code in sorted(_error_codes(method, operation)):
                responses.setdefault(
                    code,
                    {"description": ERROR_DESCRIPTIONS[code], "content": {"application/json": {"schema": reference}}},
                )
            operation["security"] = _security(operation.get("security", []))
    document["components"]["securitySchemes"] = SECURITY_SCHEMES
    return document


def _security(requirements: list[dict]) -> list[dict]:
    names = {name for requirement in requirements for name in requirement}
    if names == {"BearerTokenAuth"}:
        return [{"bearer": []}]  # Wagtail's editors' writes: a token only
    signed_in_only = "SignedInCaller" in names
    return [{"bearer": []}, {"session": []}] + ([] if signed_in_only else [{}])
