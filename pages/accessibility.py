"""The version for visually impaired readers, after ГОСТ Р 52872-2019: the reader chooses the font size,
the colour scheme, the letter spacing and whether images are shown.

The choice is one cookie, `low_vision`, set by ordinary links and a GET form: it works without JavaScript,
persists across pages, and its value alone decides how a page looks (a page cache keys on it). Its value is
`<size>-<scheme>-<images>-<spacing>`; "1", which the first version of the switch set, reads as the defaults.
"""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

LOW_VISION_COOKIE = "low_vision"
ONE_YEAR = 365 * 24 * 60 * 60

SIZES = {"normal": _("Обычный"), "large": _("Крупный"), "xlarge": _("Очень крупный")}
SCHEMES = {"bw": _("Чёрным по белому"), "wb": _("Белым по чёрному"), "blue": _("Тёмно-синим по голубому")}
IMAGES = {"on": _("Показывать"), "off": _("Не показывать")}
SPACINGS = {"normal": _("Обычный"), "wide": _("Увеличенный"), "wider": _("Большой")}
CHOICES = {"size": SIZES, "scheme": SCHEMES, "images": IMAGES, "spacing": SPACINGS}


@dataclass(frozen=True)
class LowVision:
    size: str = "large"
    scheme: str = "bw"
    images: str = "off"
    spacing: str = "normal"

    @property
    def value(self) -> str:
        return f"{self.size}-{self.scheme}-{self.images}-{self.spacing}"

    @property
    def classes(self) -> str:
        return (
            f"low-vision lv-size-{self.size} lv-scheme-{self.scheme} lv-images-{self.images} lv-spacing-{self.spacing}"
        )

    @property
    def hides_images(self) -> bool:
        return self.images == "off"


DEFAULT = LowVision()


def parse(value: str | None) -> LowVision | None:
    """The settings a cookie value holds; None for no cookie or a value that is none of them."""
    if value == "1":
        return DEFAULT
    parts = (value or "").split("-")
    if len(parts) != len(CHOICES) or any(part not in CHOICES[name] for name, part in zip(CHOICES, parts, strict=True)):
        return None
    return LowVision(*parts)


def low_vision_settings(request: HttpRequest) -> LowVision | None:
    return parse(request.COOKIES.get(LOW_VISION_COOKIE))


def low_vision_enabled(request: HttpRequest) -> bool:
    return low_vision_settings(request) is not None


def settings_from_query(request: HttpRequest) -> LowVision | None:
    """The settings the panel's form sends, the current ones (or the defaults) where it sends none; None when
    a value is none of the choices."""
    current = low_vision_settings(request) or DEFAULT
    values = {name: request.GET.get(name) or getattr(current, name) for name in CHOICES}
    if any(values[name] not in CHOICES[name] for name in CHOICES):
        return None
    return LowVision(**values)


def safe_next_url(request: HttpRequest) -> str:
    next_url = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return next_url
    return "/"


def set_low_vision(request: HttpRequest, *, enabled: bool, settings: LowVision | None = None) -> HttpResponseRedirect:
    response = HttpResponseRedirect(safe_next_url(request))
    if enabled:
        chosen = settings or low_vision_settings(request) or DEFAULT
        response.set_cookie(
            LOW_VISION_COOKIE, chosen.value, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure()
        )
    else:
        response.delete_cookie(LOW_VISION_COOKIE, samesite="Lax")
    return response
