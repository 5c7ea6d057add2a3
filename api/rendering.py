"""One date-time format in both APIs: ISO 8601 in the school's time zone with its offset,
e.g. `2026-12-01T15:00:00+03:00` — what Wagtail's API v2 (Django REST framework) already writes.

A time of day without a date (office hours) is the school's wall-clock time, `15:00:00`, with no offset: it is
documented as such (`LocalTime`), since OpenAPI's `time` format means a time with an offset.
"""

import datetime
from typing import Annotated

from django.utils import timezone
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from pydantic import WithJsonSchema

LocalTime = Annotated[
    datetime.time,
    WithJsonSchema(
        {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$", "description": "Moscow time, hh:mm:ss"}
    ),
]


def iso_datetime(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


class Encoder(NinjaJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            return iso_datetime(o)
        return super().default(o)


class Renderer(JSONRenderer):
    encoder_class = Encoder
