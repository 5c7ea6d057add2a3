"""One error format for every answer of both APIs that is not a success.

A client always gets JSON with the HTTP status, a machine code it can branch on and a message it can show
(in Russian unless the request asks for English), and, for bad input, one entry per field at fault:

    {"status": 422, "code": "invalid", "message": "Проверьте данные запроса.",
     "errors": [{"field": "limit", "code": "less_than_equal", "message": "Не больше 100."}]}
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError

from api.validation import field_errors_from_django, field_errors_from_pydantic

STATUS_DEFAULTS = {
    400: ("bad_request", _("Запрос не удалось разобрать.")),
    401: ("not_authenticated", _("Нужно войти: через сайт или с токеном в заголовке Authorization.")),
    403: ("forbidden", _("Недостаточно прав для этого действия.")),
    404: ("not_found", _("По этому адресу ничего нет, или это закрыто для вас.")),
    405: ("method_not_allowed", _("Этот метод здесь не поддерживается.")),
    409: ("conflict", _("Действие противоречит текущему состоянию.")),
    422: ("invalid", _("Проверьте данные запроса.")),
    429: ("throttled", _("Слишком много запросов. Попробуйте позже.")),
}


class FieldErrorSchema(Schema):
    field: str = Field(description="The parameter or body field at fault; dotted for nested fields, empty if none")
    code: str = Field(description="Machine code of the problem, e.g. `missing`, `less_than_equal`")
    message: str = Field(description="What is wrong, for a person")


class ErrorSchema(Schema):
    """The body of every error answer of the API."""

    status: int
    code: str = Field(description="Machine code: `not_found`, `invalid`, `not_authenticated`, ...")
    message: str = Field(description="What happened, for a person (Russian by default)")
    errors: list[FieldErrorSchema] = Field(default_factory=list)


class APIError(Exception):
    """Raised by routers and adapters for an answer other than success; becomes `ErrorSchema` JSON."""

    def __init__(self, status: int, message=None, *, code: str | None = None, errors: list[dict] | None = None):
        default_code, default_message = STATUS_DEFAULTS.get(status, ("error", _("Ошибка.")))
        self.status = status
        self.code = code or default_code
        self.message = message or default_message
        self.errors = errors or []
        super().__init__(str(self.message))


def error_body(*, status: int, code: str | None = None, message=None, errors: list[dict] | None = None) -> dict:
    error = APIError(status, message, code=code, errors=errors)
    return {"status": error.status, "code": error.code, "message": str(error.message), "errors": error.errors}


def _respond(api: NinjaAPI, request: HttpRequest, **body) -> HttpResponse:
    data = error_body(**body)
    return api.create_response(request, data, status=data["status"])


def register_error_handlers(api: NinjaAPI) -> None:
    """Every exception a router, Wagtail's composed operations or ninja itself raises for a client's mistake
    becomes the one error format; anything else stays a server error (logged, 500)."""

    @api.exception_handler(APIError)
    def api_error(request, exc: APIError):
        return _respond(api, request, status=exc.status, code=exc.code, message=exc.message, errors=exc.errors)

    @api.exception_handler(NinjaValidationError)
    def ninja_validation_error(request, exc: NinjaValidationError):
        return _respond(api, request, status=422, errors=field_errors_from_pydantic(exc.errors))

    @api.exception_handler(PydanticValidationError)
    def pydantic_validation_error(request, exc: PydanticValidationError):
        return _respond(api, request, status=422, errors=field_errors_from_pydantic(exc.errors()))

    @api.exception_handler(DjangoValidationError)
    def django_validation_error(request, exc: DjangoValidationError):
        return _respond(api, request, status=422, errors=field_errors_from_django(exc))

    @api.exception_handler(AuthenticationError)
    def authentication_error(request, exc: AuthenticationError):
        return _respond(api, request, status=401)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc: PermissionDenied):
        status = 403 if getattr(request, "user", None) and request.user.is_authenticated else 401
        return _respond(api, request, status=status)

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return _respond(api, request, status=404)

    @api.exception_handler(Throttled)
    def throttled(request, exc: Throttled):
        return _respond(api, request, status=429)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        # Raised by ninja (e.g. an unparsable body) and by Wagtail's operations, with English texts of their own:
        # the client gets the status's Russian message.
        return _respond(api, request, status=exc.status_code)
